#!/usr/bin/env bash
# lib.sh -- helpers for the end-to-end tests (tests/e2e/t_*.sh).
#
# A test sources this file, runs the real dyad binary ($DYAD, default
# build/dyad) from the repository root and exits 0 (pass), 77 (skip; the last
# line says why) or anything else (fail).  Run directly as
#     bash tests/e2e/lib.sh golden
# it rewrites the golden files examples/*.events.jsonl (`make golden`).

# Globals set here are read by the tests that source this file.
# shellcheck disable=SC2034
set -u

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$E2E_DIR/../.." && pwd)
DYAD=${DYAD:-$REPO/build/dyad}
cd "$REPO" || exit 1

# The example dictionaries, in the order every example run loads them.
EX_DICTS=(--no-default-dict
          --dict examples/dict/verbs.txt --dict examples/dict/actors.txt
          --dict examples/dict/agents.txt --dict examples/dict/discards.txt
          --dict examples/dict/issues.txt)

fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "$*"; exit 77; }

# A scratch folder, removed when the test ends.
new_tmp() {
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/dyad-e2e.XXXXXX") || fail "mktemp"
    trap 'rm -rf "$TMP"' EXIT
}

# The shared reference data (PETRARCH 2 dictionaries and records):
# $DYAD_SHARED, else ../shared beside the repository.  Empty when absent.
shared_dir() {
    local d=${DYAD_SHARED:-$REPO/../shared}
    if [ -d "$d/petrarch2" ]; then (cd "$d" && pwd); fi
}

# run OUT ERR ARGS... : runs dyad with stdin closed, sets RC.
run() {
    local out=$1 err=$2
    shift 2
    "$DYAD" "$@" >"$out" 2>"$err" </dev/null
    RC=$?
}

expect_rc() {  # expect_rc WANT WHAT
    [ "$RC" -eq "$1" ] || fail "$2: exit status $RC, expected $1"
}

# summary ERRFILE : checks that the last line of dyad code's stderr is the
# summary line and sets S_READ S_CODED S_EVENTS S_ERRORS S_DISCARDED.
summary() {
    local line
    line=$(tail -n 1 "$1")
    if [[ ! $line =~ ^dyad:\ records\ read\ ([0-9]+),\ coded\ ([0-9]+),\ events\ ([0-9]+),\ errors\ ([0-9]+),\ discarded\ ([0-9]+)$ ]]; then
        echo "--- stderr:"; tail -n 20 "$1"
        fail "no summary line at the end of stderr (got: $line)"
    fi
    S_READ=${BASH_REMATCH[1]} S_CODED=${BASH_REMATCH[2]} S_EVENTS=${BASH_REMATCH[3]}
    S_ERRORS=${BASH_REMATCH[4]} S_DISCARDED=${BASH_REMATCH[5]}
    [ $((S_CODED + S_ERRORS + S_DISCARDED)) -eq "$S_READ" ] ||
        fail "counts do not add up: $line"
}

# json_lines FILE : every line of FILE is one JSON object (strict UTF-8);
# prints the number of lines.
json_lines() {
    python3 - "$1" <<'PY' || fail "$1: not JSON lines"
import json, sys
n = 0
with open(sys.argv[1], "rb") as f:
    for i, raw in enumerate(f, 1):
        try:
            obj = json.loads(raw.decode("utf-8"))
        except Exception as e:
            sys.exit(f"{sys.argv[1]}:{i}: {e}: {raw[:200]!r}")
        if not isinstance(obj, dict):
            sys.exit(f"{sys.argv[1]}:{i}: not an object")
        n += 1
print(n)
PY
}

# error_records FILE : the error records (JSON lines) among dyad's stderr,
# which also carries its own "dyad: ..." messages and dictionary warnings.
error_records() {
    grep '^{' "$1" || true
}

# The golden file: the events of the example sentences with the example
# dictionaries.  examples/sentences.jsonl holds the same records and must
# give the same events (only "file" and "line" differ).
GOLDEN_INPUT=examples/sentences.xml
GOLDEN=examples/sentences.events.jsonl

# The raw-text golden file: the events of a fictional article (plain text,
# coded through the text front end) with the example dictionaries.
ARTICLE_INPUT=examples/article.txt
ARTICLE_DATE=2019-06-03
ARTICLE_GOLDEN=examples/article.events.jsonl

# The wire-style example articles (examples/articles/*.txt, dated by their
# datelines), coded with no option at all: the built-in dictionaries and
# the whole-article resolution.  Each has its golden X.events.jsonl.
EXAMPLE_ARTICLES=(examples/articles/*.txt)

# same_events A B : the JSON lines of A and B are equal in order, ignoring
# the "file" and "line" keys.
same_events() {
    python3 - "$1" "$2" <<'PY'
import json, sys
def load(p):
    out = []
    with open(p, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            o.pop("file", None)
            o.pop("line", None)
            out.append(o)
    return out
a, b = load(sys.argv[1]), load(sys.argv[2])
if a != b:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            sys.exit(f"first difference at event {i + 1}:\n  {x}\n  {y}")
    sys.exit(f"{len(a)} events against {len(b)}")
PY
}

if [ "${BASH_SOURCE[0]}" = "$0" ] && [ "${1:-}" = golden ]; then
    [ -x "$DYAD" ] || { echo "lib.sh: no dyad binary at $DYAD" >&2; exit 2; }
    "$DYAD" code "${EX_DICTS[@]}" -o "$GOLDEN" "$GOLDEN_INPUT" || exit $?
    echo "wrote $GOLDEN"
    "$DYAD" code "${EX_DICTS[@]}" --date "$ARTICLE_DATE" -o "$ARTICLE_GOLDEN" \
        "$ARTICLE_INPUT" || exit $?
    echo "wrote $ARTICLE_GOLDEN"
    for a in "${EXAMPLE_ARTICLES[@]}"; do
        "$DYAD" code -q -o "${a%.txt}.events.jsonl" "$a" || exit $?
        echo "wrote ${a%.txt}.events.jsonl"
    done
fi
