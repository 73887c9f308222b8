#!/usr/bin/env bash
# -j N: the events and error records come out in input order, byte for
# byte the same as with -j 1, for articles (JSON Lines), parsed sentences
# (XML and JSON Lines) and a mix of inputs with errors; and a bad -j is a
# usage error.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

python3 tests/e2e/gen_articles.py "$TMP/articles.jsonl" 4000 3
# parsed sentences: the examples repeated with fresh ids, plus broken ones
python3 - "$TMP" <<'PY'
import json, re, sys
tmp = sys.argv[1]
xml = open("examples/sentences.xml", encoding="utf-8").read()
body = xml[xml.index("<Sentence "):xml.rindex("</Sentence>") + len("</Sentence>")]
with open(f"{tmp}/sentences.xml", "w", encoding="utf-8") as f:
    f.write("<Sentences>\n")
    for i in range(300):
        f.write(re.sub(r'id="([^"]*)"', lambda m: f'id="{m.group(1)}-{i}"', body) + "\n")
        if i % 50 == 7:
            f.write('<Sentence id="BROKEN-%d">\n<Text>no date</Text>\n</Sentence>\n' % i)
    f.write("</Sentences>\n")
with open(f"{tmp}/sentences.jsonl", "w", encoding="utf-8") as f:
    for i in range(300):
        for line in open("examples/sentences.jsonl", encoding="utf-8"):
            rec = json.loads(line)
            rec["id"] = f'{rec["id"]}-{i}'
            f.write(json.dumps(rec) + "\n")
        if i % 40 == 3:
            f.write('{"id": "X", "date": "20200101", "parse": "(ROOT (S (NP (NNP A)"}\n')
PY

for input in articles.jsonl sentences.xml sentences.jsonl; do
    run "$TMP/j1.out" "$TMP/j1.err" code "${EX_DICTS[@]}" -j 1 --errors "$TMP/j1.errors" \
        "$TMP/$input"
    [ "$RC" -le 1 ] || fail "$input, -j 1: exit status $RC"
    summary "$TMP/j1.err"
    [ "$S_READ" -gt 1000 ] || fail "$input: only $S_READ records"
    for j in 2 3 8; do
        run "$TMP/jn.out" "$TMP/jn.err" code "${EX_DICTS[@]}" -j "$j" \
            --errors "$TMP/jn.errors" "$TMP/$input"
        cmp -s "$TMP/j1.out" "$TMP/jn.out" || fail "$input: events with -j $j differ from -j 1"
        cmp -s "$TMP/j1.errors" "$TMP/jn.errors" ||
            fail "$input: error records with -j $j differ from -j 1"
        [ "$(tail -n 1 "$TMP/jn.err")" = "$(tail -n 1 "$TMP/j1.err")" ] ||
            fail "$input: summary with -j $j differs"
    done
    echo "$input: $(tail -n 1 "$TMP/j1.err")"
done

# Several inputs at once, errors to standard error: the same order again.
run "$TMP/a.out" "$TMP/a.err" code "${EX_DICTS[@]}" -j 1 "$TMP/sentences.xml" \
    "$TMP/articles.jsonl" "$TMP/sentences.jsonl"
run "$TMP/b.out" "$TMP/b.err" code "${EX_DICTS[@]}" -j 4 "$TMP/sentences.xml" \
    "$TMP/articles.jsonl" "$TMP/sentences.jsonl"
cmp -s "$TMP/a.out" "$TMP/b.out" || fail "three inputs: -j 4 differs from -j 1"
cmp -s <(error_records "$TMP/a.err") <(error_records "$TMP/b.err") ||
    fail "three inputs: the error records on stderr differ"

# The golden file, with the default (one thread per CPU) and with -j 2.
for j in "" "-j 2"; do
    # shellcheck disable=SC2086
    run "$TMP/g.out" "$TMP/g.err" code "${EX_DICTS[@]}" $j "$GOLDEN_INPUT"
    cmp -s "$GOLDEN" "$TMP/g.out" || fail "golden events differ with '$j'"
done

for bad in 0 -1 x 2x 100000 ""; do
    run "$TMP/o" "$TMP/e" code "${EX_DICTS[@]}" -j "$bad" "$GOLDEN_INPUT"
    expect_rc 2 "-j '$bad'"
    grep -q -- "--jobs '$bad'" "$TMP/e" || fail "-j '$bad': $(cat "$TMP/e")"
done
exit 0
