#!/usr/bin/env python3
"""Scores `entente who-met` on samples/ against tools/eval/sample_meetings.tsv.

Every contact the table marks "happened" must be listed by who-met with its
date; "background" ones are reported but not required; "denied", "planned"
and "possible" ones must not be listed on their date (or, for "future", on
any date after the story's). Prints the misses and the wrongly listed
contacts. Exits 1 when --strict is given and any is found, or when
--min-found F is given and fewer than F of the contacts that happened are
listed or any denied, planned or possible one is (the test suite's floor).

  tools/eval/score_sample_meetings.py [--entente build/entente] [--graph FILE]
                                      [--verbose] [--strict] [--min-found F]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TABLE = os.path.join(ROOT, "tools", "eval", "sample_meetings.tsv")
STATUSES = ("happened", "background", "denied", "planned", "possible")


def load_table(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) != 7 or cells[5] not in STATUSES:
                sys.exit("%s:%d: want 7 tab-separated cells with a status in %s"
                         % (path, number, ", ".join(STATUSES)))
            doc, a, b, how, date, status, note = cells
            rows.append({"doc": doc, "a": set(a.split("|")), "b": set(b.split("|")),
                         "how": how, "date": date, "status": status, "note": note,
                         "line": number})
    return rows


def who_met(entente, graph):
    out = subprocess.run([entente, "who-met", "", "--graph", graph, "--json"],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def build_graph(entente, tmp):
    """The graph of the sample articles alone (samples/ also holds
    expected/events.jsonl, the reviewed output, which must not stand in for
    what the build being scored extracts)."""
    samples = os.path.join(ROOT, "samples")
    articles = sorted(os.path.join(samples, f) for f in os.listdir(samples)
                      if f.endswith(".txt") and f != "README.md")
    articles.append(os.path.join(samples, "wire.jsonl"))
    graph = os.path.join(tmp, "graph.json")
    subprocess.run([entente, "build", *articles, "-o", graph],
                   check=True, capture_output=True)
    return graph


def contacts_of(listed, row):
    """who-met rows between the row's actors, reported by the row's document."""
    found = []
    for r in listed:
        pair_ok = ((r["a"] in row["a"] and r["b"] in row["b"]) or
                   (r["a"] in row["b"] and r["b"] in row["a"]))
        if pair_ok and any(e["doc"].startswith(row["doc"]) for e in r["evidence"]):
            found.append(r)
    return found


def story_date(listed_docs, doc):
    for d, date in listed_docs.items():
        if d.startswith(doc):
            return date
    return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entente", default=os.path.join(ROOT, "build", "entente"))
    parser.add_argument("--graph", help="graph.json of samples/ (built when absent)")
    parser.add_argument("--verbose", action="store_true", help="list the hits too")
    parser.add_argument("--strict", action="store_true", help="exit 1 on any error")
    parser.add_argument("--min-found", type=float,
                        help="exit 1 below this share found, or on any contact wrongly listed")
    args = parser.parse_args()
    table = load_table(TABLE)
    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph or build_graph(args.entente, tmp)
        listed = who_met(args.entente, graph)
    found, missed, background, wrong = [], [], [], []
    for row in table:
        contacts = contacts_of(listed, row)
        label = "%s %s ~ %s %s %s (%s)" % (row["doc"], "|".join(sorted(row["a"])),
                                            "|".join(sorted(row["b"])), row["how"],
                                            row["date"], row["note"])
        dates = sorted({c["date"] or "-" for c in contacts})
        if row["status"] in ("happened", "background"):
            hit = row["date"] in dates
            if row["status"] == "background":
                background.append((hit, label))
            elif hit:
                found.append(label)
            else:
                missed.append("%s; listed on: %s" % (label, ", ".join(dates) or "none"))
        else:
            if row["date"] == "future":
                # No date of its own: any listing dated after the contacts that
                # happened in the story is the planned one.
                happened = {r["date"] for r in table if r["status"] == "happened"
                            and r["doc"] == row["doc"]}
                latest = max(happened) if happened else ""
                bad = [d for d in dates if d != "-" and d > latest]
            else:
                bad = [d for d in dates if d == row["date"]]
            if bad:
                wrong.append("%s %s; listed on: %s" % (row["status"], label, ", ".join(bad)))
    required = len(found) + len(missed)
    print("contacts that happened, listed with their date: %d/%d = %.3f"
          % (len(found), required, len(found) / required if required else 0))
    print("background contacts listed: %d/%d" % (sum(h for h, _ in background), len(background)))
    print("denied, planned or possible contacts listed: %d of %d"
          % (len(wrong), sum(r["status"] in ("denied", "planned", "possible") for r in table)))
    for m in missed:
        print("  missed: " + m)
    for w in wrong:
        print("  listed: " + w)
    if args.verbose:
        for f in found:
            print("  found: " + f)
        for hit, label in background:
            print("  background %s: %s" % ("found" if hit else "missed", label))
    if args.strict and (missed or wrong):
        return 1
    if args.min_found is not None and (wrong or len(found) < args.min_found * required):
        print("below the floor: want at least %.3f found and none wrongly listed"
              % args.min_found)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
