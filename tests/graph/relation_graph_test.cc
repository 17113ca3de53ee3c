// Properties of aggregation: order does not matter, repeats only count,
// merging the graphs of a partition gives the graph of the whole.
#include "entente/graph.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "entente/export.h"

namespace entente {
namespace {

Actor Person(const std::string& id, const std::string& country) {
  return Actor{id, id, "person", country, country + "GOV", "President"};
}
Actor State(const std::string& id) {
  return Actor{id, id, "state", id, id, ""};
}

Event Ev(const std::string& doc, std::size_t sentence, Actor s, Actor t,
         const std::string& relation, const std::string& cameo,
         bool symmetric, const std::string& date) {
  Event e;
  e.doc = doc;
  e.sentence = sentence;
  e.source = std::move(s);
  e.target = std::move(t);
  e.relation = relation;
  e.cameo = cameo;
  e.symmetric = symmetric;
  e.date = {date, "day", "", "text"};
  return e;
}

std::vector<Event> Corpus() {
  Actor biden = Person("joe-biden", "USA"), xi = Person("xi-jinping", "CHN");
  return {
      Ev("a", 0, biden, xi, "phone_call", "041", true, "2021-09-09"),
      Ev("b", 2, xi, biden, "phone_call", "041", true, "2021-09-09"),
      Ev("b", 3, State("USA"), State("CHN"), "sanction", "163", false,
         "2021-07"),
      Ev("c", 0, State("CHN"), State("USA"), "criticize", "111", false,
         "2021-07-10"),
      Ev("c", 1, biden, Person("emmanuel-macron", "FRA"), "meeting", "040",
         true, "2021-10-29"),
      Ev("d", 0, Person("emmanuel-macron", "FRA"), biden, "meeting", "040",
         true, "2021-10-29"),
  };
}

std::string Json(const RelationGraph& g) { return GraphToNodeLinkJson(g); }

TEST_CASE("adding the same events in any order gives the same graph") {
  std::vector<Event> events = Corpus();
  RelationGraph reference;
  for (const Event& e : events) reference.AddEvent(e);
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(events.begin(), events.end(), rng);
    RelationGraph g;
    for (const Event& e : events) g.AddEvent(e);
    CHECK(Json(g) == Json(reference));
  }
}

TEST_CASE("symmetric relations make one edge, counted per mention and source") {
  RelationGraph g;
  for (const Event& e : Corpus()) g.AddEvent(e);
  int calls = 0;
  for (const RelationEdge& e : g.edges()) {
    if (e.relation != "phone_call") continue;
    ++calls;
    CHECK(e.source == "joe-biden");
    CHECK(e.count == 2);
    CHECK(e.documents.size() == 2);
    CHECK(e.first() == "2021-09-09");
  }
  CHECK(calls == 1);
}

TEST_CASE("adding an event twice only raises its count") {
  RelationGraph once, twice;
  Event e = Corpus()[0];
  once.AddEvent(e);
  twice.AddEvent(e);
  twice.AddEvent(e);
  CHECK(once.edge_count() == twice.edge_count());
  for (const RelationEdge& edge : twice.edges()) {
    if (edge.relation == "phone_call") CHECK(edge.count == 2);
  }
}

TEST_CASE("merging the graphs of any partition gives the whole graph") {
  std::vector<Event> events = Corpus();
  RelationGraph whole;
  for (const Event& e : events) whole.AddEvent(e);
  std::mt19937 rng(11);
  for (int round = 0; round < 20; ++round) {
    std::vector<RelationGraph> parts(1 + rng() % 4);
    for (const Event& e : events) parts[rng() % parts.size()].AddEvent(e);
    RelationGraph merged;
    for (const RelationGraph& p : parts) merged.Merge(p);
    CHECK(Json(merged) == Json(whole));
  }
}

TEST_CASE("negated and hypothetical events stay out; planned ones are kept apart") {
  RelationGraph g;
  Event e = Corpus()[4];
  e.polarity = "negated";
  g.AddEvent(e);
  CHECK(g.edge_count() == 0);
  CHECK(g.documents().count("c") == 1);
  e.polarity = "affirmed";
  e.modality = "hypothetical";
  g.AddEvent(e);
  CHECK(g.edge_count() == 0);
  e.modality = "planned";
  g.AddEvent(e);
  bool planned = false;
  for (const RelationEdge& edge : g.edges()) {
    planned |= edge.relation == "planned_meeting";
  }
  CHECK(planned);
}

TEST_CASE("people get an affiliation edge to their state") {
  RelationGraph g;
  g.AddEvent(Corpus()[0]);
  bool found = false;
  for (const RelationEdge& e : g.edges()) {
    if (e.relation == "affiliation" && e.source == "joe-biden") {
      found = e.target == "USA" && e.role == "President";
    }
  }
  CHECK(found);
  CHECK(g.FindActor("USA") != nullptr);
}

}  // namespace
}  // namespace entente
