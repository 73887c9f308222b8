#!/usr/bin/env bash
# dyad validate on PETRARCH's own unit-test records (shared data; skipped
# when absent), and the equivalence with dyad code: the events validate
# produces are exactly those of `dyad code` with the same dictionaries.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

# A floor for the number of passing records, so that a regression shows.
# PETRARCH 2 itself passes about 90 of the 284 records (they were written
# for PETRARCH 1); dyad passed 277 when this was set.  Raise it as the coder
# improves (DYAD_VALIDATE_MIN overrides it).
MIN_PASSED=${DYAD_VALIDATE_MIN:-270}

shared=$(shared_dir)
[ -n "$shared" ] || skip "no shared data (set DYAD_SHARED or put it at ../shared)"
records=$shared/petrarch2/text/PETR.UnitTest.records.xml
dicts=$shared/petrarch2/dictionaries
[ -f "$records" ] || skip "no $records"

run "$TMP/out" "$TMP/err" validate --events "$TMP/validate.jsonl" "$records"
[ "$RC" -eq 0 ] || [ "$RC" -eq 1 ] || { cat "$TMP/err"; fail "validate: exit status $RC"; }
last=$(tail -n 1 "$TMP/out")
[[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]] || fail "last line: $last"
passed=${BASH_REMATCH[1]} failed=${BASH_REMATCH[2]}
[ $((passed + failed)) -eq 284 ] || fail "scored $((passed + failed)) records, expected 284"
[ "$(grep -c '^FAIL ' "$TMP/out")" -eq "$failed" ] || fail "FAIL lines != failed count"
if [ "$failed" -eq 0 ]; then expect_rc 0 "validate, none failed"; else expect_rc 1 "validate, some failed"; fi
[ "$passed" -ge "$MIN_PASSED" ] || fail "only $passed records pass (floor $MIN_PASSED)"
# the per-category lines add up to the totals
python3 - "$TMP/out" "$passed" "$failed" <<'PY' || fail "category lines do not add up"
import re, sys
p = t = 0
for line in open(sys.argv[1]):
    m = re.fullmatch(r"[A-Za-z_()-]+: (\d+)/(\d+)\n", line)
    if m:
        p += int(m[1]); t += int(m[2])
sys.exit(0 if (p, t) == (int(sys.argv[2]), int(sys.argv[2]) + int(sys.argv[3])) else 1)
PY
echo "validate: $last"

# Equivalence: the same events from dyad code with the same dictionaries.
run "$TMP/code.jsonl" "$TMP/err2" code --no-default-dict \
    --dict "$dicts/PETR.Validate.verbs.txt" --dict "$dicts/PETR.Validate.actors.txt" \
    --dict "$dicts/PETR.Validate.agents.txt" --dict "$dicts/PETR.Validate.discards.txt" \
    "$records"
[ "$RC" -eq 0 ] || [ "$RC" -eq 1 ] || { tail -n 5 "$TMP/err2"; fail "code: exit status $RC"; }
summary "$TMP/err2"
[ "$S_READ" -eq 284 ] || fail "code read $S_READ records, expected 284"
json_lines "$TMP/code.jsonl" >/dev/null
if ! diff <(sort "$TMP/validate.jsonl") <(sort "$TMP/code.jsonl") >"$TMP/diff"; then
    head -n 20 "$TMP/diff"
    fail "dyad validate and dyad code produce different events"
fi
echo "equivalence: $(wc -l <"$TMP/code.jsonl") events from both"
exit 0
