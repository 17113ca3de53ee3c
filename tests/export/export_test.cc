#include "entente/export.h"

#include <doctest/doctest.h>

#include "entente/ingest.h"

namespace entente {
namespace {

Event Sample() {
  Event e;
  e.doc = "doc \"1\"";
  e.sentence = 3;
  e.source = {"joe-biden", "Joe Biden", "person", "USA", "USAGOV", "President"};
  e.target = {"CHN", "China", "state", "CHN", "CHN", ""};
  e.relation = "phone_call";
  e.cameo = "041";
  e.plover = "CONSULT";
  e.symmetric = true;
  e.trigger = "spoke with";
  e.date = {"2021-09-09", "day", "on Thursday", "text"};
  e.location = Location{"Anchorage", "USA"};
  e.evidence_text = "Biden spoke with \\ China.\n";
  e.evidence_start = 4;
  e.evidence_end = 30;
  return e;
}

TEST_CASE("an event survives a round trip through its JSON line") {
  Event e = Sample();
  std::string line = EventToJson(e);
  CHECK(line.find('\n') == std::string::npos);
  Result<Event> back = ParseEventJson(line);
  REQUIRE(back.ok());
  CHECK(EventToJson(*back) == line);
  CHECK(back->source == e.source);
  CHECK(back->date == e.date);
  CHECK(back->location == e.location);
}

TEST_CASE("null fields are written as null, not as empty strings") {
  Event e = Sample();
  e.location.reset();
  e.date = {"", "", "", "none"};
  std::string line = EventToJson(e);
  CHECK(line.find("\"location\":null") != std::string::npos);
  CHECK(line.find("\"value\":null") != std::string::npos);
  CHECK(line.find("\"role\":null") != std::string::npos);
}

TEST_CASE("DOT output escapes quotes and backslashes in every name") {
  RelationGraph g;
  Event e = Sample();
  e.source.name = "Name with \"quotes\" and \\ backslash";
  g.AddEvent(e);
  std::string dot = GraphToDot(g);
  CHECK(dot.find("Name with \\\"quotes\\\" and \\\\ backslash") !=
        std::string::npos);
  CHECK(dot.find("Legend") != std::string::npos);
  Result<std::string> svg = RenderDot(dot, "svg");
  REQUIRE(svg.ok());
  CHECK(svg->find("<svg") != std::string::npos);
  CHECK(svg->find("quotes") != std::string::npos);
}

TEST_CASE("graph JSON round-trips with either edges key") {
  RelationGraph g;
  g.AddEvent(Sample());
  for (const char* key : {"edges", "links"}) {
    CAPTURE(key);
    GraphJsonOptions options;
    options.edges_key = key;
    std::string json = GraphToNodeLinkJson(g, options);
    Result<RelationGraph> back = GraphFromNodeLinkJson(json, "g.json");
    REQUIRE(back.ok());
    CHECK(GraphToNodeLinkJson(*back, options) == json);
  }
  Result<RelationGraph> bad = GraphFromNodeLinkJson("{\"nodes\": 3}", "g.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("g.json: /nodes") == 0);
}

TEST_CASE("rendering rejects unknown formats and broken DOT") {
  CHECK_FALSE(RenderDot("digraph { a -> b }", "gif").ok());
  CHECK_FALSE(RenderDot("digraph { a -> ", "svg").ok());
  Result<std::string> png = RenderDot("digraph { a -> b }", "png", "sfdp");
  REQUIRE(png.ok());
  CHECK(png->substr(1, 3) == "PNG");
}

}  // namespace
}  // namespace entente
