#!/usr/bin/python3
"""End-to-end tests of the map options of `entente render` and `entente map`
(run by meson as `map_test.py NAME`): what each map draws, that every SVG is
well-formed and names every actor it draws, the HTML page's contents, the
layout rule on a large synthetic graph, and the usage errors.

The expected sets of actors are computed here from graph.json, independently
of the C++ code.
"""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from harness import ROOT, SAMPLES, check, main, run
SVG_NS = "{http://www.w3.org/2000/svg}"


def day_range(value):
    """The first and last day of a TIMEX3 date value, or None."""
    d = datetime.date
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        x = d.fromisoformat(value)
        return x, x
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        y, mo = int(m[1]), int(m[2])
        nxt = d(y + (mo == 12), mo % 12 + 1, 1)
        return d(y, mo, 1), nxt - datetime.timedelta(days=1)
    if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        first = d.fromisocalendar(int(m[1]), int(m[2]), 1)
        return first, first + datetime.timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
        y, q = int(m[1]), int(m[2])
        last = d(y + (q == 4), (q * 3) % 12 + 1, 1) - datetime.timedelta(days=1)
        return d(y, q * 3 - 2, 1), last
    if re.fullmatch(r"\d{4}", value):
        return d(int(value), 1, 1), d(int(value), 12, 31)
    return None


def overlaps(value, start, end):
    r = day_range(value)
    return r is not None and r[1] >= start and r[0] <= end


def svg_actors(svg_text, what):
    """The actor ids an SVG draws (node titles), after checking it is
    well-formed, has a legend and shows each drawn actor's name."""
    try:
        root = ET.fromstring(svg_text)
    except ET.ParseError as e:
        check(False, f"{what}: well-formed XML ({e})")
        return set(), ""
    texts = " ".join(t.text or "" for t in root.iter(SVG_NS + "text"))
    check("Legend" in texts, f"{what}: has a legend")
    ids = set()
    for g in root.iter(SVG_NS + "g"):
        if "node" in (g.get("class") or "").split():
            ids.add(g.find(SVG_NS + "title").text)
    return ids, texts


def names_all(graph, ids, texts, what):
    by_id = {n["id"]: n for n in graph["nodes"]}
    for i in ids:
        check(by_id[i]["name"] in texts, f"{what}: names actor {by_id[i]['name']}")


class Samples:
    """`entente map samples` once, in a temporary directory."""

    def __init__(self, d):
        self.dir = d
        rc, _, err = run("map", SAMPLES, "-o", d)
        check(rc == 0, f"map samples exits 0 ({err[-300:]})")
        self.graph = json.load(open(os.path.join(d, "graph.json")))
        self.path = os.path.join(d, "graph.json")

    def render(self, name, *args):
        out = os.path.join(self.dir, name)
        rc, _, err = run("render", self.path, "-o", out, *args)
        check(rc == 0, f"render {' '.join(args)} exits 0 ({err[-300:]})")
        return (open(out, encoding="utf-8").read() if rc == 0 else ""), err

    def neighbours(self, actor, relations_only=True):
        out = set()
        for e in self.graph["edges"]:
            if relations_only and e["relation"] == "affiliation":
                continue
            if e["source"] == actor:
                out.add(e["target"])
            if e["target"] == actor:
                out.add(e["source"])
        return out


def test_views():
    with tempfile.TemporaryDirectory() as d:
        s = Samples(d)
        svg, _ = s.render("all.svg")
        ids, texts = svg_actors(svg, "the whole map")
        check(ids == {n["id"] for n in s.graph["nodes"]}, "the whole map draws every actor")
        names_all(s.graph, ids, texts, "the whole map")

        svg, _ = s.render("focus.svg", "--focus", "Biden")
        ids, texts = svg_actors(svg, "--focus Biden")
        check(ids == {"joe-biden"} | s.neighbours("joe-biden"),
              f"--focus Biden draws Biden and his contacts (got {sorted(ids)})")
        names_all(s.graph, ids, texts, "--focus Biden")
        check("around Joe Biden" in texts, "--focus says so in the caption")

        svg, _ = s.render("focus2.svg", "--focus", "joe-biden", "--depth", "2")
        ids, _ = svg_actors(svg, "--depth 2")
        want = {"joe-biden"} | s.neighbours("joe-biden")
        for n in list(want):
            want |= s.neighbours(n)
        check(ids == want, "--depth 2 draws contacts of contacts")

        start, end = datetime.date(2021, 9, 1), datetime.date(2021, 12, 31)
        svg, _ = s.render("window.svg", "--from", str(start), "--to", str(end))
        ids, texts = svg_actors(svg, "--from/--to")
        want = set()
        for e in s.graph["edges"]:
            if e["relation"] != "affiliation" and any(overlaps(v, start, end) for v in e["dates"]):
                want |= {e["source"], e["target"]}
        check(ids == want and len(want) > 3, f"--from/--to draws the actors of relations in the window "
                                             f"(missing {sorted(want - ids)}, extra {sorted(ids - want)})")

        svg, err = s.render("top.svg", "--max-nodes", "12")
        ids, _ = svg_actors(svg, "--max-nodes 12")
        left = len(s.graph["nodes"]) - 12
        check(len(ids) == 12, "--max-nodes 12 draws twelve actors")
        check(f"left out {left}:" in err and "--max-nodes" in err,
              f"--max-nodes says what it left out and what to do ({err.strip()})")

        svg, err = s.render("boxes.svg", "--cluster-by", "country")
        ids, _ = svg_actors(svg, "--cluster-by country")
        root = ET.fromstring(svg)
        boxes = [g.find(SVG_NS + "title").text for g in root.iter(SVG_NS + "g") if g.get("class") == "cluster"]
        states = [n for n in s.graph["nodes"] if n["kind"] == "state"]
        check(len(boxes) == len(states), f"--cluster-by country draws one box per state ({len(boxes)} for {len(states)})")
        for n in [5, 15, 30]:  # dot once corrupted its heap on some of these
            s.render(f"boxes{n}.svg", "--cluster-by", "country", "--max-nodes", str(n))
        _, err = s.render("boxes_sfdp.svg", "--cluster-by", "country", "--layout", "sfdp")
        check("--layout fdp" in err, "--cluster-by with sfdp says the boxes are not drawn and what to use")


def test_tooltips():
    with tempfile.TemporaryDirectory() as d:
        s = Samples(d)
        sentences = [json.loads(l)["evidence"]["text"] for l in open(os.path.join(d, "events.jsonl"))]
        first_words = lambda t: " ".join(t.split()[:6])
        svg = open(os.path.join(d, "map.svg"), encoding="utf-8").read()
        root = ET.fromstring(svg)
        titles = " ".join(a.get("{http://www.w3.org/1999/xlink}title") or "" for a in root.iter(SVG_NS + "a"))
        check(sum(first_words(t) in titles for t in sentences) > len(sentences) // 2,
              "map.svg's tooltips quote the evidence sentences")
        plain, _ = s.render("plain.svg")
        check(first_words(sentences[0]) not in plain, "render without --events names documents only")
        quoted, _ = s.render("quoted.svg", "--events", os.path.join(d, "events.jsonl"))
        check(first_words(sentences[0]) in quoted.replace("&#45;", "-"),
              "render --events quotes the evidence sentences")


def test_html_page():
    with tempfile.TemporaryDirectory() as d:
        s = Samples(d)
        for page_path in [os.path.join(d, "map.html"), os.path.join(d, "page.html")]:
            if page_path.endswith("page.html"):
                page, _ = s.render("page.html", "--events", os.path.join(d, "events.jsonl"))
            else:
                page = open(page_path, encoding="utf-8").read()
            name = os.path.basename(page_path)
            check(page.startswith("<!DOCTYPE html>"), f"{name} is an HTML page")
            check(not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page) and "@import" not in page,
                  f"{name} loads nothing from the network")
            m = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', page, re.S)
            check(m is not None, f"{name} carries the graph as JSON")
            if not m:
                continue
            data = json.loads(m.group(1))
            check(len(data["actors"]) == len(s.graph["nodes"]), f"{name} lists every actor")
            check(any(q["text"] for e in data["edges"] for q in e["evidence"]),
                  f"{name} quotes evidence sentences")
            svg = page[page.index("<svg"):page.index("</svg>") + 6]
            ids, texts = svg_actors(svg, name + " (inline SVG)")
            names_all(s.graph, ids, texts, name)
            for i, a in enumerate(data["actors"]):
                check(f'id="a{i}"' in svg, f"{name}: actor {a['id']} has its SVG group a{i}")


def test_layout_by_size():
    with tempfile.TemporaryDirectory() as d:
        g = os.path.join(d, "g.json")
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "bench", "make_graph.py"), "400", "1200", g],
                       check=True)
        rc, _, err = run("render", g, "-o", os.path.join(d, "g.svg"))
        check(rc == 0 and "(sfdp layout)" in err, f"400 actors are drawn with sfdp by default ({err.strip()})")
        graph = json.load(open(g))
        ids, texts = svg_actors(open(os.path.join(d, "g.svg"), encoding="utf-8").read(), "400 actors")
        check(len(ids) == 400, "the large map draws all 400 actors")
        names_all(graph, ids, texts, "400 actors")
        rc, _, err = run("render", g, "-o", os.path.join(d, "g.dot"), "--max-nodes", "100")
        dot = open(os.path.join(d, "g.dot"), encoding="utf-8").read() if rc == 0 else ""
        check("layout=dot" in dot, "with --max-nodes 100 the map falls back to dot")


def test_escaping():
    nasty = ['Back\\slash', 'Quote "q"', '<script>alert(1)</script>', 'Amp & co', 'Dash -- dash',
             'Tab\there', 'Ünïcödé 北京']
    nodes = [{"id": f"n{i}", "name": n, "kind": "person", "country": "USA", "code": "USAGOV", "role": None}
             for i, n in enumerate(nasty)]
    edges = [{"source": "n0", "target": f"n{i}", "key": "meeting", "relation": "meeting", "cameo": "040",
              "plover": "CONSULT", "quad": 1, "symmetric": True, "role": None, "count": 1, "sources": 1,
              "first": "2021-01-01", "last": "2021-01-01", "dates": ["2021-01-01"], "documents": ["d"],
              "evidence": [{"doc": "d", "sentence": 0, "date": "2021-01-01", "location": None}]}
             for i in range(1, len(nasty))]
    graph = {"directed": True, "multigraph": True, "graph": {"documents": ["d"]}, "nodes": nodes, "edges": edges}
    with tempfile.TemporaryDirectory() as d:
        g = os.path.join(d, "g.json")
        json.dump(graph, open(g, "w"))
        rc, _, err = run("render", g, "-o", os.path.join(d, "g.svg"))
        check(rc == 0, f"a graph with awkward names renders ({err.strip()})")
        if rc == 0:
            ids, texts = svg_actors(open(os.path.join(d, "g.svg"), encoding="utf-8").read(), "awkward names")
            for n in nasty:
                check(n.replace("\t", " ") in texts.replace("\xa0", " "), f"the SVG shows {n!r} as written")
        rc, _, err = run("render", g, "-o", os.path.join(d, "g.html"))
        page = open(os.path.join(d, "g.html"), encoding="utf-8").read() if rc == 0 else ""
        check(rc == 0 and page.count("</script>") == 3,
              "no name can close a <script> element of the page (the collector, the data, the script)")


def test_usage_errors():
    with tempfile.TemporaryDirectory() as d:
        s = Samples(d)
        out = os.path.join(d, "x.svg")
        for args, needle in [(["--max-nodes", "0"], "--max-nodes"), (["--max-nodes", "ten"], "--max-nodes"),
                             (["--depth", "2"], "--focus"), (["--from", "March"], "--from"),
                             (["--cluster-by", "party"], "country"), (["--layout", "twopi"], "layout"),
                             (["--format", "gif"], ".svg")]:
            rc, _, err = run("render", s.path, "-o", out, *args)
            check(rc == 2 and needle in err, f"render {' '.join(args)} is a usage error naming {needle} ({err.strip()})")
        rc, _, err = run("render", s.path, "-o", out, "--focus", "Nobody At All")
        check(rc == 1 and "Nobody At All" in err, f"an unknown --focus actor is named ({err.strip()})")
        rc, _, err = run("render", s.path, "-o", out, "--events", os.path.join(SAMPLES, "wire.jsonl"))
        check(rc == 1 and "--events" in err, f"--events with articles says what it takes ({err.strip()})")
        check(not os.path.exists(out), "a failed render leaves no file behind")
        rc, out_text, _ = run("render", "--help")
        for flag in ["--focus", "--depth", "--from", "--max-nodes", "--cluster-by", "--events", "html"]:
            check(flag in out_text, f"render --help explains {flag}")


TESTS = {name[5:]: fn for name, fn in globals().items() if name.startswith("test_")}

if __name__ == "__main__":
    main(TESTS, sys.argv[1:])
