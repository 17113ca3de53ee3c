#!/usr/bin/env python3
"""Scores entente's time expressions against TempEval-3 platinum.

Reads the gold file (../shared/eval/timex/gold.jsonl beside the project, or
--gold), writes its articles to a temporary JSON Lines file with the
document creation time as `date`, runs `entente annotate` on it and compares
the `times` of each annotation with the gold TIMEX3s. The data never enters
the repository; when it is absent the script says so and exits 77 (the code
meson reads as "skipped").

Scoring follows TempEval-3 Task A:
  - strict match: the same extent; relaxed match: overlapping extents. Each
    gold expression is paired with at most one system expression (the one
    overlapping it most), so neither side is counted twice;
  - precision, recall and F1 over strict and over relaxed matches;
  - value (and type) accuracy: the share of relaxed matches whose value
    (type) equals the gold one; value F1 = relaxed F1 x value accuracy.
The same figures are printed for DATE expressions alone (gold DATEs against
the DATEs entente reported).

  tools/eval/score_timex.py [--entente build/entente] [--gold FILE]
                            [--verbose] [--min-date-f1 0.90 ...]
  tools/eval/score_timex.py --supplementary   # the phrase-list regression table

With --min-* thresholds it exits 1 when a figure falls below one (for the
meson test); without, it only reports.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SKIP = 77


def shared_dir():
    return os.environ.get("ENTENTE_SHARED") or os.path.join(ROOT, "..", "shared")


def annotate(entente, docs, extra_args):
    """Runs `entente annotate` over [{id, date, text}], returns {id: annotation}."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in.jsonl")
        out = os.path.join(tmp, "out.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        cmd = [entente, "annotate", src, "-o", out] + extra_args
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit("score_timex: %s failed (%d): %s"
                     % (" ".join(cmd), run.returncode, run.stderr.strip()))
        with open(out, encoding="utf-8") as f:
            return {a["id"]: a for a in map(json.loads, f)}


def pair(gold, found):
    """One-to-one pairs (g, s) of overlapping spans, largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(found):
            overlap = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if overlap > 0:
                candidates.append((-overlap, gi, si))
    candidates.sort()
    used_g, used_s, pairs = set(), set(), []
    for _, gi, si in candidates:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gold[gi], found[si]))
    return pairs


def prf(matched, n_gold, n_found):
    p = matched / n_found if n_found else 0.0
    r = matched / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold_docs, annotations, type_filter=None, verbose=False, log=None):
    n_gold = n_found = strict = relaxed = value_ok = type_ok = 0
    for doc in gold_docs:
        gold = [t for t in doc["timexes"]
                if type_filter is None or t["type"] == type_filter]
        found = [t for t in annotations[doc["id"]]["times"]
                 if type_filter is None or t["type"] == type_filter]
        n_gold += len(gold)
        n_found += len(found)
        pairs = pair(gold, found)
        relaxed += len(pairs)
        for g, s in pairs:
            strict += g["start"] == s["start"] and g["end"] == s["end"]
            value_ok += (s["value"] or "") == g["value"]
            type_ok += s["type"] == g["type"]
            if verbose and (s["value"] or "") != g["value"]:
                log.append("VALUE %-28s %-22r %-16s gold %-22r %s"
                           % (doc["id"][:28], s["text"], s["value"], g["text"], g["value"]))
        if verbose:
            paired_g = {id(g) for g, _ in pairs}
            paired_s = {id(s) for _, s in pairs}
            for g in gold:
                if id(g) not in paired_g:
                    log.append("MISS  %-28s %-22r %s %s" % (doc["id"][:28], g["text"], g["type"], g["value"]))
            for s in found:
                if id(s) not in paired_s:
                    log.append("EXTRA %-28s %-22r %s %s" % (doc["id"][:28], s["text"], s["type"], s["value"]))
    sp, sr, sf = prf(strict, n_gold, n_found)
    rp, rr, rf = prf(relaxed, n_gold, n_found)
    accuracy = value_ok / relaxed if relaxed else 0.0
    return {"gold": n_gold, "found": n_found,
            "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
            "type_accuracy": type_ok / relaxed if relaxed else 0.0,
            "value_accuracy": accuracy, "value_f1": rf * accuracy}


def report(name, s):
    print("%-5s gold %3d found %3d | strict P %.3f R %.3f F1 %.3f | relaxed P %.3f R %.3f F1 %.3f"
          " | type acc %.3f | value acc %.3f, value F1 %.3f"
          % (name, s["gold"], s["found"], s["strict_p"], s["strict_r"], s["strict_f1"],
             s["relaxed_p"], s["relaxed_r"], s["relaxed_f1"], s["type_accuracy"],
             s["value_accuracy"], s["value_f1"]))


def tempeval(args):
    gold_path = args.gold or os.path.join(shared_dir(), "eval", "timex", "gold.jsonl")
    if not os.path.exists(gold_path):
        print("skipped: no %s" % gold_path)
        return SKIP
    with open(gold_path, encoding="utf-8") as f:
        gold_docs = [json.loads(line) for line in f if line.strip()]
    annotations = annotate(args.entente, [
        {"id": d["id"], "date": d["dct"], "text": d["text"]} for d in gold_docs], [])
    log = []
    overall = score(gold_docs, annotations, None, args.verbose, log)
    dates = score(gold_docs, annotations, "DATE")
    print("TempEval-3 platinum (%s), %d documents" % (gold_path, len(gold_docs)))
    report("all", overall)
    report("DATE", dates)
    if args.verbose:
        print("\n".join(log))
    failed = []
    for key, figure, floor in (("DATE relaxed F1", dates["relaxed_f1"], args.min_date_f1),
                               ("DATE value accuracy", dates["value_accuracy"], args.min_date_accuracy),
                               ("value F1", overall["value_f1"], args.min_value_f1)):
        if floor is not None and figure < floor:
            failed.append("%s %.3f < %.3f" % (key, figure, floor))
    if failed:
        print("below the floor: " + "; ".join(failed))
        return 1
    return 0


def supplementary(args):
    """The Duckling phrase list: the share of phrases normalised correctly,
    leaving out the rows SOURCE.md flags future_bias_risk (an assistant's
    reading of "tuesday" or "March" as the next one, which news reverses)."""
    path = os.path.join(shared_dir(), "eval", "timex", "supplementary", "duckling_en_time.jsonl")
    if not os.path.exists(path):
        print("skipped: no %s" % path)
        return SKIP
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    annotations = annotate(args.entente, [
        {"id": r["id"], "date": r["dct"], "text": r["text"]} for r in rows], [])
    groups = {}
    misses = []
    for r in rows:
        g = r["timexes"][0]
        if g["future_bias_risk"]:
            continue
        flags = [k for k in ("holiday", "grain_finer_than_unit") if g[k]]
        group = "+".join(flags) or "unflagged"
        found = [t for t in annotations[r["id"]]["times"]
                 if t["start"] < g["end"] and g["start"] < t["end"]]
        right = any((t["value"] or "") == g["value"] for t in found)
        kind = "%s %s" % (g["type"], g["grain"])
        for key in (("all", ""), (group, ""), ("kind", kind)):
            n, ok = groups.get(key, (0, 0))
            groups[key] = (n + 1, ok + right)
        if not right and args.verbose:
            misses.append("%-10s %-36r gold %-22s got %s" % (group, r["text"], g["value"],
                          ", ".join("%s=%s" % (t["text"], t["value"]) for t in found) or "-"))
    print("Duckling phrase list (%s): rows without future_bias_risk" % path)
    print("%-34s %6s %6s %7s" % ("rows", "total", "right", "share"))
    for key in sorted(groups, key=lambda k: (k[0] == "kind", k[0] != "all", k)):
        n, ok = groups[key]
        name = key[1] if key[0] == "kind" else key[0]
        print("%-34s %6d %6d %7.3f" % (name, n, ok, ok / n))
    if args.verbose:
        print("\n".join(misses))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entente", default=os.environ.get("ENTENTE_BIN",
                        os.path.join(ROOT, "build", "entente")))
    parser.add_argument("--gold")
    parser.add_argument("--supplementary", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--min-date-f1", type=float)
    parser.add_argument("--min-date-accuracy", type=float)
    parser.add_argument("--min-value-f1", type=float)
    args = parser.parse_args()
    if not os.path.exists(args.entente):
        sys.exit("score_timex: no entente binary at %s (--entente)" % args.entente)
    return supplementary(args) if args.supplementary else tempeval(args)


if __name__ == "__main__":
    sys.exit(main())
