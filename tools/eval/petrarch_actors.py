#!/usr/bin/python3
"""Actor coverage on the PETRARCH validation records.

For every gold event of one record set (default: ud_validate_2_02) this
checks whether the gold source and target actor codes appear among the
actor codes `entente annotate` finds in the record's sentence, with that
set's dictionaries loaded (--cameo-actors/--cameo-agents). The null code
"---" is left out. Prints the share found and, with --misses, every miss.

usage: tools/eval/petrarch_actors.py [--entente build/entente]
       [--shared ../shared] [--set ud_validate_2_02] [--misses]
Exit code 0 even when the share is low (it measures; it does not judge),
77 when the evaluation data is absent.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

DICTIONARIES = {
    "ud_validate_2_02": ("validate_ud_2_02/PETR_Validate_actors_2_02.txt",
                         "validate_ud_2_02/PETR_Validate_agents_2_02.txt"),
    "petr2_unittest": ("validate_petr2/PETR.Validate.actors.txt",
                       "validate_petr2/PETR.Validate.agents.txt"),
}


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entente", default=os.path.join(root, "build", "entente"))
    ap.add_argument("--shared", default=os.environ.get("ENTENTE_SHARED", os.path.join(root, "..", "shared")))
    ap.add_argument("--set", default="ud_validate_2_02", choices=sorted(DICTIONARIES))
    ap.add_argument("--misses", action="store_true", help="list every gold code not found")
    a = ap.parse_args()
    base = os.path.join(a.shared, "eval", "petrarch")
    gold_path = os.path.join(base, "gold.jsonl")
    if not os.path.exists(gold_path):
        print(f"skipped: {gold_path} not found")
        return 77
    records = [r for r in map(json.loads, open(gold_path, encoding="utf-8"))
               if r["set"] == a.set and r["events"]]
    actors, agents = (os.path.join(base, "dictionaries", p) for p in DICTIONARIES[a.set])
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({"id": r["id"], "date": r["date"], "text": r["text"]}) + "\n")
        inputs = f.name
    try:
        p = subprocess.run([a.entente, "annotate", inputs, "--cameo-actors", actors,
                            "--cameo-agents", agents], capture_output=True, text=True)
    finally:
        os.unlink(inputs)
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        return 1
    found = {}
    for line in p.stdout.splitlines():
        doc = json.loads(line)
        found[doc["id"]] = {m["actor"]["code"] for m in doc["actors"] if m["actor"]["code"]}
    total = hit = 0
    for r in records:
        codes = found.get(r["id"], set())
        for e in r["events"]:
            for role in ("source", "target"):
                code = e[role]
                if code == "---" or e.get(role + "_is_phrase"):
                    continue
                total += 1
                if code in codes:
                    hit += 1
                elif a.misses:
                    print(f"miss {r['id']} {role} {code} found={sorted(codes)} :: {r['text'][:120]}")
    print(f"{a.set}: {hit} of {total} gold actor codes found ({hit / max(total, 1):.3f}) "
          f"in {len(records)} records")
    return 0


if __name__ == "__main__":
    sys.exit(main())
