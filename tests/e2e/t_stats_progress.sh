#!/usr/bin/env bash
# --stats FILE (one JSON object whose counts add up and match the summary
# line), the progress line (only when standard error is a terminal, never
# with -q) and the end-of-run rates line that goes with it.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

python3 tests/e2e/gen_articles.py "$TMP/a.jsonl" 1200 7
printf '%s\n' '{"id": "B-1", "date": "2021-03-01"}' '{"id": "B-2"' >>"$TMP/a.jsonl"
run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" -j 2 --stats "$TMP/stats.json" \
    "$TMP/a.jsonl" "$GOLDEN_INPUT"
expect_rc 1 "a run with two bad records"
summary "$TMP/err"
python3 - "$TMP/stats.json" "$S_READ" "$S_CODED" "$S_EVENTS" "$S_ERRORS" "$S_DISCARDED" \
    "$(($(stat -c %s "$TMP/a.jsonl") + $(stat -c %s "$GOLDEN_INPUT")))" <<'PY' || fail "--stats"
import json, sys
s = json.load(open(sys.argv[1]))
read, coded, events, errors, discarded, size = map(int, sys.argv[2:])
want_keys = {"records_read", "coded", "events", "errors", "discarded", "errors_by_kind",
             "articles", "sentences", "sentences_failed", "resumed_records", "input_bytes",
             "threads", "wall_s", "records_per_s", "sentences_per_s", "mb_per_s",
             "complete", "interrupted", "exit_status"}
assert set(s) == want_keys, set(s) ^ want_keys
assert (s["records_read"], s["coded"], s["events"], s["errors"], s["discarded"]) == \
    (read, coded, events, errors, discarded), s
assert s["records_read"] == s["coded"] + s["errors"] + s["discarded"], s
assert s["errors_by_kind"] == {"bad_record": 2}, s["errors_by_kind"]
assert 0 < s["articles"] <= 1200 and s["sentences"] >= s["articles"], s
assert s["input_bytes"] == size, (s["input_bytes"], size)
assert s["threads"] == 2 and s["exit_status"] == 1 and s["complete"] and not s["interrupted"], s
assert s["wall_s"] > 0 and s["records_per_s"] > 0 and s["mb_per_s"] > 0, s
PY
grep -q '^dyad: errors by kind: bad_record 2$' "$TMP/err" || fail "no errors-by-kind line"
# Not a terminal: no progress line, no rates line.
grep -q 'records/s\|ETA' "$TMP/err" && fail "progress or rates written to a file"

# An unwritable --stats file is fatal, after the run.
run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" --stats "$TMP/no/such/dir/s.json" "$GOLDEN_INPUT"
expect_rc 2 "an unwritable --stats file"
grep -q "cannot write $TMP/no/such/dir/s.json" "$TMP/err" || fail "message: $(cat "$TMP/err")"
summary "$TMP/err"

# On a terminal (script(1) gives one): a progress line, then the rates.
if ! command -v script >/dev/null; then
    skip "no script(1) to run dyad on a terminal"
fi
on_tty() {  # on_tty OUT ARGS... : dyad with stderr on a terminal, events to a file
    local out=$1
    shift
    local cmd
    printf -v cmd '%q ' "$DYAD" "$@"
    script -qec "$cmd 2>&1 >$out.events </dev/null" /dev/null >"$out" </dev/null
}
on_tty "$TMP/tty" code "${EX_DICTS[@]}" -j 2 --errors "$TMP/tty.errors" "$TMP/a.jsonl"
grep -q $'\rdyad: [0-9]* records, [0-9]*/s, [0-9.]* MB/s, [0-9]* events, [0-9]* errors, [0-9]*%, ETA ' "$TMP/tty" ||
    fail "no progress line on a terminal: $(cat -v "$TMP/tty" | head -c 600)"
grep -q 'dyad: [0-9]* records in [0-9.]* s: [0-9]* records/s, [0-9]* sentences/s, [0-9.]* MB/s, 2 threads' \
    "$TMP/tty" || fail "no rates line on a terminal: $(cat -v "$TMP/tty" | tail -c 600)"
tr -d '\r' <"$TMP/tty" | tail -n 1 | grep -q '^dyad: records read 1202, ' ||
    fail "the summary is not the last line on a terminal"
on_tty "$TMP/ttyq" code "${EX_DICTS[@]}" -q --errors "$TMP/tty.errors" "$TMP/a.jsonl"
grep -q 'records/s\|ETA' "$TMP/ttyq" && fail "-q still shows progress: $(cat -v "$TMP/ttyq")"
tr -d '\r' <"$TMP/ttyq" | tail -n 1 | grep -q '^dyad: records read 1202, ' ||
    fail "-q: no summary line"
exit 0
