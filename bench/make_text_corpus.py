#!/usr/bin/env python3
"""make_text_corpus.py -- builds a raw-text benchmark corpus: JSON Lines
articles ({"id","date","text"}) made of the <Text> of the <Sentence> records
of a sample file, repeated until there are at least N sentences.  Each
article holds up to 10 consecutive texts, three to a paragraph, paragraphs
separated by a blank line, so the sentence splitter sees running text, and
has the date of its first text's record.
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
    texts = []   # (text, date) of every record with a text
    for rec in re.findall(r"<Sentence\b.*?</Sentence>", data, flags=re.S):
        t = re.search(r"<Text>(.*?)</Text>", rec, flags=re.S)
        d = re.search(r'\bdate\s*=\s*"(\d{4})(\d\d)(\d\d)"', rec)
        t = " ".join(html.unescape(t.group(1)).split()) if t else ""
        if t and d:
            texts.append((t if t[-1] in ".!?\"'" else t + ".", "-".join(d.groups())))
    if not texts:
        sys.exit(f"make_text_corpus.py: no <Text> in {sample}")
    written = articles = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < want:
            for i in range(0, len(texts), PER_ARTICLE):
                group = texts[i:i + PER_ARTICLE][:want - written]
                if not group:
                    break
                paras = [" ".join(t for t, _ in group[j:j + PER_PARAGRAPH])
                         for j in range(0, len(group), PER_PARAGRAPH)]
                rec = {"id": f"BENCH{articles:06d}", "date": group[0][1],
                       "text": "\n\n".join(paras)}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                written += len(group)
                articles += 1
                if written >= want:
                    break
    print(f"{written} texts in {articles} articles in {out}")


if __name__ == "__main__":
    main(sys.argv)
