#!/usr/bin/env bash
# Inputs at and past the size limits: a 10 MB sentence and a parse nested
# 100,000 deep.  Each must end as a coded record or one error record (never
# a crash or a hang), and the record after it must still be coded.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

python3 - "$TMP" <<'PY'
import sys, os
tmp = sys.argv[1]
good = ('<Sentence date="20210302" id="GOOD_2" sentence="true">\n<Text>\nArvland and Belmora '
        'praised Dunmark.\n</Text>\n<Parse>\n(ROOT (S (NP (NNP Arvland) (CC and) (NNP Belmora)) '
        '(VP (VBD praised) (NP (NNP Dunmark))) (. .)))\n</Parse>\n</Sentence>\n')
# 10 MB: one sentence of ~700,000 words.
words = ["Arvland", "praised", "Dunmark", "and", "Belmora"] * 140000
text = " ".join(words)
parse = ("(ROOT (S (NP (NNP Arvland)) (VP (VBD praised) (NP "
         + " ".join(f"(NNP {w})" for w in words) + ")) (. .)))")
with open(os.path.join(tmp, "huge.xml"), "w") as f:
    f.write('<Sentences>\n<Sentence date="20210302" id="HUGE_1" sentence="true">\n<Text>\n')
    f.write(text + "\n</Text>\n<Parse>\n" + parse + "\n</Parse>\n</Sentence>\n" + good + "</Sentences>\n")
# 100,000 levels of (NP ... ).
depth = 100000
deep = "(ROOT " + "(NP " * depth + "(NNP Arvland)" + ")" * depth + ")"
with open(os.path.join(tmp, "deep.xml"), "w") as f:
    f.write('<Sentences>\n<Sentence date="20210302" id="DEEP_1" sentence="true">\n<Text>\nArvland\n'
            '</Text>\n<Parse>\n' + deep + "\n</Parse>\n</Sentence>\n" + good + "</Sentences>\n")
import json
with open(os.path.join(tmp, "deep.jsonl"), "w") as f:
    f.write(json.dumps({"id": "DEEP_1", "date": "20210302", "text": "Arvland", "parse": deep}) + "\n")
    f.write(json.dumps({"id": "GOOD_2", "date": "20210302", "text": "Arvland and Belmora praised Dunmark.",
                        "parse": "(ROOT (S (NP (NNP Arvland) (CC and) (NNP Belmora)) (VP (VBD praised) (NP (NNP Dunmark))) (. .)))"}) + "\n")
PY
[ "$(stat -c %s "$TMP/huge.xml")" -gt 10000000 ] || fail "huge.xml is not over 10 MB"

for in in huge.xml deep.xml deep.jsonl; do
    timeout 120 "$DYAD" code "${EX_DICTS[@]}" "$TMP/$in" >"$TMP/out" 2>"$TMP/err" </dev/null
    RC=$?
    [ "$RC" -eq 0 ] || [ "$RC" -eq 1 ] || { tail -n 5 "$TMP/err"; fail "$in: exit status $RC"; }
    summary "$TMP/err"
    [ "$S_READ" -eq 2 ] || fail "$in: records read $S_READ"
    json_lines "$TMP/out" >/dev/null
    error_records "$TMP/err" >"$TMP/errors.jsonl"
    [ "$(json_lines "$TMP/errors.jsonl")" -eq "$S_ERRORS" ] || fail "$in: error records != errors"
    grep -q '"sentence":"GOOD_2"' "$TMP/out" || fail "$in: the record after the big one was not coded"
    echo "$in: $(tail -n 1 "$TMP/err")"
done
# The deep parse is past the documented depth limit: an error, not a crash.
grep -q '"sentence":"DEEP_1"' "$TMP/errors.jsonl" || fail "deep.jsonl: DEEP_1 gave no error record"
exit 0
