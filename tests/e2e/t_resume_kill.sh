#!/usr/bin/env bash
# --resume after kill -9: a -j 2 run is killed with SIGKILL at random
# moments several times, each time restarted with the same arguments; the
# finished output and error files must equal a clean run's byte for byte
# (nothing lost, nothing doubled, no torn line).  Then SIGTERM: the run
# stops cleanly (exit 2, a message saying how to continue), and resuming
# finishes it.  Also: --resume needs -o FILE, and a journal written with
# other arguments is refused.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

python3 tests/e2e/gen_articles.py "$TMP/in.jsonl" 5000 23
# a few bad records, so that the error file is resumed too
printf '%s\n' '{"id": "BAD-1", "date": "2021-03-01"}' 'not json' >>"$TMP/in.jsonl"
python3 tests/e2e/gen_articles.py "$TMP/more.jsonl" 1500 29
cat "$TMP/more.jsonl" >>"$TMP/in.jsonl"
args=(code "${EX_DICTS[@]}" -j 2 --errors "$TMP/errors.jsonl" --resume -o "$TMP/out.jsonl"
      "$TMP/in.jsonl")

"$DYAD" code "${EX_DICTS[@]}" -j 2 --errors "$TMP/clean.errors" -o "$TMP/clean.jsonl" \
    "$TMP/in.jsonl" 2>"$TMP/clean.err" </dev/null
RC=$?
expect_rc 1 "the clean run"
summary "$TMP/clean.err"
clean_summary=$(tail -n 1 "$TMP/clean.err")

start=$(date +%s%N)
"$DYAD" code "${EX_DICTS[@]}" -j 2 -o /dev/null "$TMP/in.jsonl" 2>/dev/null </dev/null
ms=$((($(date +%s%N) - start) / 1000000))
[ "$ms" -gt 50 ] || ms=50
echo "a whole run takes $ms ms"

kills=0
for attempt in 1 2 3 4 5 6; do
    "$DYAD" "${args[@]}" 2>"$TMP/err.$attempt" </dev/null &
    pid=$!
    # somewhere in the first 90% of a run (from where it left off)
    delay=$((RANDOM % (ms * 9 / 10) + 5))
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    if kill -9 "$pid" 2>/dev/null; then
        kills=$((kills + 1))
        echo "attempt $attempt: killed after $delay ms; journal: $(grep -s '^records' "$TMP/out.jsonl.dyad-resume")"
    else
        echo "attempt $attempt: finished before the kill"
    fi
    wait "$pid" 2>/dev/null
done
[ "$kills" -ge 3 ] || fail "only $kills of the runs were killed: the test did not test much"

# SIGTERM: a clean stop that says how to go on.
"$DYAD" "${args[@]}" 2>"$TMP/term.err" </dev/null &
pid=$!
sleep "0.$((RANDOM % 3 + 1))"
kill -TERM "$pid" 2>/dev/null
wait "$pid"
RC=$?
if [ -f "$TMP/out.jsonl.dyad-resume" ]; then
    expect_rc 2 "a run stopped by SIGTERM"
    grep -q "interrupted by SIGTERM.*run the same command again to continue" "$TMP/term.err" ||
        fail "no message after SIGTERM: $(grep -v '^{' "$TMP/term.err" | tail -n 3)"
    summary "$TMP/term.err"
fi

# The last run finishes the batch.
run "$TMP/last.out" "$TMP/last.err" "${args[@]}"
expect_rc 1 "the last resumed run"
[ "$(tail -n 1 "$TMP/last.err")" = "$clean_summary" ] ||
    fail "the resumed batch's summary differs: $(tail -n 1 "$TMP/last.err") / $clean_summary"
[ ! -e "$TMP/out.jsonl.dyad-resume" ] || fail "the journal is left after a complete batch"
cmp "$TMP/clean.jsonl" "$TMP/out.jsonl" || fail "the resumed output differs from a clean run's"
cmp "$TMP/clean.errors" "$TMP/errors.jsonl" || fail "the resumed error file differs"

# --resume needs an output file; a journal from other arguments is refused.
run "$TMP/o" "$TMP/e" code "${EX_DICTS[@]}" --resume "$TMP/in.jsonl"
expect_rc 2 "--resume without -o"
grep -q -- "--resume needs -o FILE" "$TMP/e" || fail "message: $(cat "$TMP/e")"
"$DYAD" code "${EX_DICTS[@]}" -j 2 --resume -o "$TMP/x.jsonl" "$TMP/in.jsonl" \
    2>/dev/null </dev/null &
pid=$!
sleep 0.3
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
if [ -f "$TMP/x.jsonl.dyad-resume" ]; then
    run "$TMP/o" "$TMP/e" code "${EX_DICTS[@]}" --option require_dyad=0 --resume \
        -o "$TMP/x.jsonl" "$TMP/in.jsonl"
    expect_rc 2 "resuming with other arguments"
    grep -q "written by a run with other arguments" "$TMP/e" || fail "message: $(cat "$TMP/e")"
fi
exit 0
