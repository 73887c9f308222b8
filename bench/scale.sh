#!/usr/bin/env bash
# bench/scale.sh -- `dyad code` at corpus scale: a JSON Lines corpus of raw
# news text (1 GiB by default) coded with 1 and with 2 threads, and its
# first 10 MB alone.  Prints articles/s, sentences/s, MB/s, peak RSS and
# wall time per run, the scaling from 1 to 2 threads, and the rate on the
# first 10 MB against the whole corpus.  Numbers only, never pass/fail
# (docs/benchmarks.md).
#
# Environment: DYAD (binary, default build/dyad), DYAD_SHARED (the shared
# reference data, default ../shared), BENCH_MB (corpus size in MiB, default
# 1024), BENCH_DIR (where the corpus is built and kept, default
# /tmp/dyad-bench-scale), BENCH_THREADS (default "1 2"), BENCH_SEED
# (default 1).  The corpus is reused when it exists.  Measure on an
# otherwise idle machine: the load average is printed first.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
DYAD=${DYAD:-$repo/build/dyad}
shared=${DYAD_SHARED:-$repo/../shared}
mb=${BENCH_MB:-1024}
dir=${BENCH_DIR:-/tmp/dyad-bench-scale}
threads=${BENCH_THREADS:-1 2}
seed=${BENCH_SEED:-1}
prefix_mb=10

if [ ! -d "$shared/petrarch2" ]; then
    echo "bench-scale: no shared data at $shared (set DYAD_SHARED); nothing measured"
    exit 0
fi
shared=$(cd "$shared" && pwd)
[ -x "$DYAD" ] || { echo "bench-scale: no dyad binary at $DYAD (run make)" >&2; exit 2; }
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench-scale: $TIME missing (bash scripts/install-deps.sh)" >&2; exit 2; }

d=$shared/petrarch2/dictionaries
dicts=(--no-default-dict
       --dict "verbs:$d/CAMEO.2.0.txt"
       --dict "actors:$d/Phoenix.Countries.actors.txt"
       --dict "actors:$d/Phoenix.International.actors.txt"
       --dict "actors:$d/Phoenix.MilNonState.actors.txt"
       --dict "agents:$d/Phoenix.agents.txt"
       --dict "discards:$d/Phoenix.discards.txt"
       --dict "issues:$d/Phoenix.IssueCoding.txt")

mkdir -p "$dir"
corpus=$dir/corpus-${mb}MB-seed$seed.jsonl
prefix=$dir/corpus-${mb}MB-seed$seed.first${prefix_mb}MB.jsonl
if [ ! -s "$corpus" ]; then
    echo "building $corpus ..."
    python3 bench/make_scale_corpus.py "$corpus.tmp" "$mb" "$seed" \
        "$shared"/petrarch2/text/*.xml >"$corpus.log"
    mv "$corpus.tmp" "$corpus"
fi
if [ ! -s "$prefix" ]; then
    # the first 10 MB, cut back to a whole line
    head -c $((prefix_mb * 1000 * 1000)) "$corpus" | sed '$ d' >"$prefix.tmp"
    mv "$prefix.tmp" "$prefix"
fi

# one INPUT THREADS : prints "articles/s sentences/s MB/s rss_MiB wall_s" of a run
one() {
    local log=$dir/run.log stats=$dir/run.stats.json
    "$TIME" -f '%M' -o "$dir/run.rss" "$DYAD" code "${dicts[@]}" -j "$2" -q \
        --stats "$stats" -o /dev/null "$1" 2>"$log" || {
        echo "bench-scale: dyad failed on $1:" >&2
        tail -n 5 "$log" >&2
        exit 2
    }
    python3 - "$stats" "$(tail -n 1 "$dir/run.rss")" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(f'{s["records_per_s"]:.0f} {s["sentences_per_s"]:.0f} {s["mb_per_s"]:.2f} '
      f'{int(sys.argv[2]) // 1024} {s["wall_s"]:.1f} {s["records_read"]} {s["sentences"]}')
PY
}

echo "dyad $("$DYAD" --version | cut -d' ' -f2), $(nproc) CPUs, $(uname -m); load average:$(uptime | sed 's/.*load average://')"
echo "corpus: $corpus, $(stat -c %s "$corpus") bytes ($(cat "$corpus.log" 2>/dev/null || echo '?'))"
echo "first $prefix_mb MB: $prefix, $(stat -c %s "$prefix") bytes"
echo "dictionaries: CAMEO.2.0 + Phoenix actors/agents/discards/issues"
printf '%-22s %7s %12s %12s %8s %10s %9s\n' input threads articles/s sentences/s MB/s "peak RSS" wall
declare -A whole first
for t in $threads; do
    for which in prefix corpus; do
        input=${!which}
        read -r aps sps mbps rss wall n_art n_sent < <(one "$input" "$t")
        label=$([ "$which" = corpus ] && echo "whole (${mb} MiB)" || echo "first $prefix_mb MB")
        printf '%-22s %7s %12s %12s %8s %7s MiB %7s s\n' "$label" "$t" "$aps" "$sps" "$mbps" \
            "$rss" "$wall"
        if [ "$which" = corpus ]; then whole[$t]=$sps; else first[$t]=$sps; fi
    done
done
echo "($n_art articles, $n_sent sentences in the whole corpus)"
for t in $threads; do
    python3 -c "import sys; f, w = map(float, sys.argv[1:3]); \
print(f'{sys.argv[3]} thread(s): whole corpus at {100 * w / f:.1f}% of the first-10-MB rate')" \
        "${first[$t]}" "${whole[$t]}" "$t"
done
if [ -n "${whole[1]:-}" ] && [ -n "${whole[2]:-}" ]; then
    python3 -c "import sys; a, b = map(float, sys.argv[1:3]); \
print(f'scaling: 2 threads code {b / a:.2f}x the one-thread rate (efficiency {50 * b / a:.0f}%)')" \
        "${whole[1]}" "${whole[2]}"
fi
