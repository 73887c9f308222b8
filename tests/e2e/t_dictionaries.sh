#!/usr/bin/env bash
# Dictionary problems: a garbage line is a warning "FILE:LINE: message" and
# the rest of the file still loads; a missing or unrecognisable dictionary is
# fatal (exit 2) with a message naming the file.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

# A copy of the example actors with garbage inserted as line 7.
mkdir -p "$TMP/dict"
cp examples/dict/*.txt "$TMP/dict/"
{ head -n 6 examples/dict/actors.txt; echo 'BROKEN_ENTRY [UNTERMINATED ]]] {{'; tail -n +7 examples/dict/actors.txt; } \
    >"$TMP/dict/actors.txt"
dicts=(--no-default-dict --dict "$TMP/dict/verbs.txt" --dict "$TMP/dict/actors.txt"
       --dict "$TMP/dict/agents.txt" --dict "$TMP/dict/discards.txt" --dict "$TMP/dict/issues.txt")
run "$TMP/out" "$TMP/err" code "${dicts[@]}" "$GOLDEN_INPUT"
expect_rc 0 "a garbage dictionary line"
grep -q "^$TMP/dict/actors.txt:7: " "$TMP/err" || { cat "$TMP/err"; fail "no warning naming actors.txt:7"; }
cmp -s "$GOLDEN" "$TMP/out" || fail "events changed: the rest of the dictionary did not load"

# Garbage in the verbs file too: a pattern without its '*', one whose code
# is not closed.
{ cat examples/dict/verbs.txt; echo '- FOR GARBAGE [042]'; echo '- * (FOR TALKS [042'; } >"$TMP/dict/verbs.txt"
run "$TMP/out" "$TMP/err" code "${dicts[@]}" "$GOLDEN_INPUT"
expect_rc 0 "garbage verb lines"
n=$(wc -l <examples/dict/verbs.txt)
for l in $((n + 1)) $((n + 2)); do
    grep -q "^$TMP/dict/verbs.txt:$l: " "$TMP/err" || { cat "$TMP/err"; fail "no warning for verbs.txt:$l"; }
done
cmp -s "$GOLDEN" "$TMP/out" || fail "events changed after garbage verb lines"

# A missing dictionary: exit 2, the message names it, nothing is coded.
run "$TMP/out" "$TMP/err" code --no-default-dict --dict examples/dict/verbs.txt \
    --dict "$TMP/no-such-actors.txt" "$GOLDEN_INPUT"
expect_rc 2 "a missing dictionary"
grep -q "no-such-actors.txt" "$TMP/err" || fail "message does not name the missing file: $(cat "$TMP/err")"
[ ! -s "$TMP/out" ] || fail "events written despite a missing dictionary"

# A directory is not a dictionary either.
run "$TMP/out" "$TMP/err" code --no-default-dict --dict "verbs:$TMP" "$GOLDEN_INPUT"
expect_rc 2 "a directory as dictionary"
grep -q "$TMP" "$TMP/err" || fail "message does not name the directory: $(cat "$TMP/err")"

# A file whose kind cannot be recognised (neither its name nor its content,
# only comments, tells).
printf '# nothing but a comment\n' >"$TMP/mystery.dat"
run "$TMP/out" "$TMP/err" code --no-default-dict --dict "$TMP/mystery.dat" "$GOLDEN_INPUT"
expect_rc 2 "an unrecognisable dictionary"
grep -q "mystery.dat" "$TMP/err" || fail "message does not name the file: $(cat "$TMP/err")"
exit 0
