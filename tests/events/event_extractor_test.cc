// The events stage through the whole pipeline: the golden sentence table
// (tests/events/sentences.tsv) and every example sentence of the relation
// lexicon.
#include "events/event_extractor.h"

#include <doctest/doctest.h>

#include <set>

#include "core/calendar.h"
#include "entente/pipeline.h"
#include "golden_table.h"
#include "lexicon/lexicon.h"

namespace entente {
namespace {

const Pipeline& SharedPipeline() {
  static const std::unique_ptr<Pipeline> p = std::move(*Pipeline::Create({}));
  return *p;
}

std::vector<Event> EventsOf(const std::string& text, const std::string& date) {
  Document d;
  d.id = "t";
  d.text = text;
  d.date = ParseIsoDate(date);
  return SharedPipeline().Analyze(d).events;
}

std::string Describe(const Event& e) {
  return e.source.id + " " + e.relation + " " + e.target.id + " " +
         e.polarity + " " + e.modality + " " + e.date.value;
}

TEST_CASE("codes the golden sentences of tests/events/sentences.tsv") {
  auto join = [](const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : " ; ") + x;
    return out.empty() ? std::string("-") : out;
  };
  auto rows = testing::ReadGoldenTable("tests/events/sentences.tsv");
  CHECK(rows.size() >= 10);
  for (const auto& row : rows) {
    REQUIRE(row.size() == 3);
    const std::string& expected = row[2];
    std::set<std::string> want, got;
    for (std::size_t pos = 0; expected != "-" && pos <= expected.size();) {
      std::size_t end = expected.find(" ; ", pos);
      if (end == std::string::npos) end = expected.size();
      want.insert(expected.substr(pos, end - pos));
      pos = end + 3;
    }
    for (const Event& e : EventsOf(row[1], row[0])) got.insert(Describe(e));
    CAPTURE(row[1]);
    CHECK(join(got) == join(want));
  }
}

TEST_CASE("every relation's example sentences behave as their record says") {
  const Lexicon lexicon = *Lexicon::LoadDefault();
  for (const RelationEntry& r : lexicon.relations()) {
    for (const std::string& s : r.positive) {
      CAPTURE(r.origin + ": " + s);
      bool found = false;
      for (const Event& e : EventsOf(s, "2023-06-15")) {
        found |= e.relation == r.relation;
      }
      CHECK(found);
    }
    for (const std::string& s : r.negative) {
      CAPTURE(r.origin + ": " + s);
      for (const Event& e : EventsOf(s, "2023-06-15")) {
        CHECK(e.relation != r.relation);
      }
    }
  }
}

TEST_CASE("event evidence offsets are code points of the sentence") {
  std::string text = "T\xC3\xBCrkiye\xE2\x80\x99s Recep Tayyip Erdo\xC4\x9F" "an spoke. "
                     "Erdo\xC4\x9F" "an met Russian President Vladimir Putin.";
  auto events = EventsOf(text, "2023-03-19");
  REQUIRE_FALSE(events.empty());
  CHECK(events[0].evidence_start == 38);  // code points, not bytes
  CHECK(events[0].evidence_end == 38 + 45);
}

}  // namespace
}  // namespace entente
