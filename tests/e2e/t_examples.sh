#!/usr/bin/env bash
# The example articles, coded with no option (built-in dictionaries, dates
# from their datelines, whole-article resolution), equal their golden files;
# and the resolution the examples are written to show is there.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp

[ "${#EXAMPLE_ARTICLES[@]}" -ge 6 ] || fail "only ${#EXAMPLE_ARTICLES[@]} example articles"
for a in "${EXAMPLE_ARTICLES[@]}"; do
    golden=${a%.txt}.events.jsonl
    [ -f "$golden" ] || fail "no golden file $golden (make golden)"
    run "$TMP/out" "$TMP/err" code -q "$a"
    expect_rc 0 "dyad code $a"
    if ! diff -u "$golden" "$TMP/out" >"$TMP/diff"; then
        head -n 20 "$TMP/diff"
        fail "$a: events differ from $golden (if the change is intended: make golden, and review the diff)"
    fi
    [ -s "$TMP/out" ] || fail "$a: no events"
    grep -q '"file"' "$TMP/err" && fail "$a: error records: $(cat "$TMP/err")"
done

# What the examples show: each check names the rule (docs/resolution.md).
python3 - <<'PY' || fail "an example no longer shows its resolution rule"
import json
def events(name):
    return [json.loads(l) for l in open(f"examples/articles/{name}.events.jsonl")]
def has(evs, why, **want):
    for e in evs:
        if all((e[k] if not isinstance(v, tuple) else e[k][v[0]]) == (v if not isinstance(v, tuple) else v[1])
               for k, v in want.items()):
            return e
    raise SystemExit(f"missing: {why}: {want}")

s = events("summit")
# coreference: the later "Xi" keeps the code of "Chinese President Xi Jinping"
e = has(s, "surname coreference", source=("text", "Xi"), code="051")
assert e["source"]["code"] == "CHNGOV", e
# event date from "on Thursday" against the dateline's date (2024-05-16)
e = has(s, "dated event", code="040", date="2024-05-16")
assert e["date_explicit"] and e["location"]["name"] == "Beijing", e
# "Last month": the month before the article
has(s, "last month", date="2024-04-01", target=("code", "TURGOV"))

c = events("ceasefire")
# reciprocal compound subject, attribution to the Qatari officials
e = has(c, "reciprocal", source=("code", "ISR"), target=("code", "PSEREB"))
has(c, "reciprocal", source=("code", "PSEREB"), target=("code", "ISR"))
assert e["attribution"] is not None, e
# the same agreement reported twice is one event with two mentions
assert e["mentions"] == 2 and len(e["sentences"]) == 2, e

k = events("clash")
# a denied attack is not an event; the repeated shelling on another day is
shell = [e for e in k if e["code"].startswith("19") and e["source"]["code"] == "RUSMIL"]
assert len(shell) == 2 and shell[0]["date"] != shell[1]["date"], shell
assert all(e["target"]["text"] != "Belgorod" for e in k), "the denied attack was coded"
e = has(k, "location", code="194")
assert e["location"]["name"] == "Kharkiv", e

h = events("hostages")
# "The militants freed the aid workers": the same release, resolved through
# "the militants" and "the aid workers" to the first report's actors, is
# merged into it; released people are not aid (0841, not 070)
e = has(h, "release", code="0841")
assert e["source"]["code"] == "MLIREB" and e["target"]["code"] == "NGOFRA", e
assert e["mentions"] == 2 and e["location"]["name"] == "Gao", e
PY
exit 0
