#include "entente/evaluation.h"

#include <doctest/doctest.h>

namespace entente {
namespace {

Event Ev(const std::string& s, const std::string& t, const std::string& cameo,
         const std::string& plover, bool symmetric) {
  Event e;
  e.source.code = s;
  e.target.code = t;
  e.cameo = cameo;
  e.plover = plover;
  e.symmetric = symmetric;
  return e;
}

double Level(const EvaluationReport& r, const std::string& name,
             double (Score::*metric)() const) {
  for (const auto& [n, s] : r.levels) {
    if (n == name) return (s.*metric)();
  }
  return -1;
}

TEST_CASE("parses gold records and names the bad field") {
  auto r = ParseGoldRecord(
      R"({"id":"a","set":"s","date":"2021-09-10","text":"X met Y.","events":[{"source":"USA","target":"CHN","code":"040"}]})");
  REQUIRE(r.ok());
  CHECK(r->events.size() == 1);
  CHECK(r->events[0].target == "CHN");
  auto bad = ParseGoldRecord(R"({"id":"a","text":"t","events":[{"source":"X"}]})");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "/events/0/code: missing");
}

TEST_CASE("scores full codes, roots, actors and countries") {
  EventScorer scorer(EventScorer::Scheme::kCameo);
  GoldRecord r{"r1", "", "", "text",
               {{"USAGOV", "CHNGOV", "042"}, {"RUS", "UKR", "190"}}};
  scorer.Add(r, {Ev("CHNGOV", "USAGOV", "043", "CONSULT", false),  // wrong way
                 Ev("RUS", "UKR", "190", "ASSAULT", false),
                 Ev("RUS", "UKR", "190", "ASSAULT", false),  // a duplicate
                 Ev("FRA", "DEU", "040", "CONSULT", true)});
  EvaluationReport rep = scorer.Report();
  // The duplicate counts once: 1 correct of 3 extracted.
  CHECK(Level(rep, "code", &Score::precision) == doctest::Approx(1.0 / 3));
  CHECK(Level(rep, "code", &Score::recall) == doctest::Approx(0.5));
  CHECK(rep.misses.size() == 1);
  CHECK(rep.false_positives.size() == 2);
  CHECK(rep.by_root.at("19").correct == 1);
  CHECK(Level(rep, "actors", &Score::recall) == doctest::Approx(0.5));
}

TEST_CASE("a symmetric event matches a reciprocal record's one-sided events") {
  EventScorer scorer(EventScorer::Scheme::kPlover);
  GoldRecord r{"r1", "", "", "Jordan and Britain agreed.",
               {{"JOR", "", "AGREE"}, {"GBR", "", "AGREE"}}};
  r.reciprocal = true;
  scorer.Add(r, {Ev("GBR", "JOR", "030", "AGREE", true)});
  EvaluationReport rep = scorer.Report();
  CHECK(Level(rep, "countries", &Score::f1) == doctest::Approx(1.0));
  // Not reciprocal and one party coded with no target: the event is read
  // as a two-party event.
  EventScorer plain(EventScorer::Scheme::kPlover);
  r.reciprocal = false;
  r.events.pop_back();
  plain.Add(r, {Ev("GBR", "JOR", "030", "AGREE", true)});
  CHECK(Level(plain.Report(), "countries", &Score::f1) == 0);
}

TEST_CASE("symmetric events match either way; PLOVER's old names are read") {
  EventScorer scorer(EventScorer::Scheme::kPlover);
  GoldRecord r{"r1", "", "", "t",
               {{"USAGOV", "CHNGOV", "CONSULT"}, {"IRN", "", "DEMAND"}}};
  scorer.Add(r, {Ev("CHNGOV", "USAGOV", "040", "CONSULT", true),
                 Ev("IRN", "", "100", "REQUEST", false)});
  EvaluationReport rep = scorer.Report();
  CHECK(Level(rep, "type", &Score::f1) == doctest::Approx(1.0));
  CHECK(Level(rep, "countries", &Score::f1) == doctest::Approx(1.0));
  Event negated = Ev("IRN", "USA", "100", "REQUEST", false);
  negated.polarity = "negated";
  EventScorer s2(EventScorer::Scheme::kPlover);
  s2.Add(r, {negated});
  CHECK(Level(s2.Report(), "type", &Score::precision) == 0);
}

TEST_CASE("countries are read as ISO codes; joint action has no target") {
  EventScorer scorer(EventScorer::Scheme::kPlover);
  GoldRecord r{"r1", "", "", "t", {{"JAP", "SRB", "SANCTION"}}};
  scorer.Add(r, {Ev("JPNGOV", "SRB", "162", "SANCTION", false)});
  CHECK(Level(scorer.Report(), "countries", &Score::f1) ==
        doctest::Approx(1.0));
  CHECK(Level(scorer.Report(), "type", &Score::f1) == 0);  // codes as written
  // Two sources of one type and no target: a symmetric event between them
  // stands for each; a one-way event does not, unless the record is
  // reciprocal.
  GoldRecord joint{"r2", "", "", "t",
                   {{"USA", "", "CONSULT"}, {"RUS", "", "CONSULT"}}};
  EventScorer s2(EventScorer::Scheme::kPlover);
  s2.Add(joint, {Ev("RUS", "USA", "046", "CONSULT", true)});
  CHECK(Level(s2.Report(), "countries", &Score::f1) == doctest::Approx(1.0));
  EventScorer s3(EventScorer::Scheme::kPlover);
  s3.Add(joint, {Ev("RUS", "USA", "042", "CONSULT", false)});
  CHECK(Level(s3.Report(), "countries", &Score::f1) == 0);
  joint.reciprocal = true;
  EventScorer s4(EventScorer::Scheme::kPlover);
  s4.Add(joint, {Ev("RUS", "USA", "042", "CONSULT", false)});
  CHECK(Level(s4.Report(), "countries", &Score::f1) == doctest::Approx(1.0));
}

}  // namespace
}  // namespace entente
