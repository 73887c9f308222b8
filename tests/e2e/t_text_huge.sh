#!/usr/bin/env bash
# Huge and hostile raw text through `dyad code`, with bounded memory:
#   big.txt    50 MB article without a sentence break (no final punctuation,
#              no blank line; a comma every ~30 words)
#   mid.txt    12 MB of the same (under any article size limit: it must be
#              coded, through the tokenizer's two-pass path)
#   long.txt   one sentence of 200,000 tokens (cut at the sentence length
#              limit, 1,000 tokens)
#   bin.txt    2 MB of random bytes (NULs, invalid UTF-8, controls)
#   nul.txt    8 MB of NUL bytes only (white space: no sentence at all)
#   dense.txt  2 MB of "(", one token per input byte (the tokenizer's worst
#              case for memory)
# t_text_bad_input.sh already covers the small hostile inputs (empty and
# blank files, 200 KB of binary, invalid UTF-8 and NULs around a good
# sentence, CR LF, a 2 MB word, 60,000 words without punctuation).
#
# Each run: no crash (exit status 0 or 1), the summary line, JSON on both
# streams, and either graceful coding or one clear error record (an article
# over a reader's size limit).  Peak RSS (/usr/bin/time -f %M) must stay
# under a bound: 10 bytes per input byte plus 64 MB for text (docs/text.md:
# about 7 per byte for the tokens of news text), 40 per byte plus 64 MB for
# dense.txt (32-byte tokens, one per byte).  DYAD_HUGE_MB overrides the size
# of big.txt (default 50).  A binary built with AddressSanitizer (`make
# asan`) needs several times the memory and time: then big.txt is 5 MB and
# the RSS is printed but not checked.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
new_tmp
TIME=/usr/bin/time
[ -x "$TIME" ] || skip "no $TIME (bash scripts/install-deps.sh)"
sanitized=0
grep -aq __asan_init "$DYAD" 2>/dev/null && sanitized=1
BIG_MB=${DYAD_HUGE_MB:-$([ "$sanitized" -eq 1 ] && echo 5 || echo 50)}

python3 - "$TMP" "$BIG_MB" <<'PY'
import random, sys
d, big_mb = sys.argv[1], int(sys.argv[2])
clause = ("Arvland accused Belmora of torture and the Northern Coastal Alliance "
          "promised aid to Dunmark while officials in Port Calder said Castria "
          "signed a fishing accord with Dunmark, and Belmora praised Arvland ")
def text(name, size):
    with open(f"{d}/{name}", "w") as f:
        f.write((clause * (size // len(clause) + 1))[:size])
text("big.txt", big_mb * 1000 * 1000)
text("mid.txt", 12 * 1000 * 1000)
r = random.Random(20240611)
vocab = ["Arvland", "Belmora", "Dunmark", "accused", "praised", "of", "torture",
         "the", "aid", "and", "officials", "said"]
with open(f"{d}/long.txt", "w") as f:
    f.write(" ".join(r.choice(vocab) for _ in range(200000)) + " .\n")
with open(f"{d}/bin.txt", "wb") as f:
    f.write(r.randbytes(2 * 1000 * 1000))
with open(f"{d}/nul.txt", "wb") as f:
    f.write(b"\0" * (8 * 1000 * 1000))
with open(f"{d}/dense.txt", "wb") as f:
    f.write(b"(" * (2 * 1000 * 1000))
PY

# check_spans FILE EVENTS : every span lies inside the file, and each verb
# span is one of the text's verbs
check_spans() {
    python3 - "$1" "$2" <<'PY' || fail "$1: bad spans"
import json, os, sys
size = os.path.getsize(sys.argv[1])
with open(sys.argv[1], "rb") as f:
    text = f.read()
verbs = {b"accused", b"praised", b"promised", b"signed", b"said"}
for i, line in enumerate(open(sys.argv[2], encoding="utf-8")):
    e = json.loads(line)
    if e.get("type") != "event" or "spans" not in e:
        continue
    for k, (a, b) in e["spans"].items():
        assert 0 <= a < b <= size, (k, a, b, size)
    if i < 2000:   # enough to catch wrong offsets, cheaply
        a, b = e["spans"]["verb"]
        assert text[a:b].split()[0] in verbs, text[a:b]
PY
}

for f in big mid long bin nul dense; do
    in=$TMP/$f.txt
    size=$(stat -c %s "$in")
    per=10
    [ "$f" = dense ] && per=40
    bound=$(( (per * size) / 1024 + 65536 ))          # KB
    start=$EPOCHREALTIME
    timeout 120 "$TIME" -f %M -o "$TMP/rss" "$DYAD" code "${EX_DICTS[@]}" --date 2020-01-10 \
        "$in" >"$TMP/out" 2>"$TMP/err" </dev/null
    RC=$?
    secs=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
    [ "$RC" -eq 0 ] || [ "$RC" -eq 1 ] || { tail -n 5 "$TMP/err"; fail "$f.txt: exit status $RC"; }
    rss=$(grep -E '^[0-9]+$' "$TMP/rss" | tail -n 1)
    [ -n "$rss" ] || fail "$f.txt: no peak RSS from $TIME"
    # /usr/bin/time writes its own line to stderr only with -o absent; the
    # summary is dyad's last line
    summary "$TMP/err"
    [ "$S_READ" -eq 1 ] || fail "$f.txt: records read $S_READ"
    json_lines "$TMP/out" >/dev/null
    error_records "$TMP/err" >"$TMP/errors.jsonl"
    [ "$(json_lines "$TMP/errors.jsonl")" -eq "$S_ERRORS" ] || fail "$f.txt: error records != errors"
    if [ "$S_ERRORS" -eq 1 ]; then
        # refused: one clear error record that says why
        python3 - "$TMP/errors.jsonl" <<'PY' || fail "$f.txt: unclear error record: $(cat "$TMP/errors.jsonl")"
import json, sys
e = json.loads(open(sys.argv[1]).readline())
assert e["type"] == "error" and e["error"] and e["message"], e
assert any(w in e["message"] for w in ("limit", "longer", "bytes", "large", "size")), e
PY
        [ "$f" != mid ] || fail "mid.txt (12 MB) was not coded: $(cat "$TMP/errors.jsonl")"
        outcome="error: $(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["message"])' "$TMP/errors.jsonl")"
    else
        [ "$S_CODED" -eq 1 ] || fail "$f.txt: $(tail -n 1 "$TMP/err")"
        case $f in
        big|mid|long)
            [ "$S_EVENTS" -gt 0 ] || fail "$f.txt: no events"
            check_spans "$in" "$TMP/out" ;;
        nul|dense)
            [ "$S_EVENTS" -eq 0 ] || fail "$f.txt: events from nothing" ;;
        esac
        outcome="coded, $S_EVENTS events"
    fi
    [ "$rss" -le "$bound" ] || [ "$sanitized" -eq 1 ] ||
        fail "$f.txt ($size bytes): peak RSS $rss KB over the bound $bound KB"
    note="bound $((bound / 1024)) MB"
    [ "$sanitized" -eq 0 ] || note="not checked under a sanitizer"
    echo "$f.txt: $size bytes, $outcome, peak RSS $((rss / 1024)) MB ($note), ${secs} s"
done
exit 0
