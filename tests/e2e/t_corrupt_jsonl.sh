#!/usr/bin/env bash
# A large JSON Lines file with corrupted records among good ones: bad JSON,
# invalid UTF-8, a record without its text, an id that is not a string,
# NUL bytes, two 20 MB records (past the 16 MiB record limit: one valid
# JSON, one not), blank lines and a truncated last line.  Each bad record
# must give exactly one error record naming file and line, every good
# record must still be coded, --stats must add up (read = coded + errors
# + discarded), and the good records' events must equal those of a clean
# run of the good records alone.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

python3 tests/e2e/gen_articles.py "$TMP/clean.jsonl" 3000 11
python3 - "$TMP/clean.jsonl" "$TMP/corrupt.jsonl" <<'PY'
import json, sys
clean = open(sys.argv[1], "rb").read().splitlines(keepends=True)
big_text = "Arvland praised Dunmark. " * (20 * 1024 * 1024 // 25 + 1)
bad = [
    b'{"id": "BADJSON-1", "date": "2021-03-01", "text": "Arvland praised\n',
    b'this is not JSON at all\n',
    b'{"id": "BADUTF8-1", "date": "2021-03-01", "text": "Arvland \xff\xfe praised Dunmark."}\n',
    b'{"id": "NOTEXT-1", "date": "2021-03-01"}\n',
    b'{"id": 17, "date": "2021-03-01", "text": "Arvland praised Dunmark."}\n',
    b'{"id": "NUL-1", "date": "2021-03-01", "text": "Arvland\\u0000praised Dunmark."}\n',
    b'[1, 2, 3]\n',
    json.dumps({"id": "HUGE-1", "date": "2021-03-01", "text": big_text}).encode() + b"\n",
    b'{"id": "HUGE-2", "text": "' + b"x" * (20 * 1024 * 1024) + b'\n',
]
out = []
step = len(clean) // (len(bad) + 1)
for i, line in enumerate(clean):
    out.append(line)
    if i % step == step - 1 and bad:
        out.append(bad.pop(0))
        out.append(b"\n")          # a blank line: skipped, not a record
out.extend(bad)
out.append(b'{"id": "TRUNCATED-1", "date": "2021-03-01", "text": "Arvland pra')   # no newline
open(sys.argv[2], "wb").write(b"".join(out))
PY
n_clean=$(wc -l <"$TMP/clean.jsonl")
n_bad=10
[ "$(stat -c %s "$TMP/corrupt.jsonl")" -gt 40000000 ] || fail "the corrupted file is not over 40 MB"

run "$TMP/clean.out" "$TMP/clean.err" code "${EX_DICTS[@]}" -j 2 --stats "$TMP/clean.stats" \
    "$TMP/clean.jsonl"
expect_rc 0 "the clean run"
run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" -j 2 --errors "$TMP/errors.jsonl" \
    --stats "$TMP/stats.json" "$TMP/corrupt.jsonl"
expect_rc 1 "the run with corrupted records"
summary "$TMP/err"

python3 - "$TMP/stats.json" "$TMP/clean.stats" "$n_clean" "$n_bad" <<'PY' || fail "--stats"
import json, sys
s, c = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
n_clean, n_bad = int(sys.argv[3]), int(sys.argv[4])
assert s["records_read"] == s["coded"] + s["errors"] + s["discarded"], s
assert s["records_read"] == n_clean + n_bad, (s["records_read"], n_clean, n_bad)
assert s["errors"] == n_bad, s
assert sum(s["errors_by_kind"].values()) == s["errors"], s
assert s["errors_by_kind"] == {"bad_record": 8, "limit": 2}, s["errors_by_kind"]
assert (s["coded"], s["events"], s["discarded"]) == (c["coded"], c["events"], c["discarded"]), (s, c)
assert s["complete"] is True and s["exit_status"] == 1, s
PY
[ "$S_READ" -eq $((n_clean + n_bad)) ] && [ "$S_ERRORS" -eq "$n_bad" ] ||
    fail "summary line: $(tail -n 1 "$TMP/err")"
grep -q '^dyad: errors by kind: bad_record 8, limit 2$' "$TMP/err" ||
    fail "no errors-by-kind line: $(grep -v '^{' "$TMP/err")"

# One error record per bad record, each naming the file and its line.
[ "$(json_lines "$TMP/errors.jsonl")" -eq "$n_bad" ] || fail "error records != $n_bad"
python3 - "$TMP/errors.jsonl" "$TMP/corrupt.jsonl" <<'PY' || fail "error records"
import json, sys
lines = open(sys.argv[2], "rb").read().split(b"\n")
seen = set()
for rec in map(json.loads, open(sys.argv[1])):
    assert rec["type"] == "error" and rec["file"] == sys.argv[2], rec
    assert rec["message"].startswith(f'{sys.argv[2]}:{rec["line"]}: '), rec
    src = lines[rec["line"] - 1]
    assert not src.startswith(b'{"id": "GEN'), (rec, src[:80])
    seen.add(rec["error"])
    if rec["error"] == "limit":
        assert "longer than" in rec["message"], rec
assert seen == {"bad_record", "limit"}, seen
PY
grep -q 'TRUNCATED-1\|"line":'"$(wc -l <"$TMP/corrupt.jsonl" | awk '{print $1 + 1}')" "$TMP/errors.jsonl" ||
    fail "the truncated last line gave no error record"

# The good records' events are those of the clean run (only "line" differs).
json_lines "$TMP/out" >/dev/null
same_events "$TMP/clean.out" "$TMP/out" || fail "the good records were coded differently"

# The same, one thread, and from standard input: the same output.
"$DYAD" code "${EX_DICTS[@]}" -j 1 --errors "$TMP/errors1.jsonl" <"$TMP/corrupt.jsonl" \
    >"$TMP/out1" 2>"$TMP/err1"
RC=$?
expect_rc 1 "the corrupted records from standard input, -j 1"
same_events "$TMP/out" "$TMP/out1" || fail "-j 1 from standard input differs"
[ "$(json_lines "$TMP/errors1.jsonl")" -eq "$n_bad" ] || fail "-j 1: error records != $n_bad"
exit 0
