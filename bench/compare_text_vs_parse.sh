#!/usr/bin/env bash
# bench/compare_text_vs_parse.sh -- how close raw-text coding comes to coding
# from the given Treebank parses, on a PETRARCH XML sample file.
#
#   (a) parse path: `dyad code` on the XML file itself (each record's
#       <Parse>), events keyed by record;
#   (b) text path: each record's <Text> becomes one JSON Lines article
#       {"id": <record id>, "date": <YYYY-MM-DD>, "text": <Text>} coded
#       with the same dictionaries, events keyed by article.
#
# Both sides are sets of (record, source code, target code, event code).
# Records with an empty <Text> are left out of both.  Prints
#     found F/T (P%)      events of (a) that (b) also has
#     extra E/T (P%)      events of (b) that (a) lacks, over T = |(a)|
# and with -v the differences record by record (with the text, and the
# events of both sides).
#
# usage: bench/compare_text_vs_parse.sh [-v] [-k] [-p] [-r] [SAMPLE.xml]
#   -v   per-record differences
#   -k   keep the work folder (printed) instead of removing it
#   -p   code the parse's words (joined back into text) instead of <Text>,
#        to tell front-end misses from records whose text and parse differ
#   -r   keep the article-level resolution of the text path (coreference,
#        reporting frames, merged duplicates: `--option resolve=1`).  By
#        default it is turned off (`--option resolve=0`, when the binary has
#        that option), so that both paths code each sentence alike and the
#        numbers measure the front end.
# Environment: DYAD (binary, default build/dyad), DYAD_SHARED (the shared
# reference data, default ../shared); SAMPLE.xml defaults to
# $DYAD_SHARED/petrarch2/text/GigaWord.sample.PETR.xml and the dictionaries
# are the Phoenix set of $DYAD_SHARED/petrarch2/dictionaries.
# Exit status 0, or 2 when something is missing or dyad fails fatally.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
DYAD=${DYAD:-$repo/build/dyad}
shared=${DYAD_SHARED:-$repo/../shared}
verbose=0 keep=0 words=0 resolve=0
while getopts vkpr opt; do
    case $opt in
        v) verbose=1 ;;
        k) keep=1 ;;
        p) words=1 ;;
        r) resolve=1 ;;
        *) sed -n '2,/^set -e/p' "$0" | sed '$d' >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
sample=${1:-$shared/petrarch2/text/GigaWord.sample.PETR.xml}
d=$shared/petrarch2/dictionaries
[ -x "$DYAD" ] || { echo "compare: no dyad binary at $DYAD (run make, or set DYAD)" >&2; exit 2; }
[ -f "$sample" ] || { echo "compare: no sample file $sample (set DYAD_SHARED)" >&2; exit 2; }
dicts=(--no-default-dict
       --dict "verbs:$d/CAMEO.2.0.txt"
       --dict "actors:$d/Phoenix.Countries.actors.txt"
       --dict "actors:$d/Phoenix.International.actors.txt"
       --dict "actors:$d/Phoenix.MilNonState.actors.txt"
       --dict "agents:$d/Phoenix.agents.txt"
       --dict "discards:$d/Phoenix.discards.txt"
       --dict "issues:$d/Phoenix.IssueCoding.txt")
for f in "$d"/CAMEO.2.0.txt "$d"/Phoenix.{Countries,International,MilNonState}.actors.txt \
         "$d"/Phoenix.{agents,discards,IssueCoding}.txt; do
    [ -f "$f" ] || { echo "compare: missing dictionary $f" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/dyad-compare.XXXXXX")
if [ "$keep" -eq 1 ]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi

# Records -> records.json (index, id, unique key, date, text, first and last
# line) and articles.jsonl (the text path's input).
python3 - "$sample" "$work" "$words" <<'EOF'
import html, json, re, sys
sample, work, use_words = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
data = open(sample, encoding="utf-8", errors="replace").read()
recs, seen = [], {}
# The words of a parse joined back into text, Treebank conventions undone.
def detok(words):
    out, quote = "", False
    for w in words:
        w = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{",
             "-RCB-": "}", "``": '"', "''": '"'}.get(w, w)
        glue = (w in {",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "'s", "'", "n't",
                      "'re", "'ve", "'ll", "'d", "'m", "'S"} or (w == '"' and quote)
                or out.endswith(("(", "[", "{", "$")) or (out.endswith('"') and quote
                and not w == '"'))
        if w == '"':
            quote = not quote
        out += w if glue or not out else " " + w
    return out
# The characters of a text or of a parse's words, white space left out and
# quotes and brackets written one way: equal when the parse is of the text.
def chars(s):
    for a, b in (("``", '"'), ("''", '"'), ("\u201c", '"'), ("\u201d", '"'), ("`", "'"),
                 ("\u2018", "'"), ("\u2019", "'"), ("-LRB-", "("), ("-RRB-", ")"),
                 ("-LSB-", "["), ("-RSB-", "]"), ("-LCB-", "{"), ("-RCB-", "}")):
        s = s.replace(a, b)
    return re.sub(r"\s+", "", s)
for m in re.finditer(r"<Sentence\b.*?</Sentence>", data, flags=re.S):
    r = m.group(0)
    rid = re.search(r'\bid\s*=\s*"([^"]*)"', r)
    dt = re.search(r'\bdate\s*=\s*"(\d{4})(\d\d)(\d\d)"', r)
    t = re.search(r"<Text>(.*?)</Text>", r, flags=re.S)
    rid = rid.group(1) if rid else f"#{len(recs)}"
    n = seen.get(rid, 0) + 1
    seen[rid] = n
    key = rid if n == 1 else f"{rid}#{n}"     # a repeated id stays apart
    text = html.unescape(t.group(1)).strip() if t else ""
    words = text
    pm = re.search(r"<Parse>(.*?)</Parse>", r, flags=re.S)
    parse = html.unescape(pm.group(1)).strip() if pm else ""
    leaves = re.findall(r"\(([^\s()]+)\s+([^\s()]+)\s*\)", parse)
    if use_words and text:
        words = detok([w for _, w in leaves])
    first = data.count("\n", 0, m.start()) + 1
    last = first + r.count("\n")
    recs.append({"key": key, "id": rid, "date": "-".join(dt.groups()) if dt else "",
                 "text": text, "words": words, "first": first, "last": last,
                 "same": chars(text) == chars("".join(w for _, w in leaves)),
                 # PETRARCH's parses are wrapped: "( (S ...))" or "(ROOT (S ...))"
                 "bare": not re.match(r"\(\s*(ROOT\b|\()", parse)})
with open(f"{work}/records.json", "w") as f:
    json.dump(recs, f)
with open(f"{work}/articles.jsonl", "w", encoding="utf-8") as f:
    for r in recs:
        if r["text"]:
            f.write(json.dumps({"id": r["key"], "date": r["date"], "text": r["words"]},
                               ensure_ascii=False) + "\n")
EOF

rc=0
"$DYAD" code "${dicts[@]}" -o "$work/parse.jsonl" "$sample" 2>"$work/parse.err" || rc=$?
[ "$rc" -le 1 ] || { tail -n 5 "$work/parse.err" >&2; echo "compare: dyad code (parses) failed, status $rc" >&2; exit 2; }
# --option resolve=0 where the binary knows it (older ones have no
# article-level resolution to turn off)
text_opts=()
if [ "$resolve" -eq 0 ] && : >"$work/empty.jsonl" &&
   "$DYAD" code --no-default-dict --dict "verbs:$d/CAMEO.2.0.txt" --option resolve=0 \
       "$work/empty.jsonl" >/dev/null 2>&1; then
    text_opts=(--option resolve=0)
fi
rc=0
"$DYAD" code "${dicts[@]}" "${text_opts[@]}" -o "$work/text.jsonl" "$work/articles.jsonl" \
    2>"$work/text.err" || rc=$?
[ "$rc" -le 1 ] || { tail -n 5 "$work/text.err" >&2; echo "compare: dyad code (text) failed, status $rc" >&2; exit 2; }

python3 - "$work" "$verbose" <<'EOF'
import json, sys
work, verbose = sys.argv[1], sys.argv[2] == "1"
recs = json.load(open(f"{work}/records.json"))
with_text = {r["key"] for r in recs if r["text"]}
def by_line(line):
    for r in recs:
        if r["first"] <= line <= r["last"]:
            return r["key"]
    return None
def events(path, keyof):
    out = {}
    for line in open(path, encoding="utf-8"):
        e = json.loads(line)
        if e.get("type") != "event":
            continue
        k = keyof(e)
        if k not in with_text:
            continue
        t = (e["source"]["code"], e["target"]["code"], e["code"])
        out.setdefault(k, {}).setdefault(t, e)
    return out
parse = events(f"{work}/parse.jsonl", lambda e: by_line(e.get("line", 0)))
text = events(f"{work}/text.jsonl", lambda e: e.get("article"))
def score(keys):
    total = sum(len(parse.get(k, {})) for k in keys)
    found = sum(len(set(parse.get(k, {})) & set(text.get(k, {}))) for k in keys)
    extra = sum(len(set(text.get(k, {})) - set(parse.get(k, {}))) for k in keys)
    return total, found, extra
def pct(a, b):
    return 100.0 * a / b if b else 0.0
total, found, extra = score(with_text)
print(f"records {len(recs)}, with text {len(with_text)}; events from parses {total}, "
      f"from text {sum(len(v) for v in text.values())}")
print(f"found {found}/{total} ({pct(found, total):.1f}%)")
print(f"extra {extra}/{total} ({pct(extra, total):.1f}%)")
same = {r["key"] for r in recs if r["key"] in with_text and r["same"] and not r["bare"]}
t2, f2, e2 = score(same)
print(f"records whose parse is of their text ({len(same)}; not: {len(with_text) - len(same)}, "
      f"marked below): found {f2}/{t2} ({pct(f2, t2):.1f}%), extra {e2}/{t2} ({pct(e2, t2):.1f}%)")
if verbose:
    fmt = lambda t, e: f"({t[0]},{t[1]},{t[2]}) {e['verb']!r} [{e['source']['text']} -> {e['target']['text']}]"
    for r in recs:
        k = r["key"]
        p, t = parse.get(k, {}), text.get(k, {})
        miss, add = set(p) - set(t), set(t) - set(p)
        if not miss and not add:
            continue
        why = ([] if r["same"] else ["text differs from the parse's words"]) + \
              (["parse without a ROOT wrapper"] if r["bare"] else [])
        print(f"\n== {k}  missing {len(miss)}, extra {len(add)}" +
              (f"  [{'; '.join(why)}]" if why else ""))
        print("   " + " ".join(r["words"].split()))
        for x in sorted(miss):
            print("   - " + fmt(x, p[x]))
        for x in sorted(add):
            print("   + " + fmt(x, t[x]))
EOF
