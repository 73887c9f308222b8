#!/usr/bin/env bash
# PETRARCH XML is streamed, not read whole: a large file gives the same
# events read from disk or through a pipe in tiny chunks, a record larger
# than the 16 MiB record limit is one "limit" error record and the record
# after it is still coded, and (without sanitizers, whose allocators keep
# freed memory) peak memory stays far below the input's size.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

python3 - "$TMP" <<'PY'
import re, sys
tmp = sys.argv[1]
xml = open("examples/sentences.xml", encoding="utf-8").read()
body = xml[xml.index("<Sentence "):xml.rindex("</Sentence>") + len("</Sentence>")]
with open(f"{tmp}/big.xml", "w", encoding="utf-8") as f:
    f.write("<Sentences>\n<!-- a comment with </Sentence> inside -->\n")
    i = 0
    while f.tell() < 48_000_000:
        f.write(re.sub(r'id="([^"]*)"', lambda m: f'id="{m.group(1)}-{i}"', body) + "\n")
        i += 1
    f.write("</Sentences>\n")
good = ('<Sentence date="20210302" id="GOOD_2">\n<Text>\nArvland and Belmora praised Dunmark.\n'
        '</Text>\n<Parse>\n(ROOT (S (NP (NNP Arvland) (CC and) (NNP Belmora)) (VP (VBD praised) '
        '(NP (NNP Dunmark))) (. .)))\n</Parse>\n</Sentence>\n')
with open(f"{tmp}/huge.xml", "w", encoding="utf-8") as f:
    f.write('<Sentences>\n<Sentence date="20210302" id="HUGE_1">\n<Text>\n')
    f.write("Arvland praised Dunmark. " * (20 * 1024 * 1024 // 25 + 1))
    f.write("\n</Text>\n<Parse>\n(ROOT (S (NP (NNP Arvland))))\n</Parse>\n</Sentence>\n")
    f.write(good + "</Sentences>\n")
# a huge record without its </Sentence>, then a good one: the limit error,
# then the good record, read from its own start tag
with open(f"{tmp}/unclosed.xml", "w", encoding="utf-8") as f:
    f.write('<Sentences>\n<Sentence date="20210302" id="HUGE_1">\n<Text>\n')
    f.write("Arvland praised Dunmark. " * (20 * 1024 * 1024 // 25 + 1))
    f.write("\n" + good + "</Sentences>\n")
# no boundary at all within the limit: all that was read is skipped
with open(f"{tmp}/nothing.xml", "w", encoding="utf-8") as f:
    f.write('<Sentences>\n' + "Arvland praised Dunmark.\n" * (20 * 1024 * 1024 // 25 + 1))
    f.write("</Sentences>\n")
PY

run "$TMP/file.out" "$TMP/file.err" code "${EX_DICTS[@]}" -j 2 "$TMP/big.xml"
expect_rc 0 "a 48 MB XML file"
summary "$TMP/file.err"
[ "$S_READ" -gt 100000 ] || fail "only $S_READ records"
# through a pipe, a few bytes at a time at first, then in odd-sized chunks
python3 - "$TMP/big.xml" <<'PY' | "$DYAD" code "${EX_DICTS[@]}" -j 2 >"$TMP/pipe.out" 2>"$TMP/pipe.err"
import os, sys
data = open(sys.argv[1], "rb").read()
out, i, k = sys.stdout.buffer, 0, 1
while i < len(data):
    out.write(data[i:i + k])
    if i < 20000:
        out.flush()
    i += k
    k = k + 1 if i < 20000 else 65537
out.flush()
PY
RC=$?
expect_rc 0 "the XML through a pipe"
[ "$(tail -n 1 "$TMP/pipe.err")" = "$(tail -n 1 "$TMP/file.err")" ] || fail "summaries differ"
sed 's/"file":"[^"]*"//' "$TMP/file.out" | cmp -s - <(sed 's/"file":"[^"]*"//' "$TMP/pipe.out") ||
    fail "the events read through a pipe differ"

run "$TMP/huge.out" "$TMP/huge.err" code "${EX_DICTS[@]}" "$TMP/huge.xml"
expect_rc 1 "a record over the limit"
summary "$TMP/huge.err"
[ "$S_READ" -eq 2 ] && [ "$S_ERRORS" -eq 1 ] && [ "$S_CODED" -eq 1 ] ||
    fail "huge.xml: $(tail -n 1 "$TMP/huge.err")"
error_records "$TMP/huge.err" | grep -q '"sentence":"HUGE_1",.*"line":2,"error":"limit","message":"[^"]*huge.xml:2: record longer than 16777216 bytes' ||
    fail "no limit error for HUGE_1: $(error_records "$TMP/huge.err" | cut -c1-300)"
grep -q '"sentence":"GOOD_2"' "$TMP/huge.out" || fail "the record after the huge one was not coded"
run "$TMP/unclosed.out" "$TMP/unclosed.err" code "${EX_DICTS[@]}" "$TMP/unclosed.xml"
expect_rc 1 "an unclosed record over the limit"
summary "$TMP/unclosed.err"
[ "$S_READ" -eq 2 ] && [ "$S_ERRORS" -eq 1 ] && [ "$S_CODED" -eq 1 ] ||
    fail "unclosed.xml: $(tail -n 1 "$TMP/unclosed.err")"
grep -q '"sentence":"GOOD_2"' "$TMP/unclosed.out" || fail "unclosed.xml: GOOD_2 was not coded"
run "$TMP/nothing.out" "$TMP/nothing.err" code "${EX_DICTS[@]}" "$TMP/nothing.xml"
expect_rc 1 "text without a record boundary over the limit"
error_records "$TMP/nothing.err" | grep -q '"error":"limit","message":"[^"]*nothing.xml:1: no record end (</Sentence>) within 16777216 bytes: skipped to line [0-9]*"' ||
    fail "nothing.xml: $(error_records "$TMP/nothing.err" | cut -c1-300)"

if ldd "$DYAD" 2>/dev/null | grep -q 'libasan\|libtsan'; then
    echo "memory: not measured under a sanitizer"
    exit 0
fi
[ -x /usr/bin/time ] || skip "no /usr/bin/time to measure memory"
for in in big.xml huge.xml; do
    /usr/bin/time -f %M -o "$TMP/rss" "$DYAD" code "${EX_DICTS[@]}" -j 2 -o /dev/null \
        "$TMP/$in" 2>/dev/null
    kib=$(tail -n 1 "$TMP/rss")
    echo "$in: peak RSS $((kib / 1024)) MiB"
    [ "$kib" -lt $((120 * 1024)) ] || fail "$in: peak RSS $((kib / 1024)) MiB: not streamed?"
done
exit 0
