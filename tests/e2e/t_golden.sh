#!/usr/bin/env bash
# The examples coded with the example dictionaries equal the golden file;
# the JSON Lines copy of the examples gives the same events; -o, stdin.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" "$GOLDEN_INPUT"
expect_rc 0 "dyad code on $GOLDEN_INPUT"
if ! diff -u "$GOLDEN" "$TMP/out" >"$TMP/diff"; then
    head -n 40 "$TMP/diff"
    fail "events differ from $GOLDEN (if the change is intended: make golden, and review the diff)"
fi
n=$(json_lines "$TMP/out")
summary "$TMP/err"
[ "$S_EVENTS" -eq "$n" ] || fail "summary says $S_EVENTS events, output has $n lines"
[ "$S_READ" -eq "$(grep -c '<Sentence ' "$GOLDEN_INPUT")" ] || fail "records read $S_READ"
[ "$S_ERRORS" -eq 0 ] || fail "errors on the examples: $(cat "$TMP/err")"
[ "$S_DISCARDED" -ge 1 ] || fail "the examples' discard sentences were not discarded"
[ "$n" -ge 8 ] || fail "only $n events from the examples"
# nothing but the summary on stderr: the example dictionaries load cleanly
[ "$(wc -l <"$TMP/err")" -eq 1 ] || { cat "$TMP/err"; fail "unexpected messages on stderr"; }

# Same records as JSON Lines: same events.
run "$TMP/out2" "$TMP/err2" code "${EX_DICTS[@]}" examples/sentences.jsonl
expect_rc 0 "dyad code on examples/sentences.jsonl"
same_events "$GOLDEN" "$TMP/out2" || fail "examples/sentences.jsonl codes differently from the XML"
summary "$TMP/err2"
[ "$S_READ" -eq "$(wc -l <examples/sentences.jsonl)" ] || fail "jsonl: records read $S_READ"

# -o FILE writes the same bytes; standard input ("-" and no file) too.
run "$TMP/out3" "$TMP/err3" code "${EX_DICTS[@]}" -o "$TMP/events.jsonl" "$GOLDEN_INPUT"
expect_rc 0 "dyad code -o"
[ ! -s "$TMP/out3" ] || fail "-o FILE still wrote to stdout"
cmp -s "$TMP/out" "$TMP/events.jsonl" || fail "-o FILE differs from stdout"
"$DYAD" code "${EX_DICTS[@]}" - <examples/sentences.jsonl >"$TMP/out4" 2>"$TMP/err4"
RC=$?; expect_rc 0 "dyad code - (stdin)"
same_events "$GOLDEN" "$TMP/out4" || fail "stdin ('-') codes differently"
"$DYAD" code "${EX_DICTS[@]}" <"$GOLDEN_INPUT" >"$TMP/out5" 2>"$TMP/err5"
RC=$?; expect_rc 0 "dyad code with no file (stdin)"
same_events "$GOLDEN" "$TMP/out5" || fail "stdin (no file) codes differently"

# Explicit KIND:PATH gives the same result as recognition by name.
run "$TMP/out6" "$TMP/err6" code --no-default-dict --dict verbs:examples/dict/verbs.txt \
    --dict actors:examples/dict/actors.txt --dict agents:examples/dict/agents.txt \
    --dict discards:examples/dict/discards.txt --dict issues:examples/dict/issues.txt \
    "$GOLDEN_INPUT"
expect_rc 0 "dyad code with KIND:PATH"
cmp -s "$GOLDEN" "$TMP/out6" || fail "KIND:PATH dictionaries code differently"
exit 0
