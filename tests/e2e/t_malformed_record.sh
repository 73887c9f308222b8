#!/usr/bin/env bash
# Malformed XML records between good ones: one error record each (kind
# "bad_record", naming file, line and sentence), the good records are still
# coded, the counts add up, exit 1.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp
in=tests/data/malformed-middle.xml

run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" "$in"
expect_rc 1 "malformed record"
summary "$TMP/err"
[ "$S_READ" -eq 6 ] || fail "records read $S_READ, expected 6 (4 good + 2 bad)"
[ "$S_CODED" -eq 4 ] || fail "coded $S_CODED, expected 4"
[ "$S_ERRORS" -eq 2 ] || fail "errors $S_ERRORS, expected 2"
error_records "$TMP/err" >"$TMP/errors.jsonl"
[ "$(json_lines "$TMP/errors.jsonl")" -eq 2 ] || fail "expected two error records: $(cat "$TMP/err")"
for id in BAD_3 BAD_5; do
    grep -q "\"sentence\":\"$id\",\"file\":\"$in\",\"line\":[1-9][0-9]*,\"error\":\"bad_record\"" \
        "$TMP/errors.jsonl" || fail "no bad_record error for $id: $(cat "$TMP/errors.jsonl")"
done
n=$(json_lines "$TMP/out")
[ "$n" -eq "$S_EVENTS" ] || fail "summary says $S_EVENTS events, output has $n"
for id in GOOD_1 GOOD_2 GOOD_4 GOOD_6; do
    grep -q "\"sentence\":\"$id\"" "$TMP/out" || fail "no event for $id after the bad record"
done
! grep -q '"sentence":"BAD_' "$TMP/out" || fail "a malformed record produced an event"

# --errors FILE: the error records go there, stderr keeps the summary.
run "$TMP/out2" "$TMP/err2" code "${EX_DICTS[@]}" --errors "$TMP/errors2.jsonl" "$in"
expect_rc 1 "malformed record with --errors"
cmp -s "$TMP/errors.jsonl" "$TMP/errors2.jsonl" || fail "--errors FILE differs from the stderr records"
[ -z "$(error_records "$TMP/err2")" ] || fail "error records still on stderr with --errors"
summary "$TMP/err2"
exit 0
