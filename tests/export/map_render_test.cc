// GraphToDot's styling, MapPageHtml, RenderDot and DrawMap.
#include <doctest/doctest.h>

#include "entente/export.h"
#include "export/map_text.h"

namespace entente {
namespace {

RelationGraph Small() {
  RelationGraph g;
  g.AddActor({"joe-biden", "Joe Biden", "person", "USA", "USAGOV", "President"});
  g.AddActor({"xi-jinping", "Xi Jinping", "person", "CHN", "CHNGOV", ""});
  g.AddActor({"USA", "United States", "state", "USA", "USA", ""});
  g.AddActor({"CHN", "China", "state", "CHN", "CHN", ""});
  RelationEdge call;
  call.source = "joe-biden";
  call.target = "xi-jinping";
  call.relation = "phone_call";
  call.cameo = "041";
  call.plover = "CONSULT";
  call.quad = 1;
  call.symmetric = true;
  call.count = 1;
  call.documents = {"doc-1"};
  call.dates = {"2021-09-09"};
  call.evidence = {EvidenceRef{"doc-1", 2, "2021-09-09", ""}};
  g.AddEdge(call);
  RelationEdge aff;
  aff.source = "joe-biden";
  aff.target = "USA";
  aff.relation = "affiliation";
  aff.role = "President";
  g.AddEdge(aff);
  return g;
}

// A graph of `n` people in a ring.
RelationGraph Ring(int n) {
  RelationGraph g;
  for (int i = 0; i < n; ++i) {
    std::string id = "p" + std::to_string(i);
    g.AddActor({id, "Person " + std::to_string(i), "person", "USA", "USAGOV", ""});
  }
  for (int i = 0; i < n; ++i) {
    RelationEdge e;
    e.source = "p" + std::to_string(i);
    e.target = "p" + std::to_string((i + 1) % n);
    e.relation = "meeting";
    e.cameo = "040";
    e.quad = 1;
    e.dates = {"2021"};
    e.documents = {"d"};
    g.AddEdge(e);
  }
  return g;
}

TEST_CASE("the DOT gives every actor and edge an SVG id and a class") {
  std::string dot = GraphToDot(Small());
  CHECK(dot.find("\"CHN\" [id=\"a0\", class=\"actor state\"") != std::string::npos);
  CHECK(dot.find("\"joe-biden\" [id=\"a2\", class=\"actor person\"") != std::string::npos);
  CHECK(dot.find("[id=\"e0\", class=\"affiliation\"") != std::string::npos);
  CHECK(dot.find("[id=\"e1\", class=\"relation q1\"") != std::string::npos);
  CHECK(dot.find("layout=dot") != std::string::npos);
  CHECK(dot.find("dir=none") != std::string::npos);  // symmetric relation
}

TEST_CASE("edges are labelled on small maps only") {
  CHECK(GraphToDot(Small()).find("label=\"phone call\\n2021-09-09\"") !=
        std::string::npos);
  DotOptions few;
  few.edge_label_limit = 3;
  CHECK(GraphToDot(Small(), few).find("label=\"phone call") == std::string::npos);
  DotOptions dense;
  dense.edge_label_relation_limit = 0;
  CHECK(GraphToDot(Small(), dense).find("label=\"phone call") == std::string::npos);
}

TEST_CASE("the layout follows the size of the graph and suits the engine") {
  CHECK(DefaultLayout(kDotLayoutLimit, kDotEdgeLimit) == "dot");
  CHECK(DefaultLayout(kDotLayoutLimit + 1, 0) == "sfdp");
  CHECK(DefaultLayout(10, kDotEdgeLimit + 1) == "sfdp");
  std::string big = GraphToDot(Ring(int(kDotLayoutLimit) + 1));
  CHECK(big.find("layout=sfdp") != std::string::npos);
  CHECK(big.find("splines=false") != std::string::npos);
  CHECK(big.find("label=\"meeting") == std::string::npos);
}

TEST_CASE("tooltips quote the evidence sentences when they are given") {
  EvidenceTexts texts = {{{"doc-1", 2}, "Biden spoke with\nXi on Thursday."}};
  DotOptions options;
  options.evidence = &texts;
  std::string dot = GraphToDot(Small(), options);
  CHECK(dot.find("\u201cBiden spoke with Xi on Thursday.\u201d (doc-1)") !=
        std::string::npos);
  CHECK(GraphToDot(Small()).find("doc-1, sentence 2") != std::string::npos);
}

TEST_CASE("clustering by country boxes each state with its people") {
  DotOptions options;
  options.cluster_by_country = true;
  std::string dot = GraphToDot(Small(), options);
  CHECK(dot.find("subgraph \"cluster_0\" {\n    label=\"China\"") != std::string::npos);
  CHECK(dot.find("subgraph \"cluster_1\" {\n    label=\"United States\"") != std::string::npos);
  CHECK(dot.find("newrank=true") != std::string::npos);
  Result<std::string> svg = RenderDot(dot, "svg", "dot");
  REQUIRE(svg.ok());
  CHECK(svg->find("class=\"cluster\"") != std::string::npos);
}

TEST_CASE("names with control characters, quotes and markup stay text") {
  RelationGraph g;
  g.AddActor({"x", "A \"B\" <i>C</i> \\N & \x01 D -- E", "person", "", "", ""});
  std::string dot = GraphToDot(g);
  CHECK(dot.find("label=\"A \\\"B\\\" <i>C</i> \\\\N &   D -- E\"") !=
        std::string::npos);
  Result<std::string> svg = RenderDot(dot, "svg", "dot");
  REQUIRE(svg.ok());
  CHECK(svg->find("A &quot;B&quot; &lt;i&gt;C&lt;/i&gt; \\N &amp;") !=
        std::string::npos);
}

TEST_CASE("shortening text never cuts a character in two") {
  std::string s = "\u00e9\u00e9\u00e9";  // two bytes each
  CHECK(map_text::Shorten(s, 6) == s);
  CHECK(map_text::Shorten(s, 3) == "\u00e9\u2026");
  std::string words;
  for (int i = 0; i < 50; ++i) words += "word ";
  CHECK(map_text::Shorten(words, 102) == words.substr(0, 99) + "\u2026");
}

TEST_CASE("the page holds the SVG inline, the data and no template markers") {
  RelationGraph g = Small();
  g.AddActor({"evil", "</script><script>alert(1)</script>", "person", "", "", ""});
  std::string svg =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg viewBox=\"0 0 1 1\"></svg>";
  MapPageOptions options;
  options.caption = "around <Joe> & co";
  std::string page = MapPageHtml(g, svg, options);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("@@ENTENTE_") == std::string::npos);
  CHECK(page.find("<?xml") == std::string::npos);
  CHECK(page.find("<svg viewBox=\"0 0 1 1\"></svg>") != std::string::npos);
  CHECK(page.find("around &lt;Joe&gt; &amp; co") != std::string::npos);
  CHECK(page.find("\\u003c/script>\\u003cscript>alert(1)") != std::string::npos);
  CHECK(page.find("</script><script>alert") == std::string::npos);
  CHECK(page.find("\"ranges\":[[\"2021-09-09\",\"2021-09-09\"]]") != std::string::npos);
  CHECK(page.find("function applySearch") != std::string::npos);
  CHECK(page.find("#viewport") != std::string::npos);  // the style
  CHECK(page.find("src=\"http") == std::string::npos);
}

TEST_CASE("one layout renders several formats") {
  Result<std::map<std::string, std::string>> out =
      RenderDotFormats(GraphToDot(Small()), {"svg", "png", "pdf"}, "dot");
  REQUIRE(out.ok());
  CHECK(out->at("svg").find("<svg") != std::string::npos);
  CHECK(out->at("png").substr(1, 3) == "PNG");
  CHECK(out->at("pdf").substr(0, 4) == "%PDF");
  Result<std::map<std::string, std::string>> bad =
      RenderDotFormats("digraph { a -> ", {"svg"}, "dot");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("could not read") != std::string::npos);
}

TEST_CASE("DrawMap renders what was asked, from the selected part") {
  MapRequest request;
  request.formats = {"dot", "html"};
  request.view.focus = "Biden";
  Result<DrawnMap> map = DrawMap(Small(), request);
  REQUIRE(map.ok());
  CHECK(map->layout == "dot");
  CHECK(map->actors == 2);  // Biden and Xi; USA is only an affiliation
  CHECK(map->total_actors == 4);
  CHECK(map->outputs.count("svg") == 0);
  CHECK(map->outputs.at("dot").find("around Joe Biden (depth 1)") != std::string::npos);
  CHECK(map->outputs.at("html").find("<svg") != std::string::npos);
  request.formats = {"gif"};
  CHECK(DrawMap(Small(), request).status().code() == StatusCode::kUsage);
  request.formats = {"svg"};
  request.layout = "twopi";
  CHECK(DrawMap(Small(), request).status().code() == StatusCode::kUsage);
}

TEST_CASE("evidence sentences are read back from events.jsonl text") {
  Event e;
  e.doc = "d";
  e.sentence = 4;
  e.source = {"a", "A", "person", "USA", "USAGOV", ""};
  e.target = {"b", "B", "person", "CHN", "CHNGOV", ""};
  e.relation = "meeting";
  e.cameo = "040";
  e.plover = "CONSULT";
  e.date = {"", "", "", "none"};
  e.evidence_text = "A met B.";
  EvidenceTexts texts;
  std::string problem;
  std::string jsonl = EventToJson(e) + "\n\n{\"broken\n" + EventToJson(e) + "\n";
  CHECK(EvidenceTextsFromEvents(jsonl, &texts, &problem) == 1);
  CHECK(problem.rfind("line 3: ", 0) == 0);
  REQUIRE(texts.size() == 1);
  CHECK(texts.at({"d", 4}) == "A met B.");
}

}  // namespace
}  // namespace entente
