#!/usr/bin/env bash
# bench/compare_reference.sh -- dyad with its own default dictionaries, from
# raw text, against PETRARCH2's events on the GigaWord sample (Phoenix
# dictionaries and CoreNLP parses): the acceptance measure of docs/
# dictionaries.md ("default dictionaries").
#
# Each record's <Text> becomes one JSON Lines article {"id", "date", "text"};
# `dyad code` (no options: the built-in dictionaries, full article
# resolution) codes them.  Both sides become sets of
#     (sentence id, source country, target country, CAMEO root)
# where a country is the first three letters of an actor code (an agent-only
# code "---GOV" has none, and such events are left out of both sides), and
# the root the first two digits of the event code.  Prints
#     found F/T (P%)    reference triples dyad also has
#     extra E (P% of T) dyad triples the reference lacks
# and with -v every difference, with the sentence text.
#
# usage: bench/compare_reference.sh [-v] [-- DYAD-CODE-OPTIONS...]
# Environment: DYAD (default build/dyad), DYAD_SHARED (default ../shared).
# Exit status 0, or 2 when something is missing or dyad fails fatally.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
DYAD=${DYAD:-$repo/build/dyad}
shared=${DYAD_SHARED:-$repo/../shared}
verbose=0
while getopts v opt; do
    case $opt in
        v) verbose=1 ;;
        *) sed -n '2,/^set -e/p' "$0" | sed '$d' >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
sample=$shared/petrarch2/text/GigaWord.sample.PETR.xml
reference=$shared/petrarch2/reference/GigaWord.sample.petrarch2-events.jsonl
[ -x "$DYAD" ] || { echo "compare: no dyad binary at $DYAD (run make, or set DYAD)" >&2; exit 2; }
for f in "$sample" "$reference"; do
    [ -f "$f" ] || { echo "compare: missing $f (set DYAD_SHARED)" >&2; exit 2; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/dyad-reference.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 - "$sample" "$work" <<'EOF'
import html, json, re, sys
sample, work = sys.argv[1], sys.argv[2]
data = open(sample, encoding="utf-8", errors="replace").read()
texts = {}
with open(f"{work}/articles.jsonl", "w", encoding="utf-8") as out:
    for m in re.finditer(r"<Sentence\b.*?</Sentence>", data, flags=re.S):
        r = m.group(0)
        rid = re.search(r'\bid\s*=\s*"([^"]*)"', r)
        dt = re.search(r'\bdate\s*=\s*"(\d{4})(\d\d)(\d\d)"', r)
        t = re.search(r"<Text>(.*?)</Text>", r, flags=re.S)
        if not (rid and dt and t) or rid.group(1) in texts:
            continue
        text = html.unescape(t.group(1)).strip()
        if not text:
            continue
        texts[rid.group(1)] = text
        out.write(json.dumps({"id": rid.group(1), "date": "-".join(dt.groups()),
                              "text": text}, ensure_ascii=False) + "\n")
json.dump(texts, open(f"{work}/texts.json", "w"))
EOF

rc=0
"$DYAD" code "$@" -o "$work/events.jsonl" "$work/articles.jsonl" 2>"$work/err" || rc=$?
[ "$rc" -le 1 ] || { tail -n 5 "$work/err" >&2; echo "compare: dyad code failed, status $rc" >&2; exit 2; }

python3 - "$work" "$reference" "$verbose" <<'EOF'
import json, sys
work, reference, verbose = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
texts = json.load(open(f"{work}/texts.json"))

def country(code):
    code = code or ""
    return code[:3] if len(code) >= 3 and code[:3].isalpha() and code[:3].isupper() else None

def triples(events, sid_of, src_of, tgt_of, code_of):
    out = {}
    for e in events:
        s, t = country(src_of(e)), country(tgt_of(e))
        if not s or not t:
            continue
        for sid in sid_of(e):
            out.setdefault((sid, s, t, code_of(e)[:2]), e)
    return out

ref_events = [json.loads(l) for l in open(reference) if l.strip()]
# only sentences whose text we could code
ref = triples([e for e in ref_events if e["sentence"] in texts], lambda e: [e["sentence"]],
              lambda e: e["source"], lambda e: e["target"], lambda e: e["code"])
ours_events = [json.loads(l) for l in open(f"{work}/events.jsonl") if l.strip()]
# an article id is the record id; "sentences" lists every mention
ours = triples(ours_events, lambda e: [e["article"]], lambda e: e["source"]["code"],
               lambda e: e["target"]["code"], lambda e: e["code"])
found = sum(1 for k in ref if k in ours)
extra = [k for k in ours if k not in ref]
T = len(ref)
print(f"reference triples {T} (of {len(ref_events)} events; {len(texts)} records with text)")
print(f"found {found}/{T} ({100.0 * found / max(T, 1):.1f}%)")
print(f"extra {len(extra)} ({100.0 * len(extra) / max(T, 1):.1f}% of the reference)")
if verbose:
    by = {}
    for k in ref:
        if k not in ours:
            by.setdefault(k[0], []).append(("-", k))
    for k in extra:
        by.setdefault(k[0], []).append(("+", k))
    for sid in sorted(by):
        print(f"\n== {sid}\n   {texts.get(sid, '')[:300]}")
        for sign, k in by[sid]:
            e = ours.get(k)
            what = f" [{e['source']['text']} -{e['verb']}-> {e['target']['text']}]" if e else ""
            print(f"   {sign} ({k[1]},{k[2]},{k[3]}){what}")
EOF
