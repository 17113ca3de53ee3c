#!/usr/bin/env python3
"""Scores the dates of the events extracted from samples/.

Compares each event of an events.jsonl (by default from running
`entente map samples`) with the hand-judged table
tools/eval/sample_dates.tsv and prints how many carry the right value and
precision. Events the table marks "future", "undated" or "-" (misread) are
counted apart: their date cannot be right or wrong. Events missing from the
table are listed as unjudged.

  tools/eval/score_sample_dates.py [--entente build/entente] [--events FILE] [--verbose]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_table(path):
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            doc, sentence, source, relation, target, value, precision, note = \
                line.rstrip("\n").split("\t")
            table[(doc, int(sentence), source, relation, target)] = (value, precision, note)
    return table


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entente", default=os.path.join(ROOT, "build", "entente"))
    parser.add_argument("--events")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    table = load_table(os.path.join(ROOT, "tools", "eval", "sample_dates.tsv"))
    with tempfile.TemporaryDirectory() as tmp:
        path = args.events
        if not path:
            subprocess.run([args.entente, "extract", os.path.join(ROOT, "samples"),
                            "-o", os.path.join(tmp, "events.jsonl")],
                           check=True, capture_output=True)
            path = os.path.join(tmp, "events.jsonl")
        with open(path, encoding="utf-8") as f:
            events = [json.loads(line) for line in f if line.strip()]
    right, wrong, apart, unjudged = 0, [], {}, []
    for e in events:
        key = (e["doc"], e["sentence"], e["source"]["id"], e["relation"], e["target"]["id"])
        d = e["date"]
        got = "%s %s (%s, %s)" % (d["value"], d["precision"], d["text"], d["basis"])
        if key not in table:
            unjudged.append("%s | %s" % (" ".join(map(str, key)), got))
            continue
        value, precision, note = table[key]
        if value in ("future", "undated", "-"):
            apart[value] = apart.get(value, 0) + 1
        elif d["value"] == value and d["precision"] == precision:
            right += 1
        else:
            wrong.append("%s | got %s, want %s %s | %s" % (" ".join(map(str, key)), got,
                                                       value, precision, note))
    judged = right + len(wrong)
    print("samples: %d events; %d with a date to judge: %d right (%.1f%%), %d wrong; "
          "apart: %s; unjudged: %d"
          % (len(events), judged, right, 100.0 * right / judged if judged else 0,
             len(wrong), ", ".join("%d %s" % (n, k) for k, n in sorted(apart.items())) or "none",
             len(unjudged)))
    for w in wrong:
        print("WRONG " + w)
    if args.verbose or unjudged:
        for u in unjudged:
            print("UNJUDGED " + u)
    return 0


if __name__ == "__main__":
    sys.exit(main())
