#!/usr/bin/python3
"""Writes a synthetic graph.json of a given size, for timing `entente render`.

usage: make_graph.py ACTORS EDGES OUT.json [SEED]

The graph looks like a news graph: a quarter of the actors are states, the
rest people (each affiliated with one state) and a few organisations; the
relation edges attach preferentially to actors that already have many
(news graphs have hubs), with CAMEO codes of every quad class, dates over
three years and one or two evidence references each. The same arguments
always give the same file.

  tools/bench/make_graph.py 1000 5000 /tmp/g1k.json
  /usr/bin/time -v build/entente render /tmp/g1k.json -o /tmp/g1k.svg
"""
import datetime
import json
import random
import sys

RELATIONS = [  # (relation, cameo, plover, quad, symmetric)
    ("meeting", "040", "CONSULT", 1, True),
    ("phone_call", "041", "CONSULT", 1, True),
    ("visit", "042", "CONSULT", 1, False),
    ("sign_agreement", "057", "SUPPORT", 1, True),
    ("provide_aid", "070", "AID", 2, False),
    ("accuse", "112", "ACCUSE", 3, False),
    ("threaten", "130", "THREATEN", 3, False),
    ("impose_sanctions", "163", "SANCTION", 4, False),
    ("expel", "166", "COERCE", 4, False),
]


def make(actors, edges, seed):
    rng = random.Random(seed)
    states = max(1, actors // 4)
    nodes = []
    for i in range(actors):
        country = f"C{i % states:03d}" if i >= states else f"C{i:03d}"
        if i < states:
            nodes.append({"id": country, "name": f"State {i}", "kind": "state",
                          "country": country, "code": country, "role": None})
        elif i % 20 == 0:
            nodes.append({"id": f"org-{i}", "name": f"Organisation {i}", "kind": "organization",
                          "country": f"IGO{i}", "code": f"IGO{i}", "role": None})
        else:
            nodes.append({"id": f"person-{i}", "name": f"Person {i}", "kind": "person",
                          "country": country, "code": country + "GOV", "role": "Minister"})
    out_edges = {}
    for n in nodes:
        if n["kind"] == "person":
            out_edges[(n["id"], n["country"], "affiliation")] = {
                "source": n["id"], "target": n["country"], "key": "affiliation",
                "relation": "affiliation", "cameo": None, "plover": None, "quad": 0,
                "symmetric": False, "role": "Minister", "count": 1, "sources": 1,
                "first": None, "last": None, "dates": [], "documents": ["d0"], "evidence": []}
    weights = [1] * actors  # preferential attachment: hubs get more edges
    start = datetime.date(2021, 1, 1)
    doc_ids = set()
    while len(out_edges) < edges:
        a = rng.choices(range(actors), weights)[0]
        b = rng.randrange(actors)
        if a == b:
            continue
        rel, cameo, plover, quad, sym = rng.choice(RELATIONS)
        s, t = nodes[a]["id"], nodes[b]["id"]
        if sym and t < s:
            s, t = t, s
        if (s, t, rel) in out_edges:
            continue
        weights[a] += 1
        weights[b] += 1
        dates = sorted({(start + datetime.timedelta(days=rng.randrange(1095))).isoformat()
                        for _ in range(rng.choice([1, 1, 2]))})
        docs = [f"doc-{rng.randrange(edges)}" for _ in dates]
        doc_ids.update(docs)
        out_edges[(s, t, rel)] = {
            "source": s, "target": t, "key": rel, "relation": rel, "cameo": cameo,
            "plover": plover, "quad": quad, "symmetric": sym, "role": None,
            "count": len(dates), "sources": len(set(docs)), "first": dates[0], "last": dates[-1],
            "dates": dates, "documents": sorted(set(docs)),
            "evidence": [{"doc": d, "sentence": 0, "date": dt, "location": None}
                         for d, dt in sorted(zip(docs, dates))]}
    return {"directed": True, "multigraph": True,
            "graph": {"name": "synthetic graph", "generator": "tools/bench/make_graph.py",
                      "documents": sorted(doc_ids | {"d0"})},
            "nodes": sorted(nodes, key=lambda n: n["id"]),
            "edges": [out_edges[k] for k in sorted(out_edges)]}


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    actors, edges, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) == 5 else 1
    with open(out, "w", encoding="utf-8") as f:
        json.dump(make(actors, edges, seed), f)
        f.write("\n")


if __name__ == "__main__":
    main()
