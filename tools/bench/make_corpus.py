#!/usr/bin/python3
"""Writes a large JSON Lines corpus for whole-process timings by repeating
the sample articles under new ids (and shifted dates, so the graph grows).

usage: make_corpus.py SAMPLES_DIR N OUT.jsonl
"""
import datetime
import json
import os
import sys


def articles(root):
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name)
        if name.endswith(".txt"):
            head, _, body = open(path, encoding="utf-8").read().partition("\n\n")
            date = next(l.split(":", 1)[1].strip() for l in head.splitlines() if l.startswith("Date:"))
            yield {"date": date, "text": body}
        elif name.endswith(".jsonl"):
            for line in open(path, encoding="utf-8"):
                a = json.loads(line)
                yield {"date": a["date"], "text": a["text"]}


def main():
    root, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    base = list(articles(root))
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            a = base[i % len(base)]
            d = datetime.date.fromisoformat(a["date"]) + datetime.timedelta(days=(i // len(base)) % 365)
            f.write(json.dumps({"id": f"bench-{i}", "date": d.isoformat(), "text": a["text"]}) + "\n")


if __name__ == "__main__":
    main()
