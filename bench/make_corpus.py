#!/usr/bin/env python3
"""make_corpus.py -- builds a benchmark corpus in the PETRARCH XML format by
repeating the <Sentence> records of a sample file until there are at least N,
giving every record a unique id (its number in the corpus is added to the
story part, so "AFP0808020625_4" becomes "AFP0808020625R000153_4").

usage: make_corpus.py SAMPLE.xml OUT.xml N
"""
import re
import sys


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__.strip())
    sample, out, want = argv[1], argv[2], int(argv[3])
    with open(sample, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    records = re.findall(r"<Sentence\b.*?</Sentence>", text, flags=re.S)
    if not records:
        sys.exit(f"make_corpus.py: no <Sentence> records in {sample}")
    id_attr = re.compile(r'(\bid\s*=\s*")([^"]*)(")')
    copies = -(-want // len(records))
    written = 0
    with open(out, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write("<!-- benchmark corpus: %d copies of %s -->\n<Sentences>\n"
                % (copies, sample))
        for _ in range(copies):
            for rec in records:
                def new_id(m):
                    story, _, sent = m.group(2).rpartition("_")
                    if not story:
                        story, sent = m.group(2), "1"
                    return f"{m.group(1)}{story}R{written:06d}_{sent}{m.group(3)}"
                f.write(id_attr.sub(new_id, rec, count=1))
                f.write("\n")
                written += 1
        f.write("</Sentences>\n")
    print(f"{written} records ({copies} copies of {len(records)}) in {out}")


if __name__ == "__main__":
    main(sys.argv)
