#!/usr/bin/env bash
# Hostile raw text: empty and blank files, binary data, invalid UTF-8, NUL
# bytes, CR LF line ends, a 2 MB "word", 60,000 words without punctuation.
# No crash, every output line is valid UTF-8 JSON, and what can be coded
# is coded with spans that point at the words.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

python3 - "$TMP" <<'PY'
import random, sys
d = sys.argv[1]
good = b"Belmora accused Arvland of torture."
def w(name, data):
    open(f"{d}/{name}", "wb").write(data)
w("empty.txt", b"")
w("blank.txt", b" \n\n\t\r\n   \n")
rnd = random.Random(20240601)
w("binary.txt", bytes(rnd.randrange(256) for _ in range(200000)))
w("utf8.txt", b"\xff\xfe\xc3\x28 Dunmark \xed\xa0\x80 reported. \xe2\x82 " + good + b" \xf4\x90\x80\x80\n")
w("nul.txt", b"\0\0\0Report\0ed. \0" + good + b"\0\0\n\0")
w("crlf.txt", b"Castrian police arrested two journalists.\r\n\r\n" + good + b"\r\n")
w("bigword.txt", b"x" * 2000000 + b" " + good)
w("nopunct.txt", b" ".join([b"Arvland", b"and", b"Belmora"] * 20000) + b" " + good)
PY

for f in empty blank binary utf8 nul crlf bigword nopunct; do
    in=$TMP/$f.txt
    run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" --date 2020-01-10 "$in"
    expect_rc 0 "dyad code on $f.txt"
    summary "$TMP/err"
    [ "$S_READ" -eq 1 ] && [ "$S_CODED" -eq 1 ] || fail "$f.txt: $(tail -n 1 "$TMP/err")"
    json_lines "$TMP/out" >/dev/null
    case $f in
    empty|blank|binary) ;;
    *)  # the good sentence is coded, and its spans are exact
        python3 - "$in" "$TMP/out" <<'PY' || fail "$f.txt: the good sentence was not coded right"
import json, sys
text = open(sys.argv[1], "rb").read()
ev = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
e = [e for e in ev if e["code"] == "1122"]
assert len(e) == 1, ev
s = e[0]["spans"]
piece = lambda k: text[s[k][0]:s[k][1]]
# (a stray invalid byte before "Belmora" is a word of its noun phrase)
assert piece("source").endswith(b"Belmora"), s
assert (piece("verb"), piece("target")) == (b"accused", b"Arvland"), s
PY
        ;;
    esac
    run "$TMP/out" "$TMP/err" parse "$in"
    expect_rc 0 "dyad parse on $f.txt"
    python3 -c 'import sys; open(sys.argv[1], encoding="utf-8").read()' "$TMP/out" ||
        fail "dyad parse on $f.txt: output is not UTF-8"
    [ $(( $(wc -l <"$TMP/out") % 2 )) -eq 0 ] || fail "dyad parse on $f.txt: odd line count"
done

# The same bytes inside JSON Lines articles (JSON cannot hold raw bad bytes
# or NULs: those lines are bad records, the others are coded).
python3 - "$TMP" >"$TMP/articles.jsonl" <<'PY'
import json, sys
d = sys.argv[1]
for name in ("empty", "blank", "crlf", "nopunct"):
    text = open(f"{d}/{name}.txt", "rb").read().decode("utf-8")
    print(json.dumps({"id": name, "date": "2020-01-10", "text": text}))
print('{"id":"nul","date":"2020-01-10","text":"a\\u0000b"}')
PY
printf '{"id":"raw","date":"2020-01-10","text":"bad \xff byte"}\n' >>"$TMP/articles.jsonl"
run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" "$TMP/articles.jsonl"
expect_rc 1 "JSON Lines articles with bad lines"
summary "$TMP/err"
[ "$S_READ" -eq 6 ] && [ "$S_CODED" -eq 4 ] && [ "$S_ERRORS" -eq 2 ] ||
    fail "articles.jsonl: $(tail -n 1 "$TMP/err")"
json_lines "$TMP/out" >/dev/null
error_records "$TMP/err" >"$TMP/errors.jsonl"
[ "$(json_lines "$TMP/errors.jsonl")" -eq 2 ] || fail "want 2 error records"
exit 0
