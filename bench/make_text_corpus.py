#!/usr/bin/env python3
"""make_text_corpus.py -- builds a raw-text benchmark corpus: JSON Lines
articles ({"id","date","text"}) made of the <Text> of the <Sentence> records
of a sample file, repeated until there are at least N sentences.  Each
article holds up to 10 consecutive texts, three to a paragraph, paragraphs
separated by a blank line, so the sentence splitter sees running text.
A text without final punctuation gets a period, so that it stays a sentence
of its own in running text.

usage: make_text_corpus.py SAMPLE.xml OUT.jsonl N
"""
import html
import json
import re
import sys

PER_ARTICLE = 10
PER_PARAGRAPH = 3


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__.strip())
    sample, out, want = argv[1], argv[2], int(argv[3])
    with open(sample, encoding="utf-8", errors="replace") as f:
        data = f.read()
    texts = [" ".join(html.unescape(t).split())
             for t in re.findall(r"<Text>(.*?)</Text>", data, flags=re.S)]
    texts = [t if t[-1] in ".!?\"'" else t + "." for t in texts if t]
    if not texts:
        sys.exit(f"make_text_corpus.py: no <Text> in {sample}")
    written = articles = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < want:
            for i in range(0, len(texts), PER_ARTICLE):
                group = texts[i:i + PER_ARTICLE][:want - written]
                if not group:
                    break
                paras = [" ".join(group[j:j + PER_PARAGRAPH])
                         for j in range(0, len(group), PER_PARAGRAPH)]
                rec = {"id": f"BENCH{articles:06d}", "date": "2008-08-02",
                       "text": "\n\n".join(paras)}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                written += len(group)
                articles += 1
                if written >= want:
                    break
    print(f"{written} texts in {articles} articles in {out}")


if __name__ == "__main__":
    main(sys.argv)
