#!/usr/bin/env python3
"""make_scale_corpus.py -- builds a large raw-text corpus for bench/scale.sh:
JSON Lines articles ({"id", "date", "text"}) made of the real sentences in
the <Text> elements of PETRARCH XML files, until the file holds at least
the size asked for.

Each article takes 1 to 20 sentences (most have a few, some many) drawn in
a seeded random order, one to three to a paragraph, paragraphs separated
by a blank line, and the date of its first sentence's record.  A text
without final punctuation gets a period, so that it stays a sentence of its
own in running text.  The same arguments always give the same file.

usage: make_scale_corpus.py OUT.jsonl MEGABYTES SEED SAMPLE.xml...
Prints "ARTICLES articles, SENTENCES sentences, BYTES bytes".
"""
import html
import json
import random
import re
import sys


def texts_of(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        data = f.read()
    out = []
    for rec in re.findall(r"<Sentence\b.*?</Sentence>", data, flags=re.S):
        t = re.search(r"<Text>(.*?)</Text>", rec, flags=re.S)
        d = re.search(r'\bdate\s*=\s*"(\d{4})(\d\d)(\d\d)"', rec)
        t = " ".join(html.unescape(t.group(1)).split()) if t else ""
        if t and d:
            out.append((t if t[-1] in ".!?\"'" else t + ".", "-".join(d.groups())))
    return out


def main(argv):
    if len(argv) < 5:
        sys.exit(__doc__.strip())
    out, megabytes, seed, samples = argv[1], float(argv[2]), int(argv[3]), argv[4:]
    texts = [t for path in samples for t in texts_of(path)]
    if not texts:
        sys.exit(f"make_scale_corpus.py: no <Text> in {' '.join(samples)}")
    rng = random.Random(seed)
    want = int(megabytes * 1024 * 1024)
    written = articles = sentences = 0
    order = list(range(len(texts)))
    rng.shuffle(order)
    next_text = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < want:
            n = rng.randint(1, 5) * rng.randint(1, 4)      # 1..20, mostly short
            picked = []
            for _ in range(n):
                if next_text == len(order):
                    rng.shuffle(order)
                    next_text = 0
                picked.append(texts[order[next_text]])
                next_text += 1
            paras, j = [], 0
            while j < n:
                k = rng.randint(1, 3)
                paras.append(" ".join(t for t, _ in picked[j:j + k]))
                j += k
            line = json.dumps({"id": f"SCALE{articles:09d}", "date": picked[0][1],
                               "text": "\n\n".join(paras)}, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            articles += 1
            sentences += n
    print(f"{articles} articles, {sentences} sentences, {written} bytes")


if __name__ == "__main__":
    main(sys.argv)
