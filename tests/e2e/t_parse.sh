#!/usr/bin/env bash
# dyad parse: two lines per sentence -- word/TAG/lemma tokens, then a
# one-line Penn Treebank tree -- for .txt, JSON Lines and XML inputs.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

# check_shape FILE SENTENCES : FILE is SENTENCES pairs of well-formed lines
check_shape() {
    python3 - "$1" "$2" <<'PY' || fail "$1: not the dyad parse layout"
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[-1] == "", "no final newline"
lines = lines[:-1]
assert len(lines) == 2 * int(sys.argv[2]), f"{len(lines)} lines, want {2 * int(sys.argv[2])}"
tok = re.compile(r"[^ ]+/[A-Z$,.:`'()#-]+/[^ ]+")
for toks, tree in zip(lines[0::2], lines[1::2]):
    words = toks.split(" ")
    assert all(tok.fullmatch(w) for w in words), toks
    assert tree.startswith("(ROOT (") and tree.endswith(")"), tree
    depth = 0
    for c in tree:
        depth += (c == "(") - (c == ")")
        assert depth >= 0, tree
    assert depth == 0, tree
    # the tree's leaves are the tokens, in order
    leaves = re.findall(r"\(([^ ()]+) ([^ ()]+)\)", tree)
    assert [w for _, w in leaves] == [w.rsplit("/", 2)[0] for w in words], (toks, tree)
    assert [t for t, _ in leaves] == [w.rsplit("/", 2)[1] for w in words], (toks, tree)
PY
}

run "$TMP/out" "$TMP/err" parse "$ARTICLE_INPUT"
expect_rc 0 "dyad parse $ARTICLE_INPUT"
check_shape "$TMP/out" 11
grep -qx 'Castria/NNP/castria and/CC/and Dunmark/NNP/dunmark signed/VBD/sign a/DT/a fishing/NN/fishing accord/NN/accord in/IN/in 2017/CD/2017 ././.' "$TMP/out" ||
    fail "no token line for the last sentence"
grep -qx '(ROOT (S (NP (NNP Castria) (CC and) (NNP Dunmark)) (VP (VBD signed) (NP (DT a) (NN fishing) (NN accord)) (PP (IN in) (NP (CD 2017)))) (. .)))' "$TMP/out" ||
    fail "no tree line for the last sentence"

# JSON Lines: every record's text (articles and sentences); XML sentences;
# standard input; -o.
run "$TMP/out" "$TMP/err" parse tests/data/articles.jsonl
expect_rc 0 "dyad parse on JSON Lines"
check_shape "$TMP/out" 6
run "$TMP/out" "$TMP/err" parse -o "$TMP/xml.txt" examples/sentences.xml
expect_rc 0 "dyad parse on XML"
[ ! -s "$TMP/out" ] || fail "-o FILE still wrote to stdout"
check_shape "$TMP/xml.txt" "$(grep -c '<Sentence ' examples/sentences.xml)"
"$DYAD" parse <examples/sentences.jsonl >"$TMP/stdin.txt" 2>"$TMP/err"
RC=$?; expect_rc 0 "dyad parse from standard input"
cmp -s "$TMP/xml.txt" "$TMP/stdin.txt" || fail "standard input parses differently"

# Errors: a missing file is fatal, an unreadable record is reported.
run "$TMP/out" "$TMP/err" parse "$TMP/missing.txt"
expect_rc 2 "dyad parse on a missing file"
grep -q "missing.txt" "$TMP/err" || fail "message: $(cat "$TMP/err")"
printf '{"id":"A","date":"1","text":"Arvland met Belmora."}\nnot json\n' >"$TMP/bad.jsonl"
run "$TMP/out" "$TMP/err" parse "$TMP/bad.jsonl"
expect_rc 1 "dyad parse with a bad record"
check_shape "$TMP/out" 1
grep -q "bad.jsonl:2" "$TMP/err" || fail "message: $(cat "$TMP/err")"
exit 0
