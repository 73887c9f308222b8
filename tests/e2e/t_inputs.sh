#!/usr/bin/env bash
# What dyad code reads: a directory (its files with a known extension,
# recursively, in sorted order; dot files and other names skipped), a
# quoted glob pattern, standard input and files without an extension with
# --format, and the usage errors around them.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

d=$TMP/d
mkdir -p "$d/sub/deeper" "$d/empty"
python3 tests/e2e/gen_articles.py "$d/b.jsonl" 200 1
python3 tests/e2e/gen_articles.py "$TMP/c.jsonl" 150 2
gzip -c "$TMP/c.jsonl" >"$d/sub/c.jsonl.gz"
cp "$GOLDEN_INPUT" "$d/a.xml"
cp "$ARTICLE_INPUT" "$d/sub/deeper/e.txt"
cp "$d/b.jsonl" "$d/.hidden.jsonl"
echo "not an input" >"$d/README"
echo "# notes" >"$d/notes.md"

# The directory is its files in this order, each read as its name says.
order=("$d/a.xml" "$d/b.jsonl" "$d/sub/c.jsonl.gz" "$d/sub/deeper/e.txt")
run "$TMP/each.out" "$TMP/each.err" code "${EX_DICTS[@]}" -j 1 --date "$ARTICLE_DATE" "${order[@]}"
expect_rc 0 "the files one by one"
run "$TMP/dir.out" "$TMP/dir.err" code "${EX_DICTS[@]}" -j 2 --date "$ARTICLE_DATE" "$d"
expect_rc 0 "the directory"
cmp -s "$TMP/each.out" "$TMP/dir.out" ||
    fail "the directory is not its files in sorted order: $(cut -c1-300 "$TMP/dir.err")"
[ "$(tail -n 1 "$TMP/each.err")" = "$(tail -n 1 "$TMP/dir.err")" ] || fail "summaries differ"
grep -q '"file":"'"$d"'/.hidden.jsonl"' "$TMP/dir.out" && fail "a dot file was read"
# a trailing slash changes nothing
run "$TMP/dir2.out" "$TMP/dir2.err" code "${EX_DICTS[@]}" --date "$ARTICLE_DATE" "$d/"
sed "s#$d//#$d/#g" "$TMP/dir2.out" | cmp -s - "$TMP/dir.out" || fail "'$d/' reads differently"

# .txt files in a directory without --date take the date written in them;
# this one has none: one bad_date error record naming it, the rest coded
run "$TMP/o" "$TMP/e" code "${EX_DICTS[@]}" "$d"
expect_rc 1 "a directory with an undated .txt file, without --date"
grep -q '"error":"bad_date"' "$TMP/e" && grep -q "e.txt" "$TMP/e" ||
    fail "message: $(cat "$TMP/e")"

# A quoted glob pattern (the shell did not expand it); a directory among
# its matches is read whole.
run "$TMP/glob.out" "$TMP/glob.err" code "${EX_DICTS[@]}" "$d/*.jsonl"
expect_rc 0 "a glob"
summary "$TMP/glob.err"
[ "$S_READ" -eq 200 ] || fail "'$d/*.jsonl' read $S_READ records, not 200"
run "$TMP/glob2.out" "$TMP/glob2.err" code "${EX_DICTS[@]}" --date "$ARTICLE_DATE" "$d/[as]*"
expect_rc 0 "a glob matching a directory"
cat "$TMP/each.out" >"$TMP/want"
python3 - "$TMP/glob2.out" "$d" <<'PY' || fail "'$d/[as]*' read the wrong files"
import json, sys
files = [json.loads(l)["file"] for l in open(sys.argv[1])]
d = sys.argv[2]
want = [f"{d}/a.xml", f"{d}/sub/c.jsonl.gz", f"{d}/sub/deeper/e.txt"]
assert sorted(set(files), key=files.index) == want, sorted(set(files), key=files.index)
PY
run "$TMP/o" "$TMP/e" code "${EX_DICTS[@]}" "$d/*.nothing" "$d/b.jsonl"
expect_rc 2 "a glob that matches nothing"
grep -q "cannot read $d/\*.nothing: No such file" "$TMP/e" || fail "message: $(cat "$TMP/e")"
summary "$TMP/e"
[ "$S_READ" -eq 200 ] || fail "the input after the glob was not read"

# Standard input and a file without an extension: recognised by their
# first byte, or as --format says.
cp "$GOLDEN_INPUT" "$TMP/noext"
for how in auto xml; do
    fmt=(); [ "$how" = auto ] || fmt=(--format "$how")
    "$DYAD" code "${EX_DICTS[@]}" "${fmt[@]}" <"$GOLDEN_INPUT" >"$TMP/in.out" 2>/dev/null
    same_events "$GOLDEN" "$TMP/in.out" || fail "standard input ($how) differs from the golden file"
    run "$TMP/ne.out" "$TMP/ne.err" code "${EX_DICTS[@]}" "${fmt[@]}" "$TMP/noext"
    same_events "$GOLDEN" "$TMP/ne.out" || fail "a file without extension ($how) differs"
done
# --format txt: standard input is one article, which needs a date
"$DYAD" code "${EX_DICTS[@]}" --format txt --date "$ARTICLE_DATE" --id article \
    <"$ARTICLE_INPUT" >"$TMP/txt.out" 2>"$TMP/txt.err"
RC=$?
expect_rc 0 "--format txt on standard input"
same_events "$ARTICLE_GOLDEN" "$TMP/txt.out" || fail "--format txt: events differ"
run "$TMP/o" "$TMP/e" code "${EX_DICTS[@]}" --format txt -
expect_rc 1 "--format txt without --date (and no date in the text)"
grep -q '"error":"bad_date"' "$TMP/e" || fail "message: $(cat "$TMP/e")"
# --format does not override a known extension
run "$TMP/o" "$TMP/e" code "${EX_DICTS[@]}" --format txt "$GOLDEN_INPUT"
expect_rc 0 "--format txt with an .xml file"
cmp -s "$GOLDEN" "$TMP/o" || fail "--format changed how an .xml file is read"
run "$TMP/o" "$TMP/e" code "${EX_DICTS[@]}" --format csv "$GOLDEN_INPUT"
expect_rc 2 "--format csv"
grep -q -- "--format 'csv': want jsonl, xml or txt" "$TMP/e" || fail "message: $(cat "$TMP/e")"

# An unreadable directory is reported, and the rest is read.
if [ "$(id -u)" -ne 0 ]; then
    mkdir "$TMP/locked" && chmod 000 "$TMP/locked"
    run "$TMP/o" "$TMP/e" code "${EX_DICTS[@]}" "$TMP/locked" "$d/b.jsonl"
    chmod 700 "$TMP/locked"
    expect_rc 2 "an unreadable directory"
    grep -q "cannot read $TMP/locked" "$TMP/e" || fail "message: $(cat "$TMP/e")"
fi
exit 0
