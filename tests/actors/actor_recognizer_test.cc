// The actors stage on the golden table tests/actors/mentions.tsv, plus the
// properties a table cannot show.
#include "actors/actor_recognizer.h"

#include <doctest/doctest.h>

#include "core/calendar.h"
#include "entente/pipeline.h"
#include "golden_table.h"

namespace entente {
namespace {

const Pipeline& SharedPipeline() {
  static const std::unique_ptr<Pipeline> p = std::move(*Pipeline::Create({}));
  return *p;
}

std::string Mentions(const std::string& text, const std::string& date) {
  Document d;
  d.id = "t";
  d.text = text;
  d.date = ParseIsoDate(date);
  DocumentAnalysis a = SharedPipeline().Analyze(d);
  std::string out;
  for (const ActorMention& m : a.actors) {
    if (!out.empty()) out += " ; ";
    out += text.substr(m.start, m.end - m.start) + "=" + m.actor.id + "|" +
           m.how;
  }
  return out;
}

TEST_CASE("recognises the golden mentions of tests/actors/mentions.tsv") {
  auto rows = testing::ReadGoldenTable("tests/actors/mentions.tsv");
  CHECK(rows.size() >= 8);
  for (const auto& row : rows) {
    REQUIRE(row.size() == 3);
    CAPTURE(row[1]);
    CHECK(Mentions(row[1], row[0]) == row[2]);
  }
}

TEST_CASE("a relative clause does not rebind the actor's country") {
  Document d;
  d.text = "Xi, who met Obama's vice president, spoke.";
  d.date = CivilDate{2013, 6, 1};
  DocumentAnalysis a = SharedPipeline().Analyze(d);
  REQUIRE_FALSE(a.actors.empty());
  CHECK(a.actors[0].actor.id == "xi-jinping");
  CHECK(a.actors[0].actor.country == "CHN");
}

TEST_CASE("a document's mentions do not depend on the documents before it") {
  // The composer keeps its tables per thread between documents: what one
  // document named (people, roles, countries) must not leak into the next.
  const std::string first =
      "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony "
      "Blinken. The foreign minister said Wang would return. He left.";
  const std::string second =
      "The foreign minister spoke. Wang arrived in Beijing. He said so.";
  const std::string alone = Mentions(second, "2021-09-10");
  std::string long_text;
  for (int i = 0; i < 40; ++i) {
    long_text += "Russian President Vladimir Putin met Turkish President "
                 "Recep Tayyip Erdogan and the two leaders spoke. ";
  }
  (void)Mentions(first, "2021-09-10");
  CHECK(Mentions(second, "2021-09-10") == alone);
  (void)Mentions(long_text, "2021-09-10");
  CHECK(Mentions(second, "2021-09-10") == alone);
  CHECK(Mentions(first, "2021-09-10") == Mentions(first, "2021-09-10"));
}

TEST_CASE("makes stable ids from names") {
  CHECK(SlugOf("Shi Feng") == "shi-feng");
  CHECK(SlugOf("Aleksandar Vu\xC4\x8Di\xC4\x87") == "aleksandar-vucic");
  CHECK(SlugOf("  O'Brien, Jr. ") == "o-brien-jr");
}

}  // namespace
}  // namespace entente
