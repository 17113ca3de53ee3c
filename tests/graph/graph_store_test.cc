// The resident graph: events reported several times, saved graphs that
// round-trip exactly, merging without double counting, time filters, and
// the index agreeing with a scan of every edge.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "entente/export.h"
#include "entente/graph.h"

namespace entente {
namespace {

Actor Person(const std::string& id, const std::string& country) {
  return Actor{id, id, "person", country, country + "GOV", "Minister"};
}

Event Meeting(const std::string& doc, std::size_t sentence, const Actor& a,
              const Actor& b, const std::string& date,
              const std::string& relation = "meeting") {
  Event e;
  e.doc = doc;
  e.sentence = sentence;
  e.source = a;
  e.target = b;
  e.relation = relation;
  e.cameo = relation == "meeting" ? "040" : "111";
  e.symmetric = relation == "meeting";
  e.date = {date, "day", "", "text"};
  return e;
}

const RelationEdge* Find(const std::vector<RelationEdge>& edges,
                         const std::string& relation) {
  for (const RelationEdge& e : edges) {
    if (e.relation == relation) return &e;
  }
  return nullptr;
}

std::string Json(const RelationGraph& g) { return GraphToNodeLinkJson(g); }

RelationGraph Reload(const RelationGraph& g) {
  Result<RelationGraph> r = GraphFromNodeLinkJson(Json(g), "test");
  REQUIRE(r.ok());
  return std::move(*r);
}

TEST_CASE("one event reported by several documents has several sources") {
  Actor a = Person("a", "USA"), b = Person("b", "FRA");
  RelationGraph g;
  g.AddEvent(Meeting("d1", 0, a, b, "2021-10-29"));
  g.AddEvent(Meeting("d1", 0, b, a, "2021-10-29"));  // the same sentence again
  g.AddEvent(Meeting("d2", 3, a, b, "2021-10-29"));
  g.AddEvent(Meeting("d3", 1, a, b, "2021-10"));  // coarser: another event
  std::vector<RelationEdge> edges = g.edges();
  const RelationEdge* m = Find(edges, "meeting");
  REQUIRE(m);
  CHECK(m->count == 4);
  CHECK(m->documents.size() == 3);
  REQUIRE(m->events.size() == 2);
  CHECK(m->events[0].date == "2021-10");
  CHECK(m->events[0].mentions == 1);
  CHECK(m->events[1].date == "2021-10-29");
  CHECK(m->events[1].mentions == 3);
  CHECK(m->events[1].sources == 2);
  REQUIRE(m->evidence.size() == 3);
  CHECK(m->evidence.begin()->mentions == 2);
}

TEST_CASE("affiliation edges are dated by the events of the person") {
  RelationGraph g;
  g.AddEvent(Meeting("d1", 0, Person("a", "USA"), Person("b", "FRA"), "2021-03-01"));
  g.AddEvent(Meeting("d2", 0, Person("a", "USA"), Person("c", "DEU"), "2022-05"));
  bool found = false;
  for (const RelationEdge& e : g.EdgesOf("a")) {
    if (e.relation != "affiliation") continue;
    found = true;
    CHECK(e.target == "USA");
    CHECK(e.first() == "2021-03-01");
    CHECK(e.last() == "2022-05");
    CHECK(e.count == 2);
  }
  CHECK(found);
}

TEST_CASE("graph.json keeps everything: reloading and saving gives the same bytes") {
  RelationGraph g;
  Actor a = Person("a", "USA"), b = Person("b", "FRA");
  g.AddEvent(Meeting("d1", 0, a, b, "2021-10-29"));
  g.AddEvent(Meeting("d1", 0, a, b, "2021-10-29"));
  g.AddEvent(Meeting("d2", 1, a, b, ""));
  g.AddEvent(Meeting("d2", 2, b, a, "2021-W40", "criticize"));
  g.AddDocument("empty-doc");
  RelationEdge legacy;  // as saved before evidence had sentences everywhere
  legacy.source = "a";
  legacy.target = "x";
  legacy.relation = "affiliation";
  legacy.count = 3;
  legacy.documents = {"d7", "d8"};
  legacy.dates = {"2020"};
  g.AddEdge(legacy);
  std::string once = Json(g);
  CHECK(once.find("\"sentence\":null") != std::string::npos);
  RelationGraph back = Reload(g);
  CHECK(Json(back) == once);
  std::vector<RelationEdge> x_edges = back.EdgesOf("x");
  REQUIRE(x_edges.size() == 1);
  const RelationEdge* aff = &x_edges[0];
  CHECK(aff->count == 3);
  CHECK(aff->documents == std::set<std::string>{"d7", "d8"});
  CHECK(aff->dates == std::set<std::string>{"2020"});
}

TEST_CASE("merging saved graphs of any partition gives the whole graph's bytes") {
  std::vector<Event> events;
  std::mt19937 rng(5);
  std::vector<Actor> people;
  for (int i = 0; i < 6; ++i) {
    people.push_back(Person("p" + std::to_string(i), i % 2 ? "USA" : "CHN"));
  }
  for (int i = 0; i < 60; ++i) {
    const Actor& a = people[rng() % people.size()];
    const Actor& b = people[rng() % people.size()];
    std::string date = "2021-0" + std::to_string(1 + rng() % 9);
    if (rng() % 2) date += "-1" + std::to_string(rng() % 10);
    events.push_back(Meeting("doc" + std::to_string(rng() % 12),
                             rng() % 3, a, b, date,
                             rng() % 3 ? "meeting" : "criticize"));
  }
  RelationGraph whole;
  for (const Event& e : events) whole.AddEvent(e);
  for (int round = 0; round < 10; ++round) {
    // Partition by document, as `entente build` of a partition of files.
    std::vector<RelationGraph> parts(2 + rng() % 3);
    std::map<std::string, std::size_t> part_of;
    for (const Event& e : events) {
      if (!part_of.count(e.doc)) part_of[e.doc] = rng() % parts.size();
      parts[part_of[e.doc]].AddEvent(e);
    }
    std::shuffle(parts.begin(), parts.end(), rng);
    RelationGraph merged;
    for (const RelationGraph& p : parts) merged.Merge(Reload(p));
    CHECK(Json(merged) == Json(whole));
  }
}

TEST_CASE("merging new documents skips those already in the graph") {
  Actor a = Person("a", "USA"), b = Person("b", "FRA");
  RelationGraph g, update;
  g.AddEvent(Meeting("d1", 0, a, b, "2021-10-29"));
  update.AddEvent(Meeting("d1", 0, a, b, "2021-10-29"));
  update.AddEvent(Meeting("d2", 0, a, b, "2021-10-29"));
  std::vector<std::string> skipped = g.MergeNewDocuments(update);
  CHECK(skipped == std::vector<std::string>{"d1"});
  std::vector<RelationEdge> edges = g.edges();
  const RelationEdge* m = Find(edges, "meeting");
  REQUIRE(m);
  CHECK(m->count == 2);
  CHECK(m->documents.size() == 2);
  CHECK(g.document_count() == 2);
}

TEST_CASE("time filters: --from/--to by overlap, --as-of by dates wholly past") {
  Actor a = Person("a", "USA"), b = Person("b", "FRA"), c = Person("c", "DEU");
  RelationGraph g;
  g.AddEvent(Meeting("d1", 0, a, b, "2021-03"));
  g.AddEvent(Meeting("d2", 0, a, b, "2021-03-20"));
  g.AddEvent(Meeting("d3", 0, a, c, "2021-06-01"));
  g.AddEvent(Meeting("d4", 0, a, c, ""));
  Result<RelationGraph> window = FilterByTime(g, {"2021-03-10", "2021-03-15", ""});
  REQUIRE(window.ok());
  CHECK(window->FindActor("c") == nullptr);  // no relation left
  std::vector<RelationEdge> edges = window->edges();
  const RelationEdge* m = Find(edges, "meeting");
  REQUIRE(m);
  CHECK(m->dates == std::set<std::string>{"2021-03"});
  CHECK(window->documents() == std::set<std::string>{"d1"});
  Result<RelationGraph> as_of = FilterByTime(g, {"", "", "2021-03-25"});
  REQUIRE(as_of.ok());
  CHECK(as_of->documents() == std::set<std::string>{"d2"});  // March not over
  Result<RelationGraph> later = FilterByTime(g, {"", "", "2021-12-31"});
  REQUIRE(later.ok());
  CHECK(later->document_count() == 3);  // the undated one is out
  CHECK(Json(*FilterByTime(g, {})) == Json(g));
  CHECK_FALSE(FilterByTime(g, {"2021-02-30", "", ""}).ok());
  CHECK_FALSE(FilterByTime(g, {"2021-05-01", "2021-04-01", ""}).ok());
  CHECK(TimeFilterKeeps({"2021-03-31", "", ""}, "2021-03"));
  CHECK(TimeFilterKeeps({"", "", "2021-03-31"}, "2021-Q1"));
  CHECK_FALSE(TimeFilterKeeps({"", "", "2021-03-30"}, "2021-Q1"));
}

TEST_CASE("the actor index selects what a scan of every edge selects") {
  std::mt19937 rng(3);
  std::vector<Actor> people;
  for (int i = 0; i < 15; ++i) {
    people.push_back(Person("p" + std::to_string(i), i % 3 ? "USA" : "GBR"));
  }
  const std::vector<std::string> relations = {"meeting", "criticize",
                                              "phone_call", "visit"};
  const std::vector<std::string> dates = {"2020", "2021-02", "2021-02-03",
                                          "2021-W10", "2021-07-14", "",
                                          "2022-Q1", "2021-SU"};
  RelationGraph g;
  for (int i = 0; i < 400; ++i) {
    g.AddEvent(Meeting("d" + std::to_string(rng() % 50), rng() % 4,
                       people[rng() % people.size()],
                       people[rng() % people.size()], dates[rng() % dates.size()],
                       relations[rng() % relations.size()]));
    if (i == 200) g.Compact();  // the index is rebuilt after more additions
  }
  auto run = [&](EdgeFilter f) {
    std::vector<std::string> out;
    g.ForEachEdge(f, [&](const RelationEdge& e) {
      std::string line = e.source + " " + e.target + " " + e.relation + " " +
                         std::to_string(e.count) + ":";
      for (const EvidenceRef& r : e.evidence) {
        line += " " + r.doc + "#" + std::to_string(r.sentence) + "@" + r.date +
                "x" + std::to_string(r.mentions);
      }
      out.push_back(line);
    });
    return out;
  };
  for (int round = 0; round < 200; ++round) {
    EdgeFilter f;
    if (rng() % 4) f.actor = people[rng() % people.size()].id;
    if (rng() % 3 == 0) f.other = people[rng() % people.size()].id;
    if (rng() % 2) f.relations = {relations[rng() % relations.size()]};
    if (rng() % 3 == 0) f.relations.push_back("affiliation");
    int bound = rng() % 4;
    if (bound == 1) f.time.from = "2021-02-10";
    if (bound == 2) f.time.to = "2021-03-01";
    if (bound == 3) f.time.as_of = "2021-12-31";
    CAPTURE(f.actor);
    CAPTURE(f.other);
    CAPTURE(bound);
    std::vector<std::string> indexed = run(f);
    f.scan_all_edges = true;
    CHECK(run(f) == indexed);
  }
}

}  // namespace
}  // namespace entente
