#!/usr/bin/env bash
# The default verb dictionary (data/dict/verbs.txt) on a corpus of
# wire-style sentences (tests/data/verbs_cases.tsv: expected CAMEO code TAB
# sentence; '-' means no event), coded from raw text with the Phoenix
# country actors and agents from the shared PETRARCH data (skipped when
# absent).  Every CAMEO code below the root level must be reachable from the
# dictionary, the dictionary must load without a warning, and at least
# MIN_PCT percent of the cases must give exactly the expected code (every
# event of the sentence has it; for '-', no event at all).
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

MIN_PCT=${DYAD_VERBS_MIN_PCT:-90}
VERBS=data/dict/verbs.txt
CASES=tests/data/verbs_cases.tsv
[ -f "$VERBS" ] || fail "no $VERBS"
[ -f "$CASES" ] || fail "no $CASES"

# Every CAMEO code of data/cameo.tsv below the root level is the code of
# some verb or pattern (needs no shared data).
python3 - "$VERBS" data/cameo.tsv <<'PY' || fail "CAMEO codes unreachable from $VERBS"
import re, sys
used, in_syn = set(), False
block_code = "---"
for raw in open(sys.argv[1], encoding="ascii"):
    s = raw.split("#", 1)[0].strip()
    if not s:
        continue
    if s.startswith("&"):
        in_syn = True
        continue
    if s.startswith("+") and in_syn:
        continue
    in_syn = False
    m = re.search(r"\[([^\]]*)\]", s)
    if s.startswith("---"):
        block_code = m.group(1).strip() if m else "---"
        continue
    used.add(m.group(1).strip() if m else block_code)
want = [l.split("\t")[0] for l in open(sys.argv[2]) if not l.startswith("code\t")]
sub = [c for c in want if len(c) > 2]
missing = [c for c in sub if c not in used]
unknown = sorted(c for c in used if c != "---" and c not in want)
print(f"CAMEO codes reachable: {len(sub) - len(missing)} of {len(sub)}")
if missing:
    print("missing:", " ".join(missing))
if unknown:
    print("codes not in data/cameo.tsv:", " ".join(unknown))
sys.exit(1 if missing or unknown else 0)
PY

shared=$(shared_dir)
[ -n "$shared" ] || skip "no shared data (set DYAD_SHARED or put it at ../shared)"
dicts=$shared/petrarch2/dictionaries
for f in Phoenix.Countries.actors.txt Phoenix.agents.txt; do
    [ -f "$dicts/$f" ] || skip "no $dicts/$f"
done

# The cases as JSON Lines articles, one per case, ids case-<line>.
python3 - "$CASES" "$TMP/cases.jsonl" <<'PY' || fail "$CASES is malformed"
import json, sys
n = 0
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w") as out:
    for i, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0] or not parts[1].strip():
            sys.exit(f"{sys.argv[1]}:{i}: want CODE<TAB>SENTENCE")
        out.write(json.dumps({"id": f"case-{i}", "date": "2020-01-01",
                              "text": parts[1]}) + "\n")
        n += 1
if n < 150:
    sys.exit(f"only {n} cases")
PY

run "$TMP/out" "$TMP/err" code --no-default-dict --dict "verbs:$VERBS" \
    --dict "actors:$dicts/Phoenix.Countries.actors.txt" \
    --dict "agents:$dicts/Phoenix.agents.txt" "$TMP/cases.jsonl"
expect_rc 0 "dyad code on the cases"
summary "$TMP/err"
if grep -q "^$VERBS:" "$TMP/err"; then
    grep "^$VERBS:" "$TMP/err" | head -n 20
    fail "$VERBS loads with warnings"
fi
json_lines "$TMP/out" >/dev/null

python3 - "$CASES" "$TMP/out" "$MIN_PCT" <<'PY' || fail "too few cases give the expected code"
import json, sys
codes = {}
for line in open(sys.argv[2], encoding="utf-8"):
    e = json.loads(line)
    codes.setdefault(e["article"], []).append(
        (e["code"], e["source"]["code"], e["target"]["code"], e["verb"], e["pattern"]))
total = good = 0
bad = []
for i, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    want, text = line.split("\t")
    got = codes.get(f"case-{i}", [])
    ok = (not got) if want == "-" else (bool(got) and all(g[0] == want for g in got))
    total += 1
    good += ok
    if not ok:
        bad.append(f"  line {i}: want {want}, got "
                   f"{' '.join('%s(%s>%s %s|%s)' % g for g in got) or 'nothing'}: {text}")
pct = 100.0 * good / total
print(f"default verbs: {good}/{total} cases give the expected code ({pct:.1f}%)")
if bad:
    print("\n".join(bad))
sys.exit(0 if pct >= float(sys.argv[3]) else 1)
PY
exit 0
