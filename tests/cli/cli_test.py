#!/usr/bin/python3
"""End-to-end tests of the entente CLI, run by meson (`cli_test.py NAME`).

Each test runs the real binary ($ENTENTE_BIN) on samples/ or on inputs it
makes in a temporary directory, and checks exit codes, messages and outputs:
golden files byte for byte, schemas with python3-jsonschema, graph.json with
networkx, and that bad input never leaves a partial output file.
"""
import json
import os
import sys
import tempfile
import xml.etree.ElementTree as ET

from harness import ROOT, SAMPLES, check, main, run
EXPECTED = os.path.join(SAMPLES, "expected")
SCHEMAS = os.path.join(ROOT, "schemas")


def map_samples(out):
    rc, _, err = run("map", SAMPLES, "-o", out)
    check(rc == 0, f"map samples exits 0 (got {rc}: {err})")
    return rc


def test_help():
    rc, out, _ = run("--help")
    check(rc == 0 and all(c in out for c in ["extract", "build", "who-met", "render", "map", "annotate"]),
          "--help lists every command")
    for cmd in ["extract", "build", "who-met", "render", "map", "annotate"]:
        rc, out, _ = run(cmd, "--help")
        check(rc == 0 and out.startswith("usage: entente " + cmd), f"{cmd} --help prints its usage")
    rc, out, _ = run("--version")
    check(rc == 0 and out.startswith("entente "), "--version prints the version")
    rc, _, err = run("frobnicate")
    check(rc == 2 and "unknown command" in err, "an unknown command exits 2 with a message")
    rc, _, err = run("extract", "--bogus", SAMPLES)
    check(rc == 2 and "--bogus" in err, "an unknown option exits 2 naming it")
    rc, _, err = run("build", SAMPLES)
    check(rc == 2 and "-o" in err, "build without -o is a usage error")
    rc, _, _ = run()
    check(rc == 2, "no command at all exits 2")


def test_golden():
    with tempfile.TemporaryDirectory() as d:
        if map_samples(d) != 0:
            return
        for name in ["events.jsonl", "graph.json", "map.dot"]:
            got = open(os.path.join(d, name), "rb").read()
            want_path = os.path.join(EXPECTED, name)
            want = open(want_path, "rb").read() if os.path.exists(want_path) else b""
            check(got == want, f"{name} matches samples/expected/{name} byte for byte "
                               f"(run tools/update-expected after reviewing a change)")
        svg = open(os.path.join(d, "map.svg"), encoding="utf-8").read()
        try:
            root = ET.fromstring(svg)
            texts = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
        except ET.ParseError as e:
            check(False, f"map.svg is well-formed XML ({e})")
            return
        graph = json.load(open(os.path.join(d, "graph.json")))
        check(len(graph["nodes"]) > 10, "the samples give more than ten actors")
        for node in graph["nodes"]:
            check(node["name"] in texts, f"map.svg names actor {node['name']}")
        check("Legend" in texts, "map.svg has a legend")


def test_deterministic():
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        map_samples(a)
        map_samples(b)
        for name in ["events.jsonl", "graph.json", "map.dot"]:
            check(open(os.path.join(a, name), "rb").read() == open(os.path.join(b, name), "rb").read(),
                  f"two runs give identical {name}")


def validator(name):
    import jsonschema
    store = {}
    for f in os.listdir(SCHEMAS):
        s = json.load(open(os.path.join(SCHEMAS, f)))
        store[s["$id"]] = s
        store[f] = s
    schema = store[name]
    resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema, store=store)
    return jsonschema.Draft7Validator(schema, resolver=resolver)


def test_schemas():
    with tempfile.TemporaryDirectory() as d:
        if map_samples(d) != 0:
            return
        ev = validator("event.schema.json")
        n = 0
        for i, line in enumerate(open(os.path.join(d, "events.jsonl"), encoding="utf-8"), 1):
            errors = list(ev.iter_errors(json.loads(line)))
            check(not errors, f"events.jsonl line {i} validates: {errors[:1]}")
            n += 1
        check(n > 20, "the samples give more than twenty events")
        errors = list(validator("graph.schema.json").iter_errors(json.load(open(os.path.join(d, "graph.json")))))
        check(not errors, f"graph.json validates: {errors[:1]}")
        rc, out, err = run("annotate", SAMPLES)
        check(rc == 0, f"annotate samples exits 0 ({err})")
        av = validator("annotation.schema.json")
        for i, line in enumerate(out.splitlines(), 1):
            doc = json.loads(line)
            errors = list(av.iter_errors(doc))
            check(not errors, f"annotation {i} validates: {errors[:1]}")
            text = doc["text"]
            for a in doc["actors"]:
                check(text[a["start"]:a["end"]] == a["text"], f"actor span {a['text']!r} slices the text in code points")
            for t in doc["times"]:
                check(text[t["start"]:t["end"]] == t["text"], f"time span {t['text']!r} slices the text")
            for e in doc["events"]:
                check(text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"],
                      "event evidence offsets slice the document text")
    lex = validator("lexicon.schema.json")
    lexdir = os.path.join(ROOT, "src", "lexicon")
    for f in sorted(os.listdir(lexdir)):
        if not f.endswith(".jsonl"):
            continue
        for i, line in enumerate(open(os.path.join(lexdir, f), encoding="utf-8"), 1):
            if line.strip() and not line.startswith("#"):
                errors = list(lex.iter_errors(json.loads(line)))
                check(not errors, f"src/lexicon/{f}:{i} validates: {errors[:1]}")


def test_networkx():
    import networkx as nx
    with tempfile.TemporaryDirectory() as d:
        if map_samples(d) != 0:
            return
        data = json.load(open(os.path.join(d, "graph.json")))
        g = nx.node_link_graph(data, directed=True, multigraph=True,
                               attrs={"source": "source", "target": "target", "name": "id",
                                      "key": "key", "link": "edges"})
        check(g.number_of_nodes() == len(data["nodes"]), "networkx loads every node")
        check(g.number_of_edges() == len(data["edges"]), "networkx loads every edge")
        e = data["edges"][0]
        attrs = g.get_edge_data(e["source"], e["target"], key=e["key"])
        check(attrs is not None and attrs["count"] == e["count"] and attrs["dates"] == e["dates"],
              "edge attributes survive the round trip")
        rc, _, err = run("build", os.path.join(d, "events.jsonl"), "-o", os.path.join(d, "links.json"),
                         "--edges-key", "links")
        check(rc == 0, f"build --edges-key links exits 0 ({err})")
        links = json.load(open(os.path.join(d, "links.json")))
        g2 = nx.node_link_graph(links, directed=True, multigraph=True)
        check(g2.number_of_edges() == len(data["edges"]), "the links variant loads with networkx's defaults")
        for style, saved in (("edges", data), ("links", links)):
            check_networkx_round_trip(nx, saved, style)


def check_networkx_round_trip(nx, data, style):
    """Loads graph.json into networkx and writes it back: every node, edge and
    attribute (nested lists and objects included) must come back unchanged."""
    names = {"source": "source", "target": "target", "name": "id", "key": "key"}
    try:  # networkx >= 3.4
        g = nx.node_link_graph(data, directed=True, multigraph=True, edges=style, **names)
        back = nx.node_link_data(g, edges=style, **names)
    except TypeError:  # networkx 2.8 to 3.3
        g = nx.node_link_graph(data, directed=True, multigraph=True, link=style, **names)
        back = nx.node_link_data(g, link=style, **names)
    check(back["graph"] == data["graph"], f"networkx ({style}) keeps the graph attributes")
    by_id = lambda nodes: {n["id"]: n for n in nodes}
    check(by_id(back["nodes"]) == by_id(data["nodes"]),
          f"networkx ({style}) keeps every node with all its attributes")
    by_key = lambda edges: {(e["source"], e["target"], e["key"]): e for e in edges}
    want, got = by_key(data[style]), by_key(back[style])
    check(len(want) == len(data[style]), f"graph.json ({style}) has one edge per (source, target, key)")
    check(got == want, f"networkx ({style}) keeps every edge with all its attributes "
                       f"({len(set(want) ^ set(got))} differ in their keys)")
    for e in data[style]:
        if e["relation"] == "affiliation":
            continue
        check(sum(r["mentions"] for r in e["evidence"]) == e["count"],
              f"edge {e['source']}-{e['key']}-{e['target']}: count is the evidence's mentions")
        check(sum(ev["mentions"] for ev in e["events"]) ==
              sum(r["mentions"] for r in e["evidence"] if r["date"]),
              f"edge {e['source']}-{e['key']}-{e['target']}: events hold every dated mention")


def test_build_from_events():
    with tempfile.TemporaryDirectory() as d:
        if map_samples(d) != 0:
            return
        rc, _, err = run("build", os.path.join(d, "events.jsonl"), "-o", os.path.join(d, "g2.json"))
        check(rc == 0, f"build from events exits 0 ({err})")
        a = json.load(open(os.path.join(d, "graph.json")))
        b = json.load(open(os.path.join(d, "g2.json")))
        check(a["nodes"] == b["nodes"] and a["edges"] == b["edges"],
              "a graph built from events.jsonl equals the graph built from the articles")


def test_who_met():
    with tempfile.TemporaryDirectory() as d:
        if map_samples(d) != 0:
            return
        g = os.path.join(d, "graph.json")
        rc, out, err = run("who-met", "Biden", "--with", "Xi", "--graph", g, "--json")
        check(rc == 0, f"who-met exits 0 ({err})")
        rows = [json.loads(l) for l in out.splitlines()]
        check(any(r["date"] == "2021-09-09" and r["how"] == "call" for r in rows),
              "who-met finds the Biden-Xi call of 2021-09-09")
        rc, out, _ = run("who-met", "Biden", "--graph", g, "--from", "2021-09-01", "--to", "2021-09-30")
        check(rc == 0 and out.splitlines()[0].split()[:2] == ["date", "actor"], "who-met prints a table")
        check(all(l.split()[0][:7] in ("2021-09", "2021-W3") for l in out.splitlines()[1:]),
              "--from/--to bound the rows")
        rc, out, _ = run("who-met", "Biden", "--with", "Xi", "--graph", g, "--csv")
        lines = out.splitlines()
        check(rc == 0 and lines[0] == "date,actor,actor,how,where,sources" and
              any(l.startswith("2021-09-09,") and ",call," in l for l in lines[1:]),
              "who-met --csv gives a header and the call as a CSV row")
        rc, _, err = run("who-met", "Biden", "--graph", g, "--csv", "--json")
        check(rc == 2 and "not both" in err, "who-met refuses --csv with --json")
        rc, _, err = run("who-met", "Nobody Atall", "--graph", g)
        check(rc == 1 and "no actor" in err, "an unknown actor is an error naming it")
        rc, _, err = run("who-met", "Biden", "--graph", g, "--from", "last week")
        check(rc == 2, "a bad --from is a usage error")


def test_render():
    with tempfile.TemporaryDirectory() as d:
        if map_samples(d) != 0:
            return
        g = os.path.join(d, "graph.json")
        for ext, magic in [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF"), ("dot", b"digraph")]:
            out = os.path.join(d, "m." + ext)
            rc, _, err = run("render", g, "-o", out)
            check(rc == 0 and open(out, "rb").read(len(magic)) == magic, f"render writes {ext} ({err})")
        rc, _, err = run("render", g, "-o", os.path.join(d, "m.xyz"))
        check(rc == 2 and ".svg" in err, "an unknown output format is a usage error")


def test_stdin_and_jsonl():
    article = open(os.path.join(SAMPLES, "10-biden-xi-phone-call.txt"), "rb").read()
    rc, out, err = run("extract", "-", stdin=article)
    check(rc == 0 and '"phone_call"' in out, f"extract reads an article from standard input ({err})")
    rc, out, err = run("extract", os.path.join(SAMPLES, "wire.jsonl"))
    check(rc == 0 and len(out.splitlines()) > 0, "extract reads JSON Lines articles")


def expect_failure(args, needle, what, stdin=None):
    rc, _, err = run(*args, stdin=stdin)
    check(rc == 1 and needle in err, f"{what}: exit 1 with a message containing {needle!r} (got {rc}: {err.strip()})")


def test_bad_input():
    good = open(os.path.join(SAMPLES, "10-biden-xi-phone-call.txt"), encoding="utf-8").read()
    with tempfile.TemporaryDirectory() as d:
        p = lambda n: os.path.join(d, n)
        out = p("out.jsonl")
        expect_failure(["extract", p("missing.txt"), "-o", out], "missing.txt", "a missing file")
        os.mkdir(p("empty_dir"))
        expect_failure(["extract", p("empty_dir"), "-o", out], "no article", "a directory with no articles")
        open(p("latin1.txt"), "wb").write("Title: x\n\nPr\xe9sident Macron met Scholz.".encode("latin-1"))
        expect_failure(["extract", p("latin1.txt"), "-o", out], "invalid UTF-8", "invalid UTF-8")
        open(p("binary.txt"), "wb").write(bytes(range(256)) * 4)
        expect_failure(["extract", p("binary.txt"), "-o", out], "binary", "a binary file")
        open(p("empty.txt"), "w").close()
        expect_failure(["extract", p("empty.txt"), "-o", out], "empty", "an empty file")
        expect_failure(["extract", os.path.join(SAMPLES, "10-biden-xi-phone-call.txt"), "--date", "2021-13-45",
                        "-o", out], "--date", "an invalid --date")
        check(not os.path.exists(out), "no output file is left behind by a failed run")
        check(not [f for f in os.listdir(d) if ".tmp-" in f], "no temporary file is left behind")
        # One bad line among good ones: reported by line number, the rest processed.
        lines = [json.dumps({"id": "a", "date": "2021-09-10", "text": good}),
                 '{"id": "b", "text": ',
                 json.dumps({"id": "c", "date": "2021-09-10", "text": good})]
        open(p("mixed.jsonl"), "w").write("\n".join(lines) + "\n")
        rc, _, err = run("extract", p("mixed.jsonl"), "-o", out)
        check(rc == 0 and "mixed.jsonl:2" in err and "1 bad" in err,
              f"a malformed JSON line is named by its line number and counted ({err.strip()})")
        docs = {json.loads(l)["doc"] for l in open(out)}
        check(docs == {"a", "c"}, "the good records around a bad one are processed")
        # A 10 MB line.
        big = good.replace("\n", " ") + " " + ("The talks went on. " * 550000)
        open(p("big.jsonl"), "w").write(json.dumps({"id": "big", "date": "2021-09-10", "text": big}) + "\n")
        rc, _, err = run("extract", p("big.jsonl"), "-o", p("big_out.jsonl"))
        check(rc == 0 and os.path.getsize(p("big_out.jsonl")) > 0, f"a 10 MB line is processed ({err[:200]})")
        # A bad lexicon is named with its line.
        open(p("lex.jsonl"), "w").write('{"type":"state","code":"usa","name":"X"}\n')
        rc, _, err = run("extract", os.path.join(SAMPLES, "10-biden-xi-phone-call.txt"), "--lexicon", p("lex.jsonl"))
        check(rc == 1 and "lex.jsonl:1" in err and "/code" in err, f"a bad lexicon names file, line and field ({err.strip()})")
        # Undated documents: events say so, and a warning tells what to do.
        open(p("undated.txt"), "w").write(good.split("\n\n", 1)[1])
        rc, outp, err = run("extract", p("undated.txt"))
        check(rc == 0 and "--date" in err, "an undated document gets a warning naming --date")
        for line in outp.splitlines():
            e = json.loads(line)
            check(e["date"]["basis"] != "document", "no invented document date")


def test_eval():
    with tempfile.TemporaryDirectory() as d:
        gold = os.path.join(d, "gold.jsonl")
        records = [
            {"id": "g1", "set": "a", "date": "2021-09-10",
             "text": "U.S. President Joe Biden spoke with Chinese President Xi Jinping on Thursday.",
             "events": [{"source": "USAGOV", "target": "CHNGOV", "code": "041"}]},
            {"id": "g2", "set": "a", "date": "2022-01-21",
             "text": "Russia expelled British diplomats on Friday.",
             "events": [{"source": "RUS", "target": "GBRGOV", "code": "166"},
                        {"source": "GBR", "target": "RUS", "code": "112"}]},
            {"id": "g3", "set": "b", "date": "2022-01-21", "text": "Nothing here.", "events": []},
        ]
        with open(gold, "w") as f:
            for r in records:
                f.write(json.dumps(r) + "\n")
            f.write("{broken\n")
        rc, out, err = run("eval", "--gold", gold, "--set", "a", "--json")
        check(rc == 0, f"eval exits 0 ({err})")
        report = json.loads(out)
        check(report["records"] == 2, "eval reads only the records of --set")
        code = report["levels"]["code"]
        check(code["correct"] == 2 and code["gold"] == 3 and code["extracted"] == 2,
              f"eval counts correct, extracted and gold events ({code})")
        check(":4:" in err and "skipped" in err, "a bad gold line is named and skipped")
        rc, out, _ = run("eval", "--gold", gold, "--scheme", "plover", "--show-errors")
        check(rc == 0 and "missed" in out and "g2: GBR 112 RUS" in out, "--show-errors lists the misses")
        rc, _, err = run("eval")
        check(rc == 2 and "--gold" in err, "eval without --gold is a usage error")


def test_cameo_verbs():
    """--cameo-verbs: a PETRARCH verb dictionary codes the verbs it knows."""
    verbs = ("&TIES\n+TIES\n+RELATIONS\n\n"
             "--- RESTORE [---] ---\nRESTORE\n- * {DIPLOMATIC &TIES} [050]\n"
             "--- CRITICIZE [111] ---\nCRITICIZE\n- * NOWHERE &NOSUCHSET [112]\n")
    with tempfile.TemporaryDirectory() as d:
        p = lambda n: os.path.join(d, n)
        open(p("verbs.txt"), "w").write(verbs)
        open(p("a.txt"), "w").write("Title: t\nDate: 2021-09-10\n\n"
                                    "Russia restored diplomatic ties with China. "
                                    "Germany criticized France on Monday.\n")
        rc, out, err = run("extract", p("a.txt"), "--cameo-verbs", p("verbs.txt"))
        check(rc == 0, f"extract --cameo-verbs exits 0 ({err})")
        got = {(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in map(json.loads, out.splitlines())}
        check(("RUS", "050", "CHN") in got and ("DEU", "111", "FRA") in got,
              f"the dictionary's patterns and default codes code the verbs ({sorted(got)})")
        check("verbs.txt:10:" in err and "NOSUCHSET" in err and "skipped" in err,
              f"a bad dictionary line is named by file and line ({err.strip()})")
        rc, _, err = run("extract", p("a.txt"), "-o", p("out.jsonl"), "--cameo-verbs", p("a.txt"))
        check(rc == 1 and "no verb blocks" in err, f"a file that is no verb dictionary fails ({err.strip()})")
        check(not os.path.exists(p("out.jsonl")), "no output is left behind")
        rc, out, _ = run("eval", "--help")
        check(rc == 0 and "--cameo-verbs" in out, "eval --help shows --cameo-verbs")


def test_actors_samples():
    """Actor precision and recall on the samples, against the independent
    annotation in tests/actors/samples_actors.tsv (places and adjectives before
    common nouns are not actors)."""
    gold = {}
    for line in open(os.path.join(ROOT, "tests", "actors", "samples_actors.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            doc, ids = line.rstrip("\n").split("\t")
            gold[doc] = set(ids.split())
    rc, out, err = run("annotate", SAMPLES)
    check(rc == 0, f"annotate samples exits 0 ({err})")
    tp = fp = fn = 0
    for line in out.splitlines():
        d = json.loads(line)
        got = {m["actor"]["id"] for m in d["actors"] if m["how"] not in ("place", "attribute")}
        want = gold.get(d["id"], set())
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"actors on the samples: precision {precision:.3f} recall {recall:.3f} "
          f"({tp} right, {fp} wrong, {fn} missed)")
    # The target of issue 3 is 0.95 for both;
    # a change that lowers either below it fails here.
    check(precision >= 0.95, f"actor precision {precision:.3f} >= 0.95")
    check(recall >= 0.95, f"actor recall {recall:.3f} >= 0.95")


def sample_articles():
    """The article inputs of samples/ (not samples/expected/events.jsonl, which
    holds the same documents again as events)."""
    return sorted(os.path.join(SAMPLES, f) for f in os.listdir(SAMPLES)
                  if f.endswith(".txt") or f == "wire.jsonl")


def test_merge():
    import random
    rng = random.Random(6)
    files = sample_articles()
    with tempfile.TemporaryDirectory() as d:
        whole = os.path.join(d, "whole.json")
        rc, _, err = run("build", *files, "-o", whole)
        check(rc == 0, f"build of the sample articles exits 0 ({err})")
        want = open(whole, "rb").read()
        for round_ in range(4):
            n = 2 + round_
            shuffled = files[:]
            rng.shuffle(shuffled)
            parts = [shuffled[i::n] for i in range(n)]  # a random partition
            graphs = []
            for i, part in enumerate(parts):
                g = os.path.join(d, f"r{round_}p{i}.json")
                rc, _, err = run("build", *part, "-o", g)
                check(rc == 0, f"build of part {i} exits 0 ({err})")
                graphs.append(g)
            rng.shuffle(graphs)
            merged = os.path.join(d, f"r{round_}.json")
            rc, _, err = run("merge", *graphs, "-o", merged)
            check(rc == 0, f"merge exits 0 ({err})")
            check(open(merged, "rb").read() == want,
                  f"merging the graphs of a {n}-part partition gives the whole graph byte for byte")
            # Associative: merge two, then merge the result with the rest.
            first = os.path.join(d, f"r{round_}first.json")
            run("merge", graphs[0], graphs[1], "-o", first)
            nested = os.path.join(d, f"r{round_}nested.json")
            rc, _, err = run("merge", *graphs[2:], first, "-o", nested)
            check(rc == 0 and open(nested, "rb").read() == want,
                  "merging merged graphs gives the same bytes (associative, commutative)")
        rc, _, err = run("merge", whole, graphs[0], "-o", os.path.join(d, "twice.json"))
        check(rc == 0 and "counted once" in err, f"merge says when a document is in two inputs ({err})")
        check(open(os.path.join(d, "twice.json"), "rb").read() == want,
              "a document in two inputs is counted once")
        rc, _, err = run("merge", whole)
        check(rc == 2 and "-o" in err, "merge without -o is a usage error")
        bad = os.path.join(d, "bad.json")
        open(bad, "w").write('{"nodes": [')
        out = os.path.join(d, "never.json")
        rc, _, err = run("merge", whole, bad, "-o", out)
        check(rc == 1 and "bad.json" in err and not os.path.exists(out),
              f"a broken input fails naming it and writes nothing ({err})")


def test_given_twice():
    """A document given twice in one build (samples/ holds the articles and,
    in expected/, an events file made from them) counts once."""
    files = sample_articles()
    with tempfile.TemporaryDirectory() as d:
        articles = os.path.join(d, "articles.json")
        rc, _, err = run("build", *files, "-o", articles)
        check(rc == 0, f"build of the articles exits 0 ({err})")
        both = os.path.join(d, "both.json")
        rc, _, err = run("build", SAMPLES, "-o", both)
        check(rc == 0, f"build of samples/ exits 0 ({err})")
        check("given more than once, counted once" in err, f"build says it counted repeats once ({err})")
        check(open(both, "rb").read() == open(articles, "rb").read(),
              "samples/ with its events file builds the graph of the articles alone")
        twice = os.path.join(d, "twice.json")
        rc, _, err = run("build", *files, *files, "-o", twice)
        check(open(twice, "rb").read() == open(articles, "rb").read(),
              "an article given twice counts once")


def test_update():
    files = sample_articles()
    with tempfile.TemporaryDirectory() as d:
        whole = os.path.join(d, "whole.json")
        run("build", *files, "-o", whole)
        g = os.path.join(d, "g.json")
        rc, _, err = run("build", *files[:9], "-o", g, "--edges-key", "links")
        check(rc == 0, f"build of a first part exits 0 ({err})")
        rc, _, err = run("build", "--update", g, *files)
        check(rc == 0, f"build --update exits 0 ({err})")
        check("skipped 9 document(s)" in err, f"--update says which documents it skipped ({err})")
        updated = json.load(open(g))
        check("links" in updated and "edges" not in updated, "--update keeps the file's edges key")
        rc, _, err = run("build", *files, "-o", os.path.join(d, "links.json"), "--edges-key", "links")
        check(open(g, "rb").read() == open(os.path.join(d, "links.json"), "rb").read(),
              "a graph updated with new documents equals the graph built from all of them")
        before = open(g, "rb").read()
        rc, _, err = run("build", "--update", g, *files)
        check(rc == 0 and open(g, "rb").read() == before,
              "updating with documents already in the graph changes nothing")
        rc, _, err = run("build", "--update", g, os.path.join(d, "missing.txt"))
        check(rc != 0 and open(g, "rb").read() == before,
              f"a failed update leaves the graph as it was ({err.strip()})")
        rc, _, err = run("build", "--update", g)
        check(rc == 2, "--update without new inputs is a usage error")


def timex_days(value):
    """(first, last) days of the TIMEX3 values the samples use, else None."""
    import datetime as dt
    import re
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if m:
        day = dt.date(*map(int, m.groups()))
        return day, day
    m = re.fullmatch(r"(\d{4})-(\d{2})", value or "")
    if m:
        y, mo = map(int, m.groups())
        nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
        return dt.date(y, mo, 1), nxt - dt.timedelta(days=1)
    m = re.fullmatch(r"(\d{4})-W(\d{2})", value or "")
    if m:
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + dt.timedelta(days=6)
    m = re.fullmatch(r"(\d{4})", value or "")
    if m:
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    return None


def test_time_filters():
    import datetime as dt
    with tempfile.TemporaryDirectory() as d:
        whole = os.path.join(d, "whole.json")
        run("build", *sample_articles(), "-o", whole)
        everything = json.load(open(whole))
        lo, hi = dt.date(2021, 6, 1), dt.date(2021, 12, 31)
        win = os.path.join(d, "window.json")
        rc, _, err = run("build", *sample_articles(), "-o", win, "--from", str(lo), "--to", str(hi))
        check(rc == 0, f"build --from/--to exits 0 ({err})")
        data = json.load(open(win))
        check(0 < len(data["edges"]) < len(everything["edges"]), "--from/--to keep part of the graph")
        for e in data["edges"]:
            for r in e["evidence"]:
                days = timex_days(r["date"])
                check(days is not None and days[1] >= lo and days[0] <= hi,
                      f"evidence dated {r['date']} overlaps the window")
        ids = {n["id"] for n in data["nodes"]}
        check(all(e["source"] in ids and e["target"] in ids for e in data["edges"]), "edges join kept actors")
        asof = os.path.join(d, "asof.json")
        rc, _, err = run("build", *sample_articles(), "-o", asof, "--as-of", "2021-09-15")
        check(rc == 0, f"build --as-of exits 0 ({err})")
        for e in json.load(open(asof))["edges"]:
            for r in e["evidence"]:
                days = timex_days(r["date"])
                check(days is None or days[1] <= dt.date(2021, 9, 15),
                      f"--as-of keeps only evidence wholly past ({r['date']})")
        rc, out, err = run("who-met", "Biden", "--graph", whole, "--as-of", "2021-09-15", "--json")
        rows = [json.loads(l) for l in out.splitlines()]
        check(rc == 0 and rows and all(r["date"] <= "2021-09-15" for r in rows),
              f"who-met --as-of lists only earlier contacts ({err})")
        rc, out, err = run("who-met", "", "--graph", whole, "--how", "call", "--json")
        rows = [json.loads(l) for l in out.splitlines()]
        check(rc == 0 and rows and all(r["how"] == "call" for r in rows), "who-met --how call lists only calls")
        rc, out, err = run("who-met", "", "--graph", whole, "--how", "visit,talks", "--json")
        rows = [json.loads(l) for l in out.splitlines()]
        check(rc == 0 and {r["how"] for r in rows} <= {"visit", "talks"} and rows,
              "--how takes several kinds")
        rc, out, _ = run("who-met", "", "--graph", whole, "--json")
        every = [json.loads(l) for l in out.splitlines()]
        rc, out, _ = run("who-met", "", "--graph", whole, "--min-sources", "2", "--json")
        strong = [json.loads(l) for l in out.splitlines()]
        check(strong == [r for r in every if r["sources"] >= 2],
              "--min-sources N keeps the rows with at least N source documents")
        rc, _, err = run("who-met", "Biden", "--graph", whole, "--how", "dinner")
        check(rc == 2 and "dinner" in err, "an unknown --how is a usage error naming it")
        rc, _, err = run("who-met", "Biden", "--graph", whole, "--min-sources", "x")
        check(rc == 2, "a bad --min-sources is a usage error")
        for args in (["--as-of", "2021-02-30"], ["--from", "2021-05-01", "--to", "2021-04-01"]):
            rc, _, err = run("build", *sample_articles(), "-o", os.path.join(d, "x.json"), *args)
            check(rc == 2 and not os.path.exists(os.path.join(d, "x.json")),
                  f"build {' '.join(args)} is a usage error ({err.strip()})")


def test_large_graph():
    """A graph.json of several megabytes (read by two threads, each taking a
    half of the edges) loads to the same graph: merging it alone writes it
    again byte for byte, and a bad edge in the second half is reported with
    its JSON pointer and nothing is written."""
    import subprocess
    with tempfile.TemporaryDirectory() as d:
        made = os.path.join(d, "made.json")
        subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tools", "bench", "make_graph.py"),
                        "3000", "20000", made], check=True, capture_output=True)
        first, second = os.path.join(d, "first.json"), os.path.join(d, "second.json")
        rc, _, err = run("merge", made, "-o", first)
        check(rc == 0 and os.path.getsize(first) > 2_000_000,
              f"a {os.path.getsize(made) // 1_000_000} MB graph loads and is written again ({err.strip()})")
        rc, _, err = run("merge", first, "-o", second)
        check(rc == 0 and open(first, "rb").read() == open(second, "rb").read(),
              "loading a large graph.json and writing it again gives the same bytes")
        data = json.load(open(first, encoding="utf-8"))
        bad_index = len(data["edges"]) * 3 // 4
        del data["edges"][bad_index]["relation"]
        broken = os.path.join(d, "broken.json")
        json.dump(data, open(broken, "w", encoding="utf-8"))
        out = os.path.join(d, "out.json")
        rc, _, err = run("merge", broken, "-o", out)
        check(rc == 1 and f"/edges/{bad_index}" in err and not os.path.exists(out),
              f"a bad edge late in a large file is reported with its pointer ({err.strip()})")


TESTS = {name[5:]: fn for name, fn in globals().items() if name.startswith("test_")}

if __name__ == "__main__":
    main(TESTS, sys.argv[1:])
