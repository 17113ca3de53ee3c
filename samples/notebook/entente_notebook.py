#!/usr/bin/python3
"""entente's output in networkx and pandas: the steps of entente.ipynb as a script.

    entente map samples -o out
    python3 samples/notebook/entente_notebook.py out/graph.json out/events.jsonl out/relations.png

Loads graph.json (networkx node-link data) and events.jsonl (one event per
line) and prints what a researcher looks at first; draws the relation network
into a PNG (matplotlib's Agg backend: no display needed). Arguments default to
out/graph.json, out/events.jsonl and a PNG in the temporary directory.
Needs Debian's python3-networkx, python3-pandas and python3-matplotlib.
"""
import os
import sys
import tempfile

args = sys.argv[1:] + [None] * 3
GRAPH = args[0] or "out/graph.json"
EVENTS = args[1] or "out/events.jsonl"
FIGURE = args[2] or os.path.join(tempfile.gettempdir(), "entente-relations.png")

# %% Libraries
import inspect
import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd

# %% The graph: graph.json is networkx node-link data
with open(GRAPH, encoding="utf-8") as f:
    data = json.load(f)
# networkx >= 3.4 names the edge list `edges=`; older versions `link=`.
edges_arg = "edges" if "edges" in inspect.signature(nx.node_link_graph).parameters else "link"
graph = nx.node_link_graph(data, **{edges_arg: "edges"})
print(f"graph: {graph.number_of_nodes()} actors, {graph.number_of_edges()} edges")

# %% The events: one row each, nested fields flattened ("source.name", "date.value")
with open(EVENTS, encoding="utf-8") as f:
    events = pd.json_normalize([json.loads(line) for line in f if line.strip()])
print(f"events: {len(events)} rows")
happened = events[(events["polarity"] == "affirmed") & (events["modality"] != "hypothetical")]
print(happened.groupby("relation").size().sort_values(ascending=False).head(5).to_string())

# %% Who has the most partners (relations that happened: no affiliations, no planned ones)
relations = nx.Graph()
for source, target, edge in graph.edges(data=True):
    kind = edge["relation"]
    if kind != "affiliation" and not kind.startswith("planned_") and source != target:
        relations.add_edge(source, target)
top = max(sorted(relations.nodes), key=relations.degree)
print(f"most connected: {graph.nodes[top]['name']} ({relations.degree(top)} partners)")

# %% That actor's timeline, with the sentence behind each event
mine = happened[(happened["source.id"] == top) | (happened["target.id"] == top)]
for _, row in mine.sort_values("date.value").head(5).iterrows():
    print(f"  {row['date.value']}  {row['source.name']} {row['relation']} {row['target.name']}"
          f"  <- {row['evidence.text'][:70]}")

# %% A figure: the relation network, coloured by kind of actor
colours = {"person": "#4e79a7", "state": "#f28e2b", "organization": "#59a14f", "group": "#b07aa1"}
layout = nx.spring_layout(relations, seed=7)
fig, ax = plt.subplots(figsize=(10, 8))
nx.draw_networkx_edges(relations, layout, ax=ax, alpha=0.3)
nx.draw_networkx_nodes(relations, layout, ax=ax, node_size=[60 + 40 * relations.degree(n) for n in relations],
                       node_color=[colours.get(graph.nodes[n].get("kind"), "#bab0ac") for n in relations])
hubs = sorted(relations.nodes, key=relations.degree, reverse=True)[:12]
nx.draw_networkx_labels(relations, layout, ax=ax, font_size=8,
                        labels={n: graph.nodes[n]["name"] for n in hubs})
for kind, colour in colours.items():
    ax.scatter([], [], color=colour, label=kind)
ax.legend(loc="lower left", frameon=False)
ax.set_title("entente: who is related to whom")
ax.axis("off")
fig.savefig(FIGURE, dpi=100, bbox_inches="tight")
print(f"figure: {FIGURE}")
