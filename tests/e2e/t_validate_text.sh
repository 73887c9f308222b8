#!/usr/bin/env bash
# dyad validate --from-text: every record coded from its <Text> alone, as a
# raw-text article; same output format.  On our small file, then on
# PETRARCH's unit-test records (shared data; skipped when absent).
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp
in=tests/data/mini.validation.xml

# V-02 is wrong on purpose; V-08 expects bad_input_parse, which its <Parse>
# has but its text cannot have.  The discards still compare as discards.
run "$TMP/out" "$TMP/err" validate --from-text --events "$TMP/events.jsonl" \
    --dict-dir examples/dict "$in"
expect_rc 1 "validate --from-text"
[ "$(tail -n 1 "$TMP/out")" = "6 passed, 2 failed" ] || { cat "$TMP/out"; fail "final line"; }
grep -qx 'FAIL V-02 \[SIGN\]: expected {(ARV,BEL,042)} got {(CAS,DUN,057)}' "$TMP/out" ||
    { cat "$TMP/out"; fail "no FAIL line for V-02"; }
grep -q '^FAIL V-08 \[ERROR\]: expected error bad_input_parse got ' "$TMP/out" ||
    { cat "$TMP/out"; fail "no FAIL line for V-08"; }
for line in 'ACCUSE: 2/2' 'SIGN: 0/1' 'NONE: 1/1' 'DISCARD: 2/2' 'COMPOUND: 1/1' 'ERROR: 0/1'; do
    grep -qx "$line" "$TMP/out" || { cat "$TMP/out"; fail "no category line '$line'"; }
done
# --events: article events, with spans into the record's text
json_lines "$TMP/events.jsonl" >/dev/null
grep -q '"sentence":"V-07-1".*"spans":{"source":\[' "$TMP/events.jsonl" ||
    fail "--events: no article event for V-07: $(cat "$TMP/events.jsonl")"

shared=$(shared_dir)
[ -n "$shared" ] || skip "no shared data (set DYAD_SHARED or put it at ../shared)"
records=$shared/petrarch2/text/PETR.UnitTest.records.xml
[ -f "$records" ] || skip "no $records"
# A floor, so that a regression shows: 80% of the 284 records is 228; dyad
# passed 258 when this was set (DYAD_VALIDATE_TEXT_MIN overrides it).
MIN_PASSED=${DYAD_VALIDATE_TEXT_MIN:-250}
run "$TMP/out" "$TMP/err" validate --from-text "$records"
[ "$RC" -eq 0 ] || [ "$RC" -eq 1 ] || { cat "$TMP/err"; fail "validate --from-text: exit status $RC"; }
last=$(tail -n 1 "$TMP/out")
[[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]] || fail "last line: $last"
passed=${BASH_REMATCH[1]} failed=${BASH_REMATCH[2]}
[ $((passed + failed)) -eq 284 ] || fail "scored $((passed + failed)) records, expected 284"
[ "$passed" -ge "$MIN_PASSED" ] || fail "only $passed records pass from text (floor $MIN_PASSED)"
echo "validate --from-text: $last"
exit 0
