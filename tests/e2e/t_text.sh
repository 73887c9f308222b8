#!/usr/bin/env bash
# Raw text in, events out: a plain-text article coded with the example
# dictionaries equals its golden file and its spans point at the words;
# --date and --id (and a date from the dateline without --date); JSON Lines
# articles mixed with parsed sentences.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

# The golden article.
run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" --date "$ARTICLE_DATE" "$ARTICLE_INPUT"
expect_rc 0 "dyad code on $ARTICLE_INPUT"
if ! diff -u "$ARTICLE_GOLDEN" "$TMP/out" >"$TMP/diff"; then
    head -n 40 "$TMP/diff"
    fail "events differ from $ARTICLE_GOLDEN (if the change is intended: make golden, and review the diff)"
fi
summary "$TMP/err"
[ "$S_READ" -eq 1 ] && [ "$S_CODED" -eq 1 ] || fail "an article is one record: $(tail -n 1 "$TMP/err")"
[ "$S_EVENTS" -ge 4 ] || fail "only $S_EVENTS events from the article"
[ "$(wc -l <"$TMP/err")" -eq 1 ] || { cat "$TMP/err"; fail "unexpected messages on stderr"; }

# Every span lies in the text and holds what the event says: the verb as
# written, and each word of the actors' texts.
python3 - "$ARTICLE_INPUT" "$TMP/out" <<'PY' || fail "spans do not match the article text"
import json, sys
text = open(sys.argv[1], "rb").read()
n = 0
for line in open(sys.argv[2], encoding="utf-8"):
    e = json.loads(line)
    sp = e["spans"]
    assert e["sentence"].startswith(e["article"] + "-"), e["sentence"]
    for key in ("source", "verb", "target"):
        s, t = sp[key]
        assert 0 <= s < t <= len(text), (key, s, t)
    piece = lambda k: text[sp[k][0]:sp[k][1]].decode("utf-8")
    assert piece("verb") == e["verb"], (piece("verb"), e["verb"])
    for k in ("source", "target"):
        for word in e[k]["text"].split():
            assert word in piece(k), (k, word, piece(k))
    n += 1
assert n > 0
PY

# --id names the article; the sentence ids follow it.
run "$TMP/out2" "$TMP/err2" code "${EX_DICTS[@]}" --date "$ARTICLE_DATE" --id ARV-2019-0603 \
    "$ARTICLE_INPUT"
expect_rc 0 "dyad code --id"
python3 - "$TMP/out2" <<'PY' || fail "--id is not the article id of every event"
import json, re, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    assert e["article"] == "ARV-2019-0603", e["article"]
    assert re.fullmatch(r"ARV-2019-0603-[0-9]+", e["sentence"]), e["sentence"]
PY

# Without --date, a .txt article takes the first full date at its start (its
# dateline); one without any is an error record (bad_date) naming the file.
run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" "$ARTICLE_INPUT"
expect_rc 1 "a .txt input with no date anywhere"
grep -q '"error":"bad_date"' "$TMP/err" && grep -q "article.txt" "$TMP/err" ||
    fail "the error record should name the file and bad_date: $(cat "$TMP/err")"
[ ! -s "$TMP/out" ] || fail "events written without a date"
{ echo "PORT CALDER, June 3, 2019 (Coastal Wire) -- "; tail -n +3 "$ARTICLE_INPUT"; } \
    >"$TMP/dated.txt"
run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" "$TMP/dated.txt"
expect_rc 0 "a .txt input with a dated dateline"
[ -s "$TMP/out" ] || fail "no events from the dated article"
python3 - "$TMP/out" <<'PY' || fail "events of the dated article are not dated by its dateline"
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    # an event the text dates itself ("in 2017") keeps that date
    assert e["date"].startswith("2019-0") or e["date_explicit"], e["date"]
PY
for bad in 2019-6-3 20190603 2019-13-01 yesterday ""; do
    run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" --date "$bad" "$ARTICLE_INPUT"
    expect_rc 2 "--date '$bad'"
    grep -q "YYYY-MM-DD" "$TMP/err" || fail "--date '$bad': $(cat "$TMP/err")"
done
cp "$ARTICLE_INPUT" "$TMP/second.txt"
run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" --date "$ARTICLE_DATE" --id X \
    "$ARTICLE_INPUT" "$TMP/second.txt"
expect_rc 2 "--id with two .txt inputs"
# without .txt inputs, --date is not needed (and not used)
run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" "$GOLDEN_INPUT"
expect_rc 0 "parsed sentences without --date"

# The same article as a JSON Lines record gives the same events.
python3 - "$ARTICLE_INPUT" "$ARTICLE_DATE" >"$TMP/article.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"id": "article", "date": sys.argv[2], "text": text, "title": "t"}))
PY
run "$TMP/out3" "$TMP/err3" code "${EX_DICTS[@]}" "$TMP/article.jsonl"
expect_rc 0 "the article as JSON Lines"
same_events "$ARTICLE_GOLDEN" "$TMP/out3" || fail "the JSON Lines article codes differently"

# JSON Lines articles mixed with a parsed sentence: a story discard, an
# empty article, a bad date.
in=tests/data/articles.jsonl
run "$TMP/out4" "$TMP/err4" code "${EX_DICTS[@]}" "$in"
expect_rc 1 "articles with a bad date"
summary "$TMP/err4"
[ "$S_READ" -eq 5 ] && [ "$S_CODED" -eq 3 ] && [ "$S_ERRORS" -eq 1 ] && [ "$S_DISCARDED" -eq 1 ] ||
    fail "$in: $(tail -n 1 "$TMP/err4")"
json_lines "$TMP/out4" >/dev/null
python3 - "$TMP/out4" <<'PY' || fail "$in: wrong events"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
got = [(e["sentence"], e["source"]["code"], e["target"]["code"], e["code"], "spans" in e)
       for e in ev]
want = [("NCA-1-1", "IGONCA", "DUN", "0333", True), ("NCA-1-2", "BEL", "ARV", "1122", True),
        ("CAS20190601_1", "CAS", "DUN", "057", False)]
assert got == want, got
assert ev[0]["issues"] == [{"code": "FOOD_SECURITY", "count": 1}], ev[0]["issues"]
assert ev[1]["issues"] == [{"code": "HUMAN_RIGHTS", "count": 1}], ev[1]["issues"]
assert ev[1]["spans"] == {"source": [92, 99], "verb": [100, 107], "target": [108, 115]}
PY
error_records "$TMP/err4" >"$TMP/errors.jsonl"
grep -q '"sentence":"BADDATE-1".*"error":"bad_date"' "$TMP/errors.jsonl" ||
    fail "no bad_date error record: $(cat "$TMP/errors.jsonl")"
exit 0
