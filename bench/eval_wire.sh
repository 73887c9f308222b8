#!/usr/bin/env bash
# bench/eval_wire.sh -- dyad against hand-made gold codings of wire-style news
# (tests/eval/wire.jsonl, tests/eval/README.md): the measure an outside
# evaluator with a gold standard would take.
#
# Each line of the set is an article {"id", "date", "text", "gold"}; "gold"
# lists the events a careful CAMEO coder extracts, each with the number of
# its sentence in the text (1-based), source, CAMEO code and target.  The
# articles (without "gold") are coded by `dyad code -q` with the built-in
# dictionaries and full article resolution.  Both sides become sets of
#     (article, sentence, KEY)
# at three levels:
#     (a) source country + target country + CAMEO root
#         (country = first three letters of the code: "---GOV" is "---")
#     (b) full source code + full target code + root
#     (c) full source code + full target code + full event code
# A dyad event belongs to the gold sentences its sentences cover ("sentence"
# and, for a merged duplicate, every id of "sentences"); dyad's sentence
# numbers are mapped onto the gold numbering through the text (`dyad parse`),
# so a dateline that dyad splits off, or a different split, costs nothing.
# Prints precision, recall and F1 per level; with -v every sentence that has
# a miss or an extra at some level, with its text, its gold events and dyad's
# events, each marked with the levels it matched at ("abc", "a--", "---").
#
# usage: bench/eval_wire.sh [-v] [-f SET.jsonl] [-- DYAD-CODE-OPTIONS...]
# Environment: DYAD (default build/dyad), EVAL_SET (default tests/eval/wire.jsonl;
# -f overrides it).
# Exit status 0 (also when there is no dyad binary: the run is skipped with a
# message), 2 when the set is missing or dyad fails fatally.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
DYAD=${DYAD:-$repo/build/dyad}
set_file=${EVAL_SET:-$repo/tests/eval/wire.jsonl}
verbose=0
while getopts vf: opt; do
    case $opt in
        v) verbose=1 ;;
        f) set_file=$OPTARG ;;
        *) sed -n '2,/^set -e/p' "$0" | sed '$d' >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if [ ! -x "$DYAD" ]; then
    echo "eval_wire: no dyad binary at $DYAD (run make, or set DYAD); skipped"
    exit 0
fi
command -v python3 >/dev/null || { echo "eval_wire: python3 not found; skipped"; exit 0; }
[ -f "$set_file" ] || { echo "eval_wire: missing $set_file" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/dyad-eval-wire.XXXXXX")
trap 'rm -rf "$work"' EXIT

# the articles without their gold, one file each for `dyad parse`
python3 - "$set_file" "$work" <<'EOF'
import json, os, sys
src, work = sys.argv[1], sys.argv[2]
os.makedirs(f"{work}/one")
with open(src, encoding="utf-8") as f, open(f"{work}/articles.jsonl", "w", encoding="utf-8") as out:
    for i, line in enumerate(f):
        if not line.strip():
            continue
        a = json.loads(line)
        rec = json.dumps({"id": a["id"], "date": a["date"], "text": a["text"]}, ensure_ascii=False) + "\n"
        out.write(rec)
        with open(f"{work}/one/{i:05d}.jsonl", "w", encoding="utf-8") as one:
            one.write(rec)
EOF

rc=0
"$DYAD" code -q "$@" -o "$work/events.jsonl" "$work/articles.jsonl" 2>"$work/err" || rc=$?
[ "$rc" -le 1 ] || { tail -n 5 "$work/err" >&2; echo "eval_wire: dyad code failed, status $rc" >&2; exit 2; }
for f in "$work"/one/*.jsonl; do
    "$DYAD" parse "$f" >"${f%.jsonl}.parse" 2>/dev/null || true
done

python3 - "$set_file" "$work" "$verbose" <<'EOF'
import glob, json, os, re, sys, unicodedata
src, work, verbose = sys.argv[1], sys.argv[2], sys.argv[3] == "1"

# Gold sentence numbering: split after . ! ? (and closing quotes) before a
# capital, a digit or an opening quote, except after a title, a month or an
# initial.  tests/eval/README.md asks the set's texts to follow it.
ABBR = set("Mr Mrs Ms Dr Gen Lt Col Maj Capt Sgt Adm Sen Rep Gov St Jr Sr No Jan Feb Mar Apr "
           "Aug Sep Sept Oct Nov Dec Inc Co Corp Ltd".split())
def split(text):
    out, start = [], 0
    for m in re.finditer(r'[.!?]["\u201d\u2019)]*\s+(?=["\u201c(]?[A-Z0-9])', text):
        w = re.search(r'([A-Za-z.]+)$', text[start:m.start()])
        w = w.group(1) if w else ""
        if w in ABBR or re.fullmatch(r'(?:[A-Z]\.)*[A-Z]', w):
            continue
        out.append((start, len(text[:m.end()].rstrip())))
        start = m.end()
    out.append((start, len(text)))
    return out

PTB = {"-LRB-", "-RRB-", "-LSB-", "-RSB-", "-LCB-", "-RCB-", "``", "''"}
def dyad_sentence_starts(text, parse_file):
    """char offset where each of dyad's sentences starts, by aligning the
    letters and digits of its tokens with those of the text; None if the
    two do not line up"""
    try:
        lines = open(parse_file, encoding="utf-8").read().split("\n")
    except OSError:
        return None
    pos = [i for i, c in enumerate(text) if c.isalnum()]
    starts, k = [], 0
    for tokline in lines[0::2]:
        if not tokline.strip():
            continue
        starts.append(pos[k] if k < len(pos) else len(text))
        for tok in tokline.split(" "):
            word = tok.rsplit("/", 2)[0]
            if word in PTB:
                continue
            k += sum(1 for c in unicodedata.normalize("NFC", word) if c.isalnum())
    return starts if k == len(pos) and starts else None

def country(code):
    return (code or "")[:3]
def keys(src, code, tgt):
    return {"a": (country(src), country(tgt), code[:2]), "b": (src, tgt, code[:2]), "c": (src, tgt, code)}

articles, warn = {}, []
for i, line in enumerate(open(src, encoding="utf-8")):
    if not line.strip():
        continue
    a = json.loads(line)
    text = a["text"]
    seg = split(text)
    starts = dyad_sentence_starts(text, f"{work}/one/{i:05d}.parse")
    if starts is None:
        warn.append(f"{a['id']}: dyad's sentences could not be aligned with the text; its sentence numbers are used as they are")
    articles[a["id"]] = dict(text=text, seg=seg, starts=starts, gold=a.get("gold", []),
                             bytes=text.encode("utf-8"))

def gold_of_char(art, c):
    for n, (s, e) in enumerate(art["seg"], 1):
        if c < e or n == len(art["seg"]):
            return n
    return len(art["seg"])

def gold_sentences(art, sid):
    """gold sentence numbers covered by dyad sentence id '<article>-<n>'"""
    n = int(sid.rsplit("-", 1)[1])
    st = art["starts"]
    if st is None:
        return {n}
    if n < 1 or n > len(st):
        return set()
    s = st[n - 1]
    e = st[n] if n < len(st) else len(art["text"])
    return {g for g, (gs, ge) in enumerate(art["seg"], 1) if gs < max(e, s + 1) and ge > s} or {gold_of_char(art, s)}

events = []
for line in open(f"{work}/events.jsonl", encoding="utf-8"):
    if not line.strip():
        continue
    e = json.loads(line)
    art = articles.get(e.get("article"))
    if art is None:
        continue
    cand = set()
    verb = (e.get("spans") or {}).get("verb")
    if verb and art["starts"] is not None:
        cand.add(gold_of_char(art, len(art["bytes"][:verb[0]].decode("utf-8", "replace"))))
    else:
        cand |= gold_sentences(art, e["sentence"])
    for sid in e.get("sentences") or []:
        if sid != e["sentence"]:
            cand |= gold_sentences(art, sid)
    src, tgt = e["source"]["code"], e["target"]["code"]
    events.append(dict(art=e["article"], cand=cand, k=keys(src, e["code"], tgt), e=e))

gold = []
for aid, art in articles.items():
    for g in art["gold"]:
        gold.append(dict(art=aid, s=g["sentence"], k=keys(g["source"], g["code"], g["target"]), g=g))

print(f"eval_wire: {len(articles)} articles, {sum(len(a['seg']) for a in articles.values())} sentences, "
      f"{len(gold)} gold events; dyad events {len(events)}")
for w in warn:
    print(f"warning: {w}")
names = {"a": "(a) country+country+root", "b": "(b) source+target+root", "c": "(c) source+target+code"}
status = {}
for lv in "abc":
    G = {(g["art"], g["s"], g["k"][lv]) for g in gold}
    P = {}
    for ev in events:
        P.setdefault((ev["art"], frozenset(ev["cand"]), ev["k"][lv]), []).append(ev)
    ghit = {t for t in G if any(t[0] == p[0] and t[1] in p[1] and t[2] == p[2] for p in P)}
    phit = {p for p in P if any(p[0] == t[0] and t[1] in p[1] and t[2] == p[2] for t in G)}
    prec = len(phit) / len(P) if P else 0.0
    rec = len(ghit) / len(G) if G else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"{names[lv]:28s} P {100 * prec:5.1f}% ({len(phit)}/{len(P)})  "
          f"R {100 * rec:5.1f}% ({len(ghit)}/{len(G)})  F1 {100 * f1:5.1f}")
    for g in gold:
        status.setdefault(id(g), {})[lv] = (g["art"], g["s"], g["k"][lv]) in ghit
    for ev in events:
        status.setdefault(id(ev), {})[lv] = (ev["art"], frozenset(ev["cand"]), ev["k"][lv]) in phit

if verbose:
    def mark(x):
        return "".join(lv if status[id(x)][lv] else "-" for lv in "abc")
    for aid, art in articles.items():
        for n, (s, e) in enumerate(art["seg"], 1):
            gs = [g for g in gold if g["art"] == aid and g["s"] == n]
            es = [ev for ev in events if ev["art"] == aid and min(ev["cand"] or {0}) == n]
            if all(mark(x) == "abc" for x in gs + es):
                continue
            print(f"\n== {aid} #{n}  {art['text'][s:e]}")
            for g in gs:
                k = g["k"]["c"]
                print(f"   gold  {mark(g)}  {k[0]} {k[2]} {k[1]}")
            for ev in es:
                e_ = ev["e"]
                k = ev["k"]["c"]
                att = e_.get("attribution") or {}
                extra = f"  (attr {att.get('code') or '-'}: {att.get('text')})" if att else ""
                print(f"   dyad  {mark(ev)}  {k[0]} {k[2]} {k[1]}  [{e_['source']['text']} -{e_['verb']}-> "
                      f"{e_['target']['text']}]{extra}")
EOF
