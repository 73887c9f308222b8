#!/usr/bin/env bash
# The command line itself: --version, --help, usage errors and exit status 2.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

run "$TMP/out" "$TMP/err" --version
expect_rc 0 "dyad --version"
grep -Eq '^dyad [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out" || fail "--version printed: $(cat "$TMP/out")"

for args in "--help" "code --help" "validate --help" "parse --help"; do
    # shellcheck disable=SC2086
    run "$TMP/out" "$TMP/err" $args
    expect_rc 0 "dyad $args"
    grep -q '^usage: dyad' "$TMP/out" || fail "dyad $args: no usage on stdout"
done
grep -q -- '--no-default-dict' <("$DYAD" code --help) || fail "code --help does not list --no-default-dict"
grep -q 'records read N, coded N, events N, errors N, discarded N' <("$DYAD" code --help) ||
    fail "code --help does not document the summary line"

run "$TMP/out" "$TMP/err"
expect_rc 2 "dyad without a command"
run "$TMP/out" "$TMP/err" frobnicate
expect_rc 2 "unknown command"
grep -q "unknown command 'frobnicate'" "$TMP/err" || fail "unknown command: $(cat "$TMP/err")"
run "$TMP/out" "$TMP/err" code --bogus
expect_rc 2 "unknown option"
grep -q -- "unknown option '--bogus'" "$TMP/err" || fail "unknown option: $(cat "$TMP/err")"
run "$TMP/out" "$TMP/err" code --dict
expect_rc 2 "--dict without a value"

# No dictionaries: a clear message, with or without --no-default-dict.
# --no-default-dict with no --dict leaves nothing to code with.
run "$TMP/out" "$TMP/err" code --no-default-dict examples/sentences.xml
expect_rc 2 "code --no-default-dict without --dict"
grep -q 'leaves nothing to code with' "$TMP/err" || fail "no-dictionary message: $(cat "$TMP/err")"
[ ! -s "$TMP/out" ] || fail "code without dictionaries wrote events"
# Without options the built-in dictionaries are used, with no warning.
run "$TMP/out" "$TMP/err" code examples/sentences.xml
expect_rc 0 "code with the built-in dictionaries"
grep -q 'warning\|:[0-9]*: ' "$TMP/err" && fail "built-in dictionaries warned: $(cat "$TMP/err")"
true

# --option: a bad name or value is a usage error.
run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" --option no_such_option=1 examples/sentences.xml
expect_rc 2 "--option with an unknown name"
run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" --option require_dyad examples/sentences.xml
expect_rc 2 "--option without =VALUE"

# validate usage errors
run "$TMP/out" "$TMP/err" validate
expect_rc 2 "validate without a file"
run "$TMP/out" "$TMP/err" validate a.xml b.xml
expect_rc 2 "validate with two files"
exit 0
