#!/usr/bin/python3
"""Opens the interactive map page (`entente map samples` -> map.html) in
headless Chromium and checks what a reader would see:

- the page loads without console errors (the page's own error collector,
  data-errors on <html>, and Chromium's console log on stderr), and the
  collector does catch an error when a script fails;
- "#search=Biden" highlights Joe Biden and exactly his neighbours on the map
  (computed here from graph.json) and fades everyone else;
- "#from=...&to=..." hides exactly the relations dated outside the window;
- a screenshot is kept (argv[1], default map_page.png in the working
  directory) for a person to look at.

Exits 77 (meson's "skipped") when Chromium is not installed; tools/setup
installs it.

usage: map_page_test.py [SCREENSHOT.png]
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

from harness import BIN, SAMPLES, check, failures

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(url, *extra):
    """Runs headless Chromium on `url` with a fresh profile; returns
    (stdout, console lines from stderr)."""
    with tempfile.TemporaryDirectory() as profile:
        p = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", *extra, url],
            capture_output=True, timeout=180)
    err = p.stderr.decode("utf-8", "replace")
    console = [l for l in err.splitlines() if "CONSOLE" in l]
    return p.stdout.decode("utf-8", "replace"), console


class Dom(HTMLParser):
    """The attributes of every element of a dumped DOM, and the text inside
    each element that has an id."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self, text):
        super().__init__()
        self.elements, self.text_of, self._stack = [], {}, []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if "id" in a:
            self.text_of[a["id"]] = ""
        if tag not in self.VOID:
            self._stack.append((tag, a.get("id")))

    def handle_data(self, data):
        for _, i in self._stack:
            if i is not None:
                self.text_of[i] += data

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def html(self):
        return next(a for t, a in self.elements if t == "html")

    def by_attr(self, name):
        return {a[name]: set((a.get("class") or "").split()) for t, a in self.elements if name in a}


def load(page, fragment, what):
    out, console = chromium("file://" + page + fragment, "--dump-dom")
    dom = Dom(out)
    html = dom.html() if dom.elements else {}
    check(html.get("data-ready") == "1", f"{what}: the page's script ran to the end")
    check(html.get("data-errors") == "0", f"{what}: no script errors ({dom.text_of.get('page-errors', '')!r})")
    bad = [l for l in console if "Uncaught" in l or ":ERROR:" in l or "error" in l.lower()]
    check(not bad, f"{what}: no console errors ({bad[:3]})")
    return dom


def test_search(page, graph):
    dom = load(page, "#search=Biden", "#search=Biden")
    actors = dom.by_attr("data-actor")
    check(len(actors) == len(graph["nodes"]), "every actor's SVG group is tied to its id")
    neighbours = {e["target"] for e in graph["edges"] if e["source"] == "joe-biden"} | \
                 {e["source"] for e in graph["edges"] if e["target"] == "joe-biden"}
    hits = {a for a, c in actors.items() if "hit" in c}
    near = {a for a, c in actors.items() if "near" in c}
    dim = {a for a, c in actors.items() if "dim" in c}
    check(hits == {"joe-biden"}, f"the search highlights Joe Biden (got {sorted(hits)})")
    check(near == neighbours, f"and exactly his neighbours (missing {sorted(neighbours - near)}, "
                              f"extra {sorted(near - neighbours)})")
    check(dim == set(actors) - hits - near, "everyone else is faded")
    check("Joe Biden" in dom.text_of.get("status", ""), "the status line names the actor found")
    dom = load(page, "#search=Nobody%20Atall", "a search that finds nothing")
    check("No actor matches" in dom.text_of.get("status", ""), "a search that finds nothing says so")


def overlaps(value, start, end):
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return None  # coarser values: see map_test.py
    return start <= day <= end


def test_date_filter(page, graph):
    start, end = datetime.date(2021, 9, 1), datetime.date(2021, 10, 31)
    dom = load(page, f"#from={start}&to={end}", "a date window")
    edges = dom.by_attr("data-edge")
    checked = 0
    for i, e in enumerate(graph["edges"]):
        verdicts = [overlaps(v, start, end) for v in e["dates"]]
        if e["relation"] == "affiliation" or None in verdicts:
            continue
        checked += 1
        shown = "out" not in edges.get(str(i), {"out"})
        check(shown == any(verdicts), f"edge {e['source']} {e['relation']} {e['target']} {e['dates']} "
                                      f"is {'shown' if shown else 'hidden'} in the window")
    check(checked > 20, "the window check covers the day-dated relations")
    check("relations from 2021-09-01 to 2021-10-31" in dom.text_of.get("status", ""),
          "the status line counts the relations in the window")


def test_error_collector(page, d):
    broken = os.path.join(d, "broken.html")
    text = open(page, encoding="utf-8").read()
    open(broken, "w", encoding="utf-8").write(
        text.replace("</body>", "<script>undefinedFunctionOfTheTest();</script></body>"))
    out, _ = chromium("file://" + broken, "--dump-dom")
    dom = Dom(out)
    check(dom.html().get("data-errors") == "1", "the page's error collector catches a failing script")
    check("undefinedFunctionOfTheTest" in dom.text_of.get("page-errors", ""), "and shows the error on the page")


def test_screenshot(page, shot):
    if os.path.exists(shot):
        os.remove(shot)
    chromium("file://" + page + "#search=Biden", "--hide-scrollbars", "--window-size=1400,900",
             "--screenshot=" + shot)
    ok = os.path.exists(shot) and open(shot, "rb").read(4) == b"\x89PNG" and os.path.getsize(shot) > 20000
    check(ok, f"a screenshot of the page is kept in {shot}")
    if ok:
        print("screenshot:", shot)


def main():
    if not CHROMIUM:
        print("chromium is not installed (tools/setup installs it); skipping")
        sys.exit(77)
    shot = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "map_page.png")
    with tempfile.TemporaryDirectory() as d:
        p = subprocess.run([BIN, "map", SAMPLES, "-o", d], capture_output=True)
        check(p.returncode == 0, f"map samples exits 0 ({p.stderr[-300:]!r})")
        if p.returncode != 0:
            sys.exit(1)
        page = os.path.join(d, "map.html")
        graph = json.load(open(os.path.join(d, "graph.json")))
        test_search(page, graph)
        test_date_filter(page, graph)
        test_error_collector(page, d)
        test_screenshot(page, shot)
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
