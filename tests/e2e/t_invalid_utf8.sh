#!/usr/bin/env bash
# Invalid UTF-8 in a record's text and parse: no crash, every output line is
# valid UTF-8 JSON, the record after it is coded.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

{
    printf '<Sentences>\n<Sentence date="20200110" id="UTF8_1" sentence="true">\n<Text>\n'
    printf 'Belmora \xff\xfe accused Arvland \xc3\x28 of torture \xed\xa0\x80.\n</Text>\n<Parse>\n'
    printf '(ROOT (S (NP (NNP Belmora\xff)) (VP (VBD accused) (NP (NNP Arvland)) (PP (IN of) (NP (NN torture\xc3\x28)))) (. .)))\n'
    printf '</Parse>\n</Sentence>\n'
    printf '<Sentence date="20210302" id="GOOD_2" sentence="true">\n<Text>\nArvland and Belmora praised Dunmark.\n</Text>\n<Parse>\n'
    printf '(ROOT (S (NP (NNP Arvland) (CC and) (NNP Belmora)) (VP (VBD praised) (NP (NNP Dunmark))) (. .)))\n'
    printf '</Parse>\n</Sentence>\n</Sentences>\n'
} >"$TMP/bad-utf8.xml"
{
    printf '{"id":"UTF8_1","date":"20200110","text":"Belmora \xff accused","parse":"(ROOT (S (NP (NNP Belmora\xff)) (VP (VBD accused) (NP (NNP Arvland)))))"}\n'
    printf '{"id":"GOOD_2","date":"20210302","text":"x","parse":"(ROOT (S (NP (NNP Arvland) (CC and) (NNP Belmora)) (VP (VBD praised) (NP (NNP Dunmark))) (. .)))"}\n'
} >"$TMP/bad-utf8.jsonl"

for in in "$TMP/bad-utf8.xml" "$TMP/bad-utf8.jsonl"; do
    run "$TMP/out" "$TMP/err" code "${EX_DICTS[@]}" "$in"
    [ "$RC" -eq 0 ] || [ "$RC" -eq 1 ] || fail "$in: exit status $RC"
    summary "$TMP/err"
    [ "$S_READ" -eq 2 ] || fail "$in: records read $S_READ"
    json_lines "$TMP/out" >/dev/null
    error_records "$TMP/err" >"$TMP/errors.jsonl"
    json_lines "$TMP/errors.jsonl" >/dev/null
    grep -q '"sentence":"GOOD_2"' "$TMP/out" || fail "$in: the record after the bad one was not coded"
done
exit 0
