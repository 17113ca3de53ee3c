// SelectForMap and TimexOverlaps: which part of a graph a map draws.
#include <doctest/doctest.h>

#include <algorithm>

#include "entente/export.h"

namespace entente {
namespace {

Actor Person(const std::string& id, const std::string& name,
             const std::string& country) {
  return {id, name, "person", country, country + "GOV", "Minister"};
}

RelationEdge Relation(const std::string& s, const std::string& t,
                      const std::vector<std::pair<std::string, std::string>>&
                          doc_dates) {
  RelationEdge e;
  e.source = s;
  e.target = t;
  e.relation = "meeting";
  e.cameo = "040";
  e.quad = 1;
  e.symmetric = true;
  for (const auto& [doc, date] : doc_dates) {
    e.count += 1;
    e.documents.insert(doc);
    if (!date.empty()) e.dates.insert(date);
    e.evidence.insert(EvidenceRef{doc, 0, date, ""});
  }
  return e;
}

// a - b - c - d in a chain; a is a hub with e and f too; g is alone.
RelationGraph Chain() {
  RelationGraph g;
  for (const char* id : {"a", "b", "c", "d", "e", "f", "g"}) {
    g.AddActor(Person(id, std::string("Person ") + id, "USA"));
  }
  g.AddActor({"USA", "United States", "state", "USA", "USA", ""});
  g.AddEdge(Relation("a", "b", {{"d1", "2021-03"}, {"d2", "2021-09-09"}}));
  g.AddEdge(Relation("b", "c", {{"d3", "2021-W40"}}));
  g.AddEdge(Relation("c", "d", {{"d4", "2022"}}));
  g.AddEdge(Relation("a", "e", {{"d5", "2021-06-01"}, {"d6", "2021-06-02"}}));
  g.AddEdge(Relation("a", "f", {{"d7", ""}}));
  RelationEdge aff;
  aff.source = "a";
  aff.target = "USA";
  aff.relation = "affiliation";
  g.AddEdge(aff);
  return g;
}

std::vector<std::string> Ids(const RelationGraph& g) {
  std::vector<std::string> out;
  for (const Actor& a : g.actors()) out.push_back(a.id);
  return out;
}

TEST_CASE("a TIMEX3 value overlaps a window when any of its days does") {
  struct Case {
    const char* value;
    const char* from;
    const char* to;
    bool overlaps;
  };
  const Case cases[] = {
      {"2021-03-15", "2021-03-01", "2021-03-31", true},
      {"2021-03-15", "2021-03-16", "", false},
      {"2021-03", "2021-03-31", "2021-04-30", true},
      {"2021-03", "2021-04-01", "", false},
      {"2021", "", "2021-01-01", true},
      {"2021-W40", "2021-10-10", "2021-10-31", true},  // Sunday of week 40
      {"2021-W40", "2021-10-11", "", false},
      {"2021-Q3", "2021-09-30", "2021-09-30", true},
      {"", "2021-01-01", "", false},
      {"", "", "", true},
      {"P3D", "2021-01-01", "2021-12-31", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.value);
    CAPTURE(c.from);
    CAPTURE(c.to);
    CHECK(TimexOverlaps(c.value, c.from, c.to) == c.overlaps);
  }
}

TEST_CASE("an empty view draws the whole graph") {
  RelationGraph g = Chain();
  Result<MapSelection> s = SelectForMap(g, {});
  REQUIRE(s.ok());
  CHECK(s->graph.actor_count() == g.actor_count());
  CHECK(s->graph.edge_count() == g.edge_count());
  CHECK(s->caption.empty());
  CHECK(s->left_out.empty());
}

TEST_CASE("a time window trims dates, evidence and counts and drops the rest") {
  MapView view;
  view.from = "2021-03-31";
  view.to = "2021-06-01";
  Result<MapSelection> s = SelectForMap(Chain(), view);
  REQUIRE(s.ok());
  // a-b keeps its March date only; a-e its first of June; b-c (October),
  // c-d (2022) and the undated a-f go, and so do the actors left without
  // relations (USA has only an affiliation).
  CHECK(Ids(s->graph) == std::vector<std::string>{"a", "b", "e"});
  std::vector<RelationEdge> edges = s->graph.edges();
  REQUIRE(edges.size() == 2);
  const RelationEdge& ab = edges[0];
  CHECK(ab.target == "b");
  CHECK(ab.dates == std::set<std::string>{"2021-03"});
  CHECK(ab.documents == std::set<std::string>{"d1"});
  CHECK(ab.count == 1);
  CHECK(edges[1].dates == std::set<std::string>{"2021-06-01"});
  CHECK(s->caption == "2021-03-31 to 2021-06-01");
}

TEST_CASE("the neighbourhood of an actor follows relations, not affiliations") {
  MapView view;
  view.focus = "Person b";
  Result<MapSelection> one = SelectForMap(Chain(), view);
  REQUIRE(one.ok());
  CHECK(Ids(one->graph) == std::vector<std::string>{"a", "b", "c"});
  CHECK(one->caption == "around Person b (depth 1)");
  view.depth = 2;
  Result<MapSelection> two = SelectForMap(Chain(), view);
  REQUIRE(two.ok());
  CHECK(Ids(two->graph) == std::vector<std::string>{"a", "b", "c", "d", "e", "f"});
  view.focus = "a";
  view.depth = 1;
  Result<MapSelection> hub = SelectForMap(Chain(), view);
  REQUIRE(hub.ok());
  // USA is a's state, not a relation: not drawn.
  CHECK(Ids(hub->graph) == std::vector<std::string>{"a", "b", "e", "f"});
}

TEST_CASE("a size limit keeps the most connected actors and names the others") {
  MapView view;
  view.max_nodes = 3;
  Result<MapSelection> s = SelectForMap(Chain(), view);
  REQUIRE(s.ok());
  // Weighted degree: a 5 sources, b 3, e 2, c 2 (b-c, c-d), f 1, d 1.
  // e and c tie on sources; c has more relations.
  CHECK(Ids(s->graph) == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(s->left_out.size() == 5);
  CHECK(s->left_out[0].id == "e");
  CHECK(s->left_out.back().id == "g");
  CHECK(s->caption == "the 3 most connected of 8 actors");
  view.focus = "g";  // the focus actor stays even when least connected
  view.max_nodes = 1;
  Result<MapSelection> f = SelectForMap(Chain(), view);
  REQUIRE(f.ok());
  CHECK(Ids(f->graph) == std::vector<std::string>{"g"});
}

TEST_CASE("a bad view is an error that says what is wrong") {
  MapView bad_date;
  bad_date.from = "last week";
  Result<MapSelection> a = SelectForMap(Chain(), bad_date);
  REQUIRE_FALSE(a.ok());
  CHECK(a.status().code() == StatusCode::kUsage);
  CHECK(a.status().message().find("last week") != std::string::npos);

  MapView backwards;
  backwards.from = "2022-01-01";
  backwards.to = "2021-01-01";
  CHECK_FALSE(SelectForMap(Chain(), backwards).ok());

  MapView nobody;
  nobody.focus = "Nobody";
  Result<MapSelection> c = SelectForMap(Chain(), nobody);
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().message().find("Nobody") != std::string::npos);

  MapView ambiguous;
  ambiguous.focus = "Person";
  Result<MapSelection> d = SelectForMap(Chain(), ambiguous);
  REQUIRE_FALSE(d.ok());
  CHECK(d.status().message().find("ambiguous") != std::string::npos);

  MapView outside;
  outside.focus = "d";
  outside.to = "2021-12-31";
  Result<MapSelection> e = SelectForMap(Chain(), outside);
  REQUIRE_FALSE(e.ok());
  CHECK(e.status().message().find("widen the time window") != std::string::npos);

  MapView empty;
  empty.from = "2030-01-01";
  Result<MapSelection> f = SelectForMap(Chain(), empty);
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().message() ==
        "no relation is dated from 2030-01-01; widen the time window");

  MapView zero;
  zero.focus = "a";
  zero.depth = 0;
  CHECK_FALSE(SelectForMap(Chain(), zero).ok());
}

}  // namespace
}  // namespace entente
