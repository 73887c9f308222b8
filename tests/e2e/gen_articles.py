#!/usr/bin/env python3
"""gen_articles.py -- JSON Lines articles for the end-to-end tests of
`dyad code` at scale: made of the example sentences and the example
article's paragraphs (so the example dictionaries code them), in a seeded
random order, 1 to 12 sentences each, one to three to a paragraph.

usage: gen_articles.py OUT.jsonl COUNT [SEED]
Prints nothing; the output is the same for the same arguments.
"""
import json
import random
import sys


def pool(repo):
    texts = []
    with open(f"{repo}/examples/sentences.jsonl", encoding="utf-8") as f:
        for line in f:
            t = json.loads(line).get("text")
            if t:
                texts.append(t)
    with open(f"{repo}/examples/article.txt", encoding="utf-8") as f:
        for para in f.read().split("\n\n")[1:]:   # the headline is not a sentence
            para = " ".join(para.split())
            if para:
                texts.append(para)
    return texts


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit(__doc__.strip())
    out, count = argv[1], int(argv[2])
    rng = random.Random(int(argv[3]) if len(argv) == 4 else 5)
    repo = sys.path[0] + "/../.."
    texts = pool(repo)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            n = rng.randint(1, 12)
            sents = [rng.choice(texts) for _ in range(n)]
            paras, j = [], 0
            while j < n:
                k = rng.randint(1, 3)
                paras.append(" ".join(sents[j:j + k]))
                j += k
            day = 1 + i % 28
            rec = {"id": f"GEN{i:06d}", "date": f"2021-03-{day:02d}",
                   "text": "\n\n".join(paras)}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv)
