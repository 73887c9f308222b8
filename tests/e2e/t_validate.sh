#!/usr/bin/env bash
# dyad validate on a small validation file of our own (no shared data needed):
# output format, per-category counts, exit status, dictionary lookup.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp
in=tests/data/mini.validation.xml

run "$TMP/out" "$TMP/err" validate --dict-dir examples/dict "$in"
expect_rc 1 "validate with one failing record"
grep -qx 'FAIL V-02 \[SIGN\]: expected {(ARV,BEL,042)} got {(CAS,DUN,057)}' "$TMP/out" ||
    { cat "$TMP/out"; fail "no FAIL line for V-02"; }
[ "$(grep -c '^FAIL ' "$TMP/out")" -eq 1 ] || { cat "$TMP/out"; fail "records other than V-02 failed"; }
for line in 'ACCUSE: 2/2' 'SIGN: 0/1' 'NONE: 1/1' 'DISCARD: 2/2' 'COMPOUND: 1/1' 'ERROR: 1/1'; do
    grep -qx "$line" "$TMP/out" || { cat "$TMP/out"; fail "no category line '$line'"; }
done
[ "$(tail -n 1 "$TMP/out")" = "7 passed, 1 failed" ] || { cat "$TMP/out"; fail "final line"; }

# --verbose shows the passes; --events writes what was coded.
run "$TMP/out" "$TMP/err" validate --verbose --events "$TMP/events.jsonl" --dict-dir examples/dict "$in"
expect_rc 1 "validate --verbose"
grep -q '^PASS V-01 \[ACCUSE\]: ' "$TMP/out" || { cat "$TMP/out"; fail "--verbose shows no PASS line"; }
[ "$(json_lines "$TMP/events.jsonl")" -ge 4 ] || fail "--events: too few events"
grep -q '"sentence":"V-07"' "$TMP/events.jsonl" || fail "--events: no event for V-07"

# Without --dict-dir: the file's directory, then ../dictionaries beside it.
mkdir -p "$TMP/layout/text" "$TMP/layout/dictionaries"
cp "$in" "$TMP/layout/text/"
cp examples/dict/*.txt "$TMP/layout/dictionaries/"
run "$TMP/out2" "$TMP/err" validate "$TMP/layout/text/mini.validation.xml"
expect_rc 1 "validate finding ../dictionaries"
[ "$(tail -n 1 "$TMP/out2")" = "7 passed, 1 failed" ] || fail "../dictionaries layout: $(tail -n 1 "$TMP/out2")"

# A dictionary that is not there: exit 2, named.
rm "$TMP/layout/dictionaries/agents.txt"
run "$TMP/out" "$TMP/err" validate "$TMP/layout/text/mini.validation.xml"
expect_rc 2 "validate with a missing dictionary"
grep -q 'agents.txt' "$TMP/err" || fail "message does not name agents.txt: $(cat "$TMP/err")"

# A file without <Environment>: exit 2.
run "$TMP/out" "$TMP/err" validate --dict-dir examples/dict "$GOLDEN_INPUT"
expect_rc 2 "validate on a file without <Environment>"
grep -q 'Environment' "$TMP/err" || fail "message: $(cat "$TMP/err")"

# All passing: exit 0 (drop V-02 from a copy).
python3 - "$in" "$TMP/pass.xml" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
s = re.sub(r'<Sentence [^>]*id="V-02".*?</Sentence>', '', s, flags=re.S)
open(sys.argv[2], "w").write(s)
PY
run "$TMP/out" "$TMP/err" validate --dict-dir examples/dict "$TMP/pass.xml"
expect_rc 0 "validate with every record passing"
[ "$(tail -n 1 "$TMP/out")" = "7 passed, 0 failed" ] || fail "final line: $(tail -n 1 "$TMP/out")"
exit 0
