#!/usr/bin/env bash
# gzip and zstd input: .gz and .zst files (also several members or frames
# one after another), compressed standard input, a compressed .txt
# article, and truncated or corrupt data (one read_error record, exit 2,
# the records before it still coded).  The zstd part needs the zstd
# command and is skipped without it.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

python3 tests/e2e/gen_articles.py "$TMP/a.jsonl" 1500 41
run "$TMP/plain.out" "$TMP/plain.err" code "${EX_DICTS[@]}" "$TMP/a.jsonl"
expect_rc 0 "plain input"
summary "$TMP/plain.err"
plain=$(tail -n 1 "$TMP/plain.err")

# check NAME DESCRIPTION: the events equal the plain run's (but for "file")
check() {
    same_events "$TMP/plain.out" "$TMP/$1" || fail "$2: events differ from the plain input's"
    [ "$(tail -n 1 "$TMP/$1.err")" = "$plain" ] || fail "$2: $(tail -n 1 "$TMP/$1.err")"
}

gzip -c "$TMP/a.jsonl" >"$TMP/a.jsonl.gz"
run "$TMP/gz" "$TMP/gz.err" code "${EX_DICTS[@]}" "$TMP/a.jsonl.gz"
expect_rc 0 ".jsonl.gz"
check gz ".jsonl.gz"
grep -q "\"file\":\"$TMP/a.jsonl.gz\"" "$TMP/gz" || fail ".gz: events do not name the file"

# standard input, recognised as gzip by its content; -j 1 and -j 2
for j in 1 2; do
    "$DYAD" code "${EX_DICTS[@]}" -j $j <"$TMP/a.jsonl.gz" >"$TMP/gzin" 2>"$TMP/gzin.err"
    RC=$?
    expect_rc 0 "gzip on standard input, -j $j"
    check gzin "gzip on standard input"
done

# two gzip members one after the other: one stream, as gzip -d reads it
head -n 700 "$TMP/a.jsonl" | gzip -c >"$TMP/two.jsonl.gz"
tail -n +701 "$TMP/a.jsonl" | gzip -c >>"$TMP/two.jsonl.gz"
run "$TMP/two" "$TMP/two.err" code "${EX_DICTS[@]}" "$TMP/two.jsonl.gz"
expect_rc 0 "two gzip members"
check two "two gzip members"

# truncated gzip data: the records read before the cut are coded, then one
# read_error record; exit status 2 (the input could not be read whole)
size=$(stat -c %s "$TMP/a.jsonl.gz")
head -c $((size * 2 / 3)) "$TMP/a.jsonl.gz" >"$TMP/cut.jsonl.gz"
run "$TMP/cut" "$TMP/cut.err" code "${EX_DICTS[@]}" --stats "$TMP/cut.stats" "$TMP/cut.jsonl.gz"
expect_rc 2 "truncated gzip data"
summary "$TMP/cut.err"
[ "$S_CODED" -gt 500 ] || fail "truncated gzip: only $S_CODED records coded before the cut"
error_records "$TMP/cut.err" >"$TMP/cut.errors"
[ "$(json_lines "$TMP/cut.errors")" -ge 1 ] || fail "truncated gzip: no error record"
grep -q '"error":"read_error","message":"[^"]*cut.jsonl.gz:[0-9]*: read error: truncated gzip data"' \
    "$TMP/cut.errors" || fail "truncated gzip: $(cat "$TMP/cut.errors")"
grep -q "stopped reading" "$TMP/cut.err" || fail "truncated gzip: no 'stopped reading' message"
python3 -c "import json,sys; s=json.load(open(sys.argv[1])); \
assert s['records_read'] == s['coded'] + s['errors'] + s['discarded'] and \
s['errors_by_kind'].get('read_error') == 1 and s['exit_status'] == 2, s" "$TMP/cut.stats" ||
    fail "truncated gzip: --stats"

# corrupt data after a valid gzip header
printf '\037\213\010\000\000\000\000\000\000\003garbage garbage garbage' >"$TMP/bad.jsonl.gz"
run "$TMP/bad" "$TMP/bad.err" code "${EX_DICTS[@]}" "$TMP/bad.jsonl.gz" "$TMP/a.jsonl"
expect_rc 2 "corrupt gzip data"
grep -q 'bad.jsonl.gz:1: read error: corrupt gzip data' "$TMP/bad.err" ||
    fail "corrupt gzip: $(grep -v '^{' "$TMP/bad.err")"
summary "$TMP/bad.err"
[ "$S_ERRORS" -eq 1 ] || fail "corrupt gzip: $S_ERRORS errors"

# a compressed plain-text article: its id is the name without .txt.gz
gzip -c "$ARTICLE_INPUT" >"$TMP/story-7.txt.gz"
run "$TMP/txt" "$TMP/txt.err" code "${EX_DICTS[@]}" --date "$ARTICLE_DATE" "$TMP/story-7.txt.gz"
expect_rc 0 ".txt.gz"
python3 -c "import json,sys; ids={json.loads(l)['article'] for l in open(sys.argv[1])}; \
assert ids == {'story-7'}, ids" "$TMP/txt" || fail ".txt.gz: the article id is not story-7"
run "$TMP/txt" "$TMP/txt.err" code "${EX_DICTS[@]}" --date "$ARTICLE_DATE" --id article \
    "$TMP/story-7.txt.gz"
expect_rc 0 ".txt.gz --id article"
same_events "$ARTICLE_GOLDEN" "$TMP/txt" || fail ".txt.gz: events differ from the golden article's"
run "$TMP/o" "$TMP/e" code "${EX_DICTS[@]}" "$TMP/story-7.txt.gz"
expect_rc 1 ".txt.gz without --date (and no date in the text)"
grep -q '"error":"bad_date"' "$TMP/e" && grep -q "story-7.txt.gz" "$TMP/e" ||
    fail "message: $(cat "$TMP/e")"

if ! command -v zstd >/dev/null; then
    echo "zstd: skipped (no zstd command)"
    exit 0
fi
zstd -q -c "$TMP/a.jsonl" >"$TMP/a.jsonl.zst"
run "$TMP/zst" "$TMP/zst.err" code "${EX_DICTS[@]}" "$TMP/a.jsonl.zst"
expect_rc 0 ".jsonl.zst"
check zst ".jsonl.zst"
"$DYAD" code "${EX_DICTS[@]}" -j 2 <"$TMP/a.jsonl.zst" >"$TMP/zstin" 2>"$TMP/zstin.err"
RC=$?
expect_rc 0 "zstd on standard input"
check zstin "zstd on standard input"
head -n 700 "$TMP/a.jsonl" | zstd -q -c >"$TMP/two.jsonl.zst"
tail -n +701 "$TMP/a.jsonl" | zstd -q -c >>"$TMP/two.jsonl.zst"
run "$TMP/two" "$TMP/two.err" code "${EX_DICTS[@]}" "$TMP/two.jsonl.zst"
expect_rc 0 "two zstd frames"
check two "two zstd frames"
size=$(stat -c %s "$TMP/a.jsonl.zst")
head -c $((size - 3)) "$TMP/a.jsonl.zst" >"$TMP/cut.jsonl.zst"
run "$TMP/cut" "$TMP/cut.err" code "${EX_DICTS[@]}" "$TMP/cut.jsonl.zst"
expect_rc 2 "truncated zstd data"
grep -q 'cut.jsonl.zst:[0-9]*: read error: \(truncated\|corrupt\) zstd data' "$TMP/cut.err" ||
    fail "truncated zstd: $(grep -v '^{' "$TMP/cut.err")"
exit 0
