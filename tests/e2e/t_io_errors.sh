#!/usr/bin/env bash
# Input and output problems: a missing input file (the others are still
# coded, exit 2), an unwritable -o or --errors (exit 2 before coding), a
# full disk (exit 2), an empty input.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" "$TMP/missing.xml" "$GOLDEN_INPUT"
expect_rc 2 "a missing input file"
grep -q "missing.xml" "$TMP/err" || fail "message does not name the missing input: $(cat "$TMP/err")"
summary "$TMP/err"
cmp -s "$GOLDEN" "$TMP/out" || fail "the existing input was not coded after the missing one"

run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" -o "$TMP/no/such/dir/events.jsonl" "$GOLDEN_INPUT"
expect_rc 2 "an unwritable -o"
grep -q "cannot write $TMP/no/such/dir/events.jsonl" "$TMP/err" || fail "message: $(cat "$TMP/err")"
run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" --errors "$TMP/no/such/dir/e.jsonl" "$GOLDEN_INPUT"
expect_rc 2 "an unwritable --errors"

if [ -w /dev/full ]; then
    run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" -o /dev/full "$GOLDEN_INPUT"
    expect_rc 2 "output to a full device"
    grep -q "error writing /dev/full" "$TMP/err" || fail "message: $(cat "$TMP/err")"
fi

: >"$TMP/empty.xml"
run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" "$TMP/empty.xml"
expect_rc 0 "an empty input"
summary "$TMP/err"
[ "$S_READ" -eq 0 ] || fail "records read $S_READ from an empty file"
exit 0
