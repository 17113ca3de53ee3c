#!/usr/bin/python3
"""End-to-end tests of the analysis and export commands (`query_test.py NAME`).

Each test builds graph.json and events.jsonl from samples/ with the real
binary ($ENTENTE_BIN), then checks the commands' answers against answers
computed here, in Python, from graph.json and events.jsonl (networkx for
paths and betweenness, an independent PageRank), never against hard-coded
numbers. Exports are read back with networkx and pandas.
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict

import networkx as nx

from harness import ROOT, SAMPLES, check, main, run

WORK = tempfile.TemporaryDirectory()
GRAPH = os.path.join(WORK.name, "graph.json")
EVENTS = os.path.join(WORK.name, "events.jsonl")


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def setup():
    """graph.json (from `entente build samples`) and events.jsonl beside it."""
    rc, _, err = run("build", SAMPLES, "-o", GRAPH)
    if rc != 0:
        print("build samples failed:", err)
        sys.exit(1)
    rc, _, err = run("extract", SAMPLES, "-o", EVENTS)
    if rc != 0:
        print("extract samples failed:", err)
        sys.exit(1)
    with open(GRAPH, encoding="utf-8") as f:
        return json.load(f)


G = None  # graph.json, loaded by main


def relations():
    return [e for e in G["edges"] if e["relation"] != "affiliation"]


def nodes():
    return {n["id"]: n for n in G["nodes"]}


def mentions(ev):
    return ev.get("mentions", 1)


def first_day(value):
    """The first day a TIMEX3 value covers, as a sortable string ('~' when none)."""
    import datetime
    try:
        if len(value) == 10:
            return value
        if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
            return value + "-01"
        if len(value) == 4 and value.isdigit():
            return value + "-01-01"
        if len(value) == 8 and value[5] == "W":
            return datetime.date.fromisocalendar(int(value[:4]), int(value[6:]), 1).isoformat()
        if len(value) == 7 and value[5] == "Q":
            return f"{value[:4]}-{(int(value[6]) - 1) * 3 + 1:02d}-01"
    except ValueError:
        pass
    return "~"


def busiest_actor():
    counts = defaultdict(int)
    for e in relations():
        for end in (e["source"], e["target"]):
            counts[end] += len(e["evidence"])
    return max(sorted(counts), key=lambda a: counts[a])


def happened():
    """Relations that happened: what path and top link actors by."""
    return [e for e in relations() if not e["relation"].startswith("planned_")]


def simple_graph(cooperative=False):
    g = nx.Graph()
    for e in happened():
        if cooperative and e["quad"] not in (1, 2):
            continue
        if e["source"] != e["target"]:
            g.add_edge(e["source"], e["target"])
        else:
            g.add_node(e["source"])
    return g


def test_timeline():
    actor = busiest_actor()
    want = set()
    for e in relations():
        if actor not in (e["source"], e["target"]):
            continue
        by_date = defaultdict(list)
        for ev in e["evidence"]:
            by_date[ev["date"] or ""].append(ev)
        for date, evs in by_date.items():
            want.add((date, e["source"], e["relation"], e["target"], len({v["doc"] for v in evs}),
                      tuple(sorted((v["doc"], v["sentence"]) for v in evs))))
    rc, out, err = run("timeline", actor, "--graph", GRAPH, "--json")
    check(rc == 0, f"timeline {actor} exits 0 ({err})")
    rows = json_lines(out)
    got = {(r["date"] or "", r["source"]["id"], r["relation"], r["target"]["id"], r["sources"],
            tuple(sorted((v["doc"], v["sentence"]) for v in r["evidence"]))) for r in rows}
    check(got == want, f"timeline of {actor} lists exactly its dated events "
                       f"(missing {sorted(want - got)[:3]}, extra {sorted(got - want)[:3]})")
    keys = [first_day(r["date"] or "~") if r["date"] else "~~" for r in rows]
    check(keys == sorted(keys), "timeline rows are in date order")
    texts = {}
    with open(EVENTS, encoding="utf-8") as f:
        for line in f:
            ev = json.loads(line)
            texts[(ev["doc"], ev["sentence"])] = ev["evidence"]["text"]
    quoted = [v for r in rows for v in r["evidence"]]
    check(quoted and all(v["text"] == texts.get((v["doc"], v["sentence"])) for v in quoted),
          "timeline quotes each evidence sentence from the events.jsonl beside graph.json")
    # A pair, as typed by a user: the partner's display name in upper case.
    partner = next(r["target"] if r["source"]["id"] == actor else r["source"] for r in rows
                   if r["source"]["id"] != r["target"]["id"])
    rc, out, _ = run("timeline", actor, partner["name"].upper(), "--graph", GRAPH, "--json")
    pair = json_lines(out)
    check(rc == 0 and pair and all({r["source"]["id"], r["target"]["id"]} == {actor, partner["id"]}
                                   for r in pair), "timeline A B keeps only the pair")
    check(len(pair) == sum(1 for w in want if {w[1], w[3]} == {actor, partner["id"]}),
          "timeline A B lists every event of the pair")
    rc, out, _ = run("timeline", actor, "--graph", GRAPH)
    first = rows[0]["evidence"][0]
    check(rc == 0 and out.startswith("date") and texts[(first["doc"], first["sentence"])] in out,
          "the timeline table quotes the evidence sentences under each row")
    dated = sorted(r["date"] for r in rows if r["date"] and len(r["date"]) == 10)
    mid = dated[len(dated) // 2]
    rc, out, _ = run("timeline", actor, "--graph", GRAPH, "--json", "--from", mid, "--to", mid)
    check(rc == 0 and all(r["date"] == mid or first_day(r["date"]) <= mid for r in json_lines(out))
          and any(r["date"] == mid for r in json_lines(out)), "timeline --from/--to keeps the window")
    rc, out, _ = run("timeline", actor, "--graph", GRAPH, "--csv")
    table = list(csv.reader(io.StringIO(out)))
    check(rc == 0 and table[0][0] == "date" and len(table) == len(rows) + 1,
          "timeline --csv has a header and one row per event")


def test_neighbors():
    actor = busiest_actor()
    want = defaultdict(lambda: [set(), set()])
    for e in relations():
        if actor not in (e["source"], e["target"]):
            continue
        other = e["target"] if e["source"] == actor else e["source"]
        want[other][0].add(e["relation"])
        want[other][1].update(e["documents"])
    rc, out, err = run("neighbors", actor, "--graph", GRAPH, "--json")
    check(rc == 0, f"neighbors exits 0 ({err})")
    rows = json_lines(out)
    got = {r["actor"]["id"]: [set(r["relations"]), r["sources"]] for r in rows}
    check(got == {k: [v[0], len(v[1])] for k, v in want.items()},
          f"neighbors of {actor} are the actors at the other end of its relations, with their sources")
    check([r["sources"] for r in rows] == sorted((r["sources"] for r in rows), reverse=True),
          "neighbors are listed most sources first")
    rel = sorted({r for v in want.values() for r in v[0]})[0]
    rc, out, _ = run("neighbors", actor, "--graph", GRAPH, "--json", "--relation", rel)
    check(rc == 0 and {r["actor"]["id"] for r in json_lines(out)} ==
          {k for k, v in want.items() if rel in v[0]}, "neighbors --relation keeps that relation")
    rc, _, err = run("neighbors", actor, "--graph", GRAPH, "--relation", "dance")
    check(rc == 1 and "dance" in err and rel in err, "an unknown relation fails, listing the relations")


def test_path():
    actor = busiest_actor()
    for cooperative in (False, True):
        g = simple_graph(cooperative)
        targets = sorted(n["id"] for n in G["nodes"] if n["id"] != actor)[::4]
        for target in targets:
            args = ["path", actor, target, "--graph", GRAPH, "--json"] + (["--cooperative"] if cooperative else [])
            rc, out, err = run(*args)
            if rc != 0:
                check(False, f"path {actor} {target} exits 0 ({err})")
                continue
            p = json.loads(out)
            connected = actor in g and target in g and nx.has_path(g, actor, target)
            check(p["found"] == connected, f"path {actor} -> {target} found iff networkx finds one "
                                           f"(cooperative={cooperative})")
            if connected:
                check(p["length"] == nx.shortest_path_length(g, actor, target),
                      f"path {actor} -> {target} is as short as networkx's (cooperative={cooperative})")
                ids = [a["id"] for a in p["actors"]]
                check(ids[0] == actor and ids[-1] == target and
                      all(g.has_edge(a, b) for a, b in zip(ids, ids[1:])),
                      f"path {actor} -> {target} steps along relations of the graph")
                quads = {rel["quad"] for s in p["steps"] for rel in s["relations"]}
                check(not cooperative or quads <= {1, 2}, "a cooperative path uses quad classes 1-2 only")


def pagerank_expected():
    """Brin and Page's iteration as documented in `entente top --help`."""
    arcs = []
    for e in happened():
        arcs.append((e["source"], e["target"]))
        if e["symmetric"]:
            arcs.append((e["target"], e["source"]))
    ids = sorted({a for arc in arcs for a in arc})
    out = defaultdict(int)
    for a, _ in arcs:
        out[a] += 1
    rank = {i: 1 / len(ids) for i in ids}
    for _ in range(1000):
        new = {i: 0.15 for i in ids}
        for a, b in arcs:
            new[b] += 0.85 * rank[a] / out[a]
        change = sum(abs(new[i] - rank[i]) for i in ids)
        rank = new
        if change < 1e-13:
            break
    total = sum(rank.values())
    return {i: r / total for i, r in rank.items()}


def test_top():
    g = simple_graph()
    expected = {
        "degree": dict(g.degree()),
        "betweenness": nx.betweenness_centrality(g),
        "pagerank": pagerank_expected(),
    }
    for by, want in expected.items():
        rc, out, err = run("top", "--graph", GRAPH, "--by", by, "-n", "0", "--json")
        check(rc == 0, f"top --by {by} exits 0 ({err})")
        rows = json_lines(out)
        got = {r["actor"]["id"]: r[by] for r in rows}
        check(set(got) == set(want), f"top --by {by} -n 0 ranks every actor of a relation")
        bad = [a for a in want if abs(got.get(a, -1) - want[a]) > 2e-6]
        check(not bad, f"top --by {by} scores match the independent computation ({bad[:3]})")
        scores = [r[by] for r in rows]
        check(scores == sorted(scores, reverse=True), f"top --by {by} is sorted by score")
    kinds = nodes()
    rc, out, _ = run("top", "--graph", GRAPH, "--by", "degree", "--kind", "person", "-n", "3", "--json")
    rows = json_lines(out)
    persons = sorted((-d, a) for a, d in expected["degree"].items() if kinds[a]["kind"] == "person")
    check(rc == 0 and [r["actor"]["id"] for r in rows] == [a for _, a in persons[:3]],
          "top --kind person -n 3 lists the three people of highest degree (ties by id)")
    rc, out, _ = run("top", "--graph", GRAPH)
    check(rc == 0 and out.startswith("rank") and len(out.splitlines()) == 11,
          "top prints an aligned table of ten actors by default")


def month_of(value):
    import datetime
    if not value:
        return "undated"
    if len(value) == 10:
        return value[:7]
    if len(value) == 7 and value[5:].isdigit():
        return value
    if len(value) == 8 and value[5] == "W":
        return datetime.date.fromisocalendar(int(value[:4]), int(value[6:]), 4).isoformat()[:7]
    return value


def test_stats():
    n = nodes()
    by = {k: defaultdict(lambda: [0, 0, set()]) for k in ("relation", "quad", "country", "month")}
    total = [0, 0, set()]
    for e in relations():
        groups = defaultdict(list)
        for ev in e["evidence"]:
            groups[ev["date"] or ""].append(ev)
        countries = {n[e["source"]]["country"], n[e["target"]]["country"]} - {None, ""}
        for date, evs in groups.items():
            m, docs = sum(mentions(v) for v in evs), {v["doc"] for v in evs}
            keys = [("relation", e["relation"]), ("quad", str(e["quad"])), ("month", month_of(date))]
            keys += [("country", c) for c in countries]
            for section, key in keys + [(None, None)]:
                bucket = total if section is None else by[section][key]
                bucket[0] += 1
                bucket[1] += m
                bucket[2] |= docs
    rc, out, err = run("stats", "--graph", GRAPH, "--json")
    check(rc == 0, f"stats exits 0 ({err})")
    st = json.loads(out)
    check([st["total"][k] for k in ("events", "mentions", "sources")] == [total[0], total[1], len(total[2])],
          "stats totals match graph.json")
    for section, buckets in by.items():
        want = {k: {"events": v[0], "mentions": v[1], "sources": len(v[2])} for k, v in buckets.items()}
        check(st["by_" + section] == want, f"stats by {section} match graph.json")
    check(st["relations"] == len(relations()), "stats counts the relation edges")
    rc, out, _ = run("stats", "--graph", GRAPH, "--csv")
    table = list(csv.reader(io.StringIO(out)))
    check(rc == 0 and table[0] == ["by", "key", "events", "mentions", "sources"] and
          sum(int(r[2]) for r in table if r[0] == "relation") == total[0], "stats --csv")


def test_exports():
    d = WORK.name
    path = os.path.join(d, "g.graphml")
    rc, _, err = run("export", "--graph", GRAPH, "-o", path)
    check(rc == 0, f"export .graphml exits 0 ({err})")
    x = nx.read_graphml(path, force_multigraph=True)
    check(set(x.nodes) == {n["id"] for n in G["nodes"]}, "GraphML keeps every node")
    node_ok = all(x.nodes[n["id"]].get("label") == n["name"] and
                  all(x.nodes[n["id"]].get(k) == n[k] for k in ("kind", "country", "code", "role") if n[k])
                  for n in G["nodes"])
    check(node_ok, "GraphML nodes keep label, kind, country, code and role")
    check(x.number_of_edges() == len(G["edges"]), "GraphML keeps every edge")
    bad = []
    for i, e in enumerate(G["edges"]):
        data = x.get_edge_data(e["source"], e["target"], key=f"e{i}") or {}
        want = {"label": e["relation"], "weight": float(e["sources"]), "relation": e["relation"],
                "quad": e["quad"], "symmetric": e["symmetric"], "count": e["count"], "sources": e["sources"]}
        for k in ("cameo", "plover", "role", "first", "last"):
            if e[k]:
                want[k] = e[k]
        for k in ("dates", "documents"):
            if e[k]:
                want[k] = ";".join(e[k])
        if e["evidence"]:
            want["evidence"] = ";".join(v["doc"] if v["sentence"] is None else f'{v["doc"]}#{v["sentence"]}'
                                        for v in e["evidence"])
        if data != want:
            bad.append((i, data, want))
    check(not bad, f"GraphML edges keep every attribute ({bad[:1]})")

    path = os.path.join(d, "g.cyjs")
    rc, _, err = run("export", "--graph", GRAPH, "-o", path)
    check(rc == 0, f"export .cyjs exits 0 ({err})")
    with open(path, encoding="utf-8") as f:
        cy = json.load(f)
    c = nx.cytoscape_graph(cy)
    check(set(c.nodes) == {n["id"] for n in G["nodes"]} and c.number_of_edges() == len(G["edges"]),
          "Cytoscape JSON loads in networkx with every node and edge")
    ids = [el["data"]["id"] for part in ("nodes", "edges") for el in cy["elements"][part]]
    check(len(ids) == len(set(ids)), "Cytoscape element ids are unique")
    check(all(c.edges[e["source"], e["target"], e["relation"]]["dates"] == e["dates"] for e in G["edges"]),
          "Cytoscape edges keep their dates")

    with open(EVENTS, encoding="utf-8") as f:
        events = [json.loads(line) for line in f if line.strip()]
    for fmt, sep in (("csv", ","), ("tsv", "\t")):
        path = os.path.join(d, "events." + fmt)
        rc, _, err = run("export", "--events", EVENTS, "-o", path)
        check(rc == 0, f"export events .{fmt} exits 0 ({err})")
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter=sep))
        check(len(rows) == len(events), f"the {fmt} table has one row per event")
        check(all(r["doc"] == e["doc"] and int(r["sentence"]) == e["sentence"] and
                  r["relation"] == e["relation"] and r["source_id"] == e["source"]["id"] and
                  r["target_id"] == e["target"]["id"] for r, e in zip(rows, events)),
              f"the {fmt} rows follow events.jsonl")
        if fmt == "csv":
            check(all(r["evidence_text"] == e["evidence"]["text"] for r, e in zip(rows, events)),
                  "CSV keeps the evidence text exactly (quoting)")
    try:
        import pandas
        frame = pandas.read_csv(os.path.join(d, "events.csv"))
        check(len(frame) == len(events), "pandas reads the CSV events table")
    except ImportError:
        print("pandas missing: pandas check skipped")

    a, b = os.path.join(d, "a.tsv"), os.path.join(d, "b.tsv")
    rc1, _, err1 = run("export", "--graph", GRAPH, "--format", "gdelt", "-o", a)
    check(rc1 == 0, f"gdelt export exits 0 ({err1})")
    with open(a, encoding="utf-8") as f:
        gdelt = list(csv.DictReader(f, delimiter="\t"))
    # --events aggregates the events as `entente build events.jsonl` does.
    events_graph = os.path.join(d, "from-events.json")
    rc1, _, err1 = run("build", EVENTS, "-o", events_graph)
    rc2, _, err2 = run("export", "--graph", events_graph, "--format", "gdelt", "-o", a)
    rc3, _, err3 = run("export", "--events", EVENTS, "--format", "gdelt", "-o", b)
    check(rc1 == 0 and rc2 == 0 and rc3 == 0, f"gdelt export from events exits 0 ({err1} {err2} {err3})")
    with open(a, "rb") as f1, open(b, "rb") as f2:
        check(f1.read() == f2.read(), "the GDELT table of --events is that of the graph built from them")
    want_rows = sum(len({ev["date"] for ev in e["evidence"]}) for e in happened())
    check(len(gdelt) == want_rows, f"one GDELT row per event that happened ({len(gdelt)} vs {want_rows})")
    check(sum(int(r["NumMentions"]) for r in gdelt) ==
          sum(mentions(ev) for e in happened() for ev in e["evidence"]), "NumMentions add up to the mentions")
    check([int(r["GlobalEventID"]) for r in gdelt] == list(range(1, len(gdelt) + 1)), "GlobalEventIDs run 1..N")
    check(all(r["EventRootCode"] == r["EventCode"][:2] and r["QuadClass"] in "1234" for r in gdelt),
          "GDELT rows carry root codes and quad classes")

    path = os.path.join(d, "window.graphml")
    rc, _, _ = run("export", "--graph", GRAPH, "--from", "2021-01-01", "--to", "2021-12-31", "-o", path)
    w = nx.read_graphml(path, force_multigraph=True)
    dates = [dd for _, _, data in w.edges(data=True) if data.get("relation") != "affiliation"
             for dd in data.get("dates", "").split(";")]
    check(rc == 0 and dates and all(first_day(x) <= "2021-12-31" for x in dates) and
          all(x >= "2021" for x in dates), "export --from/--to keeps the window")


def test_bad_input():
    target = os.path.join(WORK.name, "keep.graphml")
    with open(target, "w") as f:
        f.write("old")
    rc, _, err = run("timeline", "Nobody Atall", "--graph", GRAPH)
    check(rc == 1 and "no actor matches 'Nobody Atall'" in err, "an unknown actor exits 1 naming it")
    words = defaultdict(set)

    def fold(s):
        s = unicodedata.normalize("NFKD", s)
        return "".join(ch for ch in s if not unicodedata.combining(ch)).lower().replace("-", " ")
    exact = set()
    for n in G["nodes"]:
        exact |= {fold(n["id"]), fold(n["name"])}
        for w in fold(n["name"]).split():
            words[w].add(n["id"])
    ambiguous = sorted(w for w, ids in words.items() if len(ids) > 1 and w not in exact and w.isalpha())
    if ambiguous:
        w = ambiguous[0]
        rc, _, err = run("neighbors", w, "--graph", GRAPH)
        check(rc == 1 and "ambiguous" in err and all(i in err for i in words[w]),
              f"an ambiguous actor ('{w}') exits 1 listing the candidates")
    else:
        print("no ambiguous name in the samples: check skipped")
    rc, _, err = run("timeline", "USA", "--graph", GRAPH, "--from", "2021-02-30")
    check(rc == 2 and "--from" in err and "2021-02-30" in err, "a bad date exits 2 naming the option")
    rc, _, err = run("stats", "--graph", GRAPH, "--from", "2022-01-01", "--to", "2021-01-01")
    check(rc == 2 and "before" in err, "--to before --from exits 2")
    missing = os.path.join(WORK.name, "missing.json")
    rc, _, err = run("top", "--graph", missing)
    check(rc == 1 and "missing.json" in err, "a missing graph exits 1 naming the file")
    rc, _, err = run("path", "USA", "CHN")
    check(rc == 2 and "--graph" in err, "a query without --graph is a usage error")
    rc, _, err = run("top", "--graph", GRAPH, "--by", "fame")
    check(rc == 2 and "fame" in err, "an unknown measure exits 2")
    rc, _, err = run("top", "--graph", GRAPH, "--json", "--csv")
    check(rc == 2, "--json with --csv exits 2")
    rc, _, err = run("export", "--graph", missing, "-o", target)
    check(rc == 1 and open(target).read() == "old", "a failed export leaves the target as it was")
    rc, _, err = run("export", "--graph", GRAPH, "-o", os.path.join(WORK.name, "x.dat"))
    check(rc == 2 and "--format" in err, "an export of unknown format exits 2 asking for --format")
    rc, _, err = run("export", "--graph", GRAPH, "--format", "csv", "-o", target)
    check(rc == 2 and "--events" in err, "an events table needs --events")
    bad_events = os.path.join(WORK.name, "bad.jsonl")
    with open(bad_events, "w") as f:
        f.write("{not json\n")
    rc, _, err = run("export", "--events", bad_events, "-o", target + ".csv")
    check(rc == 1 and "bad.jsonl:1" in err and not os.path.exists(target + ".csv"),
          "an unreadable events file exits 1 naming file and line, writing nothing")


def test_notebook():
    script = os.path.join(ROOT, "samples", "notebook", "entente_notebook.py")
    png = os.path.join(WORK.name, "figure.png")
    p = subprocess.run(["/usr/bin/python3", script, GRAPH, EVENTS, png], capture_output=True)
    out = p.stdout.decode()
    if p.returncode != 0 and "No module named" in p.stderr.decode():
        print("skipped: " + p.stderr.decode().strip().splitlines()[-1])
        sys.exit(77)
    check(p.returncode == 0, f"the notebook script runs ({p.stderr.decode()[-400:]})")
    with open(EVENTS, encoding="utf-8") as f:
        events = [json.loads(line) for line in f if line.strip()]
    check(f"graph: {len(G['nodes'])} actors, {len(G['edges'])} edges" in out,
          "the notebook prints the size of the graph")
    check(f"events: {len(events)} rows" in out, "the notebook prints the number of events")
    top = max(sorted(dict(simple_graph().degree())), key=lambda a: simple_graph().degree(a))
    check(f"most connected: {nodes()[top]['name']}" in out, "the notebook names the most connected actor")
    check(os.path.exists(png) and open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n", "the notebook saves a PNG")
    nb_path = os.path.join(ROOT, "samples", "notebook", "entente.ipynb")
    with open(nb_path, encoding="utf-8") as f:
        nb = json.load(f)
    cells = ["".join(c["source"]).strip() for c in nb["cells"] if c["cell_type"] == "code"]
    with open(script, encoding="utf-8") as f:
        py = f.read()
    check(nb.get("nbformat") == 4 and cells, "entente.ipynb is an nbformat 4 notebook")
    check(all(cell in py for cell in cells if not cell.startswith("GRAPH") and "sys.argv" not in cell),
          "every code cell of the notebook is a step of entente_notebook.py")


TESTS = {name[5:]: fn for name, fn in globals().items() if name.startswith("test_")}

def load_graph():
    global G
    G = setup()


if __name__ == "__main__":
    main(TESTS, sys.argv[1:], setup=load_graph)
