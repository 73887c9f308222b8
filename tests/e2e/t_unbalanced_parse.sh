#!/usr/bin/env bash
# Parses with bad bracketing: a missing final bracket is repaired or
# reported, bracket-free text is an error record, the other records are
# coded and the counts add up.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" tests/data/unbalanced.xml
[ "$RC" -eq 1 ] || fail "exit status $RC, expected 1 (BROKEN_3 fails)"
summary "$TMP/err"
[ "$S_READ" -eq 4 ] || fail "records read $S_READ"
[ "$S_ERRORS" -ge 1 ] || fail "no error for the parse without brackets"
error_records "$TMP/err" >"$TMP/errors.jsonl"
[ "$(json_lines "$TMP/errors.jsonl")" -eq "$S_ERRORS" ] || fail "error records != errors count"
grep -q '"sentence":"BROKEN_3".*"error":"bad_input_parse"' "$TMP/errors.jsonl" ||
    fail "BROKEN_3 is not a bad_input_parse error: $(cat "$TMP/errors.jsonl")"
json_lines "$TMP/out" >/dev/null
grep -q '"sentence":"GOOD_4"' "$TMP/out" || fail "GOOD_4 not coded"
exit 0
