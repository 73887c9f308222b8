#!/usr/bin/env bash
# bench/run.sh -- coding speed and memory of `dyad code` with the full
# Phoenix dictionaries on a corpus of real wire sentences, given with their
# parses and as raw text.  Prints numbers,
# never pass/fail (see docs/benchmarks.md).
#
# Environment: DYAD (binary, default build/dyad), DYAD_SHARED (the shared
# reference data, default ../shared), BENCH_RECORDS (corpus size, default
# 20000), BENCH_RUNS (timed runs of the coding step, default 3; the median
# is reported).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
DYAD=${DYAD:-$repo/build/dyad}
shared=${DYAD_SHARED:-$repo/../shared}
records=${BENCH_RECORDS:-20000}
runs=${BENCH_RUNS:-3}
out=bench/out

if [ ! -d "$shared/petrarch2" ]; then
    echo "bench: no shared data at $shared (set DYAD_SHARED); nothing measured"
    exit 0
fi
shared=$(cd "$shared" && pwd)
if [ ! -x "$DYAD" ]; then
    echo "bench: no dyad binary at $DYAD (run make)" >&2
    exit 2
fi
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: $TIME missing (bash scripts/install-deps.sh)" >&2; exit 2; }

mkdir -p "$out"
d=$shared/petrarch2/dictionaries
dicts=(--no-default-dict
       --dict "verbs:$d/CAMEO.2.0.txt"
       --dict "actors:$d/Phoenix.Countries.actors.txt"
       --dict "actors:$d/Phoenix.International.actors.txt"
       --dict "actors:$d/Phoenix.MilNonState.actors.txt"
       --dict "agents:$d/Phoenix.agents.txt"
       --dict "discards:$d/Phoenix.discards.txt"
       --dict "issues:$d/Phoenix.IssueCoding.txt")

python3 bench/make_corpus.py "$shared/petrarch2/text/GigaWord.sample.PETR.xml" \
    "$out/corpus.xml" "$records" >"$out/corpus.log"
# The same sentences as raw text: JSON Lines articles of up to ten of them.
python3 bench/make_text_corpus.py "$shared/petrarch2/text/GigaWord.sample.PETR.xml" \
    "$out/articles.jsonl" "$records" >"$out/articles.log"
printf '<Sentences>\n</Sentences>\n' >"$out/empty.xml"

# field FILE REGEX : the first capture group of the first matching line
field() { sed -n -E "s/$2/\\1/p" "$1" | head -n 1; }

# One run: dyad's own --timing line (dictionary load and coding measured
# separately inside the process) and /usr/bin/time -v for memory.
# One coding thread (-j 1): the rates here are per core; bench/scale.sh
# measures threads.
bench_once() {  # bench_once INPUT LOG
    "$TIME" -v "$DYAD" code -j 1 -q --timing "${dicts[@]}" -o "$out/events.jsonl" "$1" \
        >/dev/null 2>"$2" || true
}
timing_re='^dyad: timing: dictionaries ([0-9.]+) s .*, coding ([0-9.]+) s, ([0-9]+) records\/s$'

# Dictionary load alone (empty input).
bench_once "$out/empty.xml" "$out/load.log"
load_s=$(field "$out/load.log" "$timing_re")
[ -n "$load_s" ] || { echo "bench: dyad failed on the empty input:" >&2; tail -n 5 "$out/load.log" >&2; exit 2; }
load_rss=$(field "$out/load.log" '^[[:space:]]*Maximum resident set size \(kbytes\): ([0-9]+)$')
warnings=$(field "$out/load.log" '^dyad: timing: .*\(([0-9]+) warnings\).*$')

# The corpus, BENCH_RUNS times.
rates=() codes=() rss=()
for i in $(seq 1 "$runs"); do
    bench_once "$out/corpus.xml" "$out/run$i.log"
    rates+=("$(sed -n -E "s/$timing_re/\\3/p" "$out/run$i.log")")
    codes+=("$(sed -n -E "s/$timing_re/\\2/p" "$out/run$i.log")")
    rss+=("$(field "$out/run$i.log" '^[[:space:]]*Maximum resident set size \(kbytes\): ([0-9]+)$')")
done
[ -n "${rates[0]}" ] || { echo "bench: dyad failed on the corpus:" >&2; tail -n 5 "$out/run1.log" >&2; exit 2; }
# The raw-text corpus, BENCH_RUNS times: dyad's sentences/s line.
text_re='^dyad: timing: articles [0-9]+, sentences ([0-9]+) \(([0-9]+) failed\), ([0-9]+) sentences\/s$'
text_rates=()
for i in $(seq 1 "$runs"); do
    bench_once "$out/articles.jsonl" "$out/text$i.log"
    text_rates+=("$(sed -n -E "s/$text_re/\3/p" "$out/text$i.log")")
done
[ -n "${text_rates[0]}" ] || { echo "bench: dyad failed on the text corpus:" >&2; tail -n 5 "$out/text1.log" >&2; exit 2; }
# The same, sentence by sentence (--option resolve=0): the front end and the
# coder without the whole-article resolution of docs/resolution.md.
front_rates=()
for i in $(seq 1 "$runs"); do
    "$TIME" -v "$DYAD" code -j 1 -q --timing --option resolve=0 "${dicts[@]}" \
        -o "$out/events.jsonl" "$out/articles.jsonl" >/dev/null 2>"$out/front$i.log" || true
    front_rates+=("$(sed -n -E "s/$text_re/\3/p" "$out/front$i.log")")
done
text_sentences=$(sed -n -E "s/$text_re/\1/p" "$out/text1.log")
text_summary=$(grep '^dyad: records read' "$out/text1.log")
median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }
summary=$(grep '^dyad: records read' "$out/run1.log")

echo "dyad $("$DYAD" --version | cut -d' ' -f2), $(nproc) CPUs, $(uname -m)"
echo "corpus:              $(cat "$out/corpus.log")"
echo "dictionaries:        CAMEO.2.0 + Phoenix actors/agents/discards/issues ($warnings warnings)"
echo "engine:             $(field "$out/load.log" '^dyad: timing: engine:(.*)$')"
echo "dictionary load:     $load_s s  (peak RSS $((load_rss / 1024)) MiB)"
echo "coding:              $(median "${codes[@]}") s  (median of $runs runs: ${codes[*]})"
echo "coding rate:         $(median "${rates[@]}") sentences/s  (dictionary load excluded; runs: ${rates[*]})"
echo "peak RSS:            $(( $(median "${rss[@]}") / 1024 )) MiB  (whole run)"
echo "${summary#dyad: }"
echo "raw text corpus:     $(cat "$out/articles.log"), $text_sentences sentences as split"
echo "raw text rate:       $(median "${text_rates[@]}") sentences/s  (tokenise, split, tag, build trees, code; runs: ${text_rates[*]})"
echo "  sentence by sentence: $(median "${front_rates[@]}") sentences/s  (--option resolve=0; runs: ${front_rates[*]})"
echo "${text_summary#dyad: }"
