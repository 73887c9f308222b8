#!/usr/bin/env bash
# Coding options: <Config> before a record applies to it and to the records
# after it (as in PETRARCH); --option sets the starting value.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" tests/data/config.xml
expect_rc 0 "tests/data/config.xml"
json_lines "$TMP/out" >/dev/null
! grep -q '"sentence":"DYAD_1"' "$TMP/out" || fail "DYAD_1 coded without a target while require_dyad is on"
grep -q '"sentence":"NODYAD_2"' "$TMP/out" || fail "NODYAD_2: <Config> require_dyad=false not applied"
grep -q '"sentence":"NODYAD_3"' "$TMP/out" || fail "NODYAD_3: <Config> did not persist to the next record"

run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" --option require_dyad=false tests/data/config.xml
expect_rc 0 "--option require_dyad=false"
grep -q '"sentence":"DYAD_1"' "$TMP/out" || fail "--option require_dyad=false not applied to DYAD_1"
exit 0
