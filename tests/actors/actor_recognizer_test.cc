// The actors stage on the golden table tests/actors/mentions.tsv, plus the
// properties a table cannot show.
#include "actors/actor_recognizer.h"

#include <optional>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "actors/actor_phrases.h"
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

TEST_CASE("an undated document takes a known person's role from the title") {
  // Without a date a person gets their latest role, unless the text's
  // title names another role they held; a dated document keeps the role
  // held at its date whatever the title.
  auto first = [](const std::string& text, std::optional<CivilDate> date) {
    Document d;
    d.text = text;
    d.date = date;
    DocumentAnalysis a = SharedPipeline().Analyze(d);
    REQUIRE_FALSE(a.actors.empty());
    return a.actors;
  };
  std::vector<ActorMention> titled =
      first("Vice President Joe Biden met Erdogan. Biden spoke.", {});
  CHECK(titled[0].actor.id == "joe-biden");
  CHECK(titled[0].actor.role == "Vice President");
  CHECK(titled.back().actor.id == "joe-biden");
  CHECK(titled.back().actor.role == "Vice President");  // the short form
  CHECK(first("Joe Biden met Erdogan.", {})[0].actor.role == "President");
  CHECK(first("Vice President Joe Biden met Erdogan.", CivilDate{2022, 3, 1})[0]
            .actor.role == "President");
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

TEST_CASE("short forms, pronouns and a role's holder in a lower-case title") {
  // Short forms right after a phrase match and between two; "he" with
  // people before it in the sentence and before; "the Russian foreign
  // minister" finds the holder of "Foreign Minister" (a spelling that
  // folds to the same role).
  CHECK(Mentions("Russian Foreign Minister Sergei Lavrov met Chinese Foreign "
                 "Minister Wang Yi in Moscow. Lavrov said he and Wang agreed. "
                 "The Russian foreign minister, who met Blinken, said Blinken "
                 "and he spoke.",
                 "2021-09-10") ==
        "Russian Foreign Minister Sergei Lavrov=sergei-lavrov|lexicon ; "
        "Chinese Foreign Minister Wang Yi=wang-yi|lexicon ; "
        "Moscow=RUS|place ; Lavrov=sergei-lavrov|short ; "
        "he=sergei-lavrov|coref ; Wang=wang-yi|short ; "
        "Russian foreign minister=sergei-lavrov|coref ; "
        "Blinken=antony-blinken|lexicon ; Blinken=antony-blinken|lexicon ; "
        "he=sergei-lavrov|coref");
}

TEST_CASE("a word filter never rejects a word of its list") {
  static constexpr std::string_view kWords[] = {"in", "at", "leaving",
                                                "throughout", "\xC3\xA0"};
  static constexpr WordFilter filter(kWords);
  for (std::string_view w : kWords) CHECK(filter.MayBe(w));
  // Rejected: an unlisted first byte with a listed length, and the
  // reverse; a word with a listed length and first byte may pass.
  CHECK_FALSE(filter.MayBe("on"));
  CHECK_FALSE(filter.MayBe("inside"));
  CHECK_FALSE(filter.MayBe("\xC3\xA9t\xC3\xA9"));
  CHECK(filter.MayBe("ax"));
}

TEST_CASE("a span's counted state is the last state kind's first payload") {
  // Every list of up to three payloads over the state kinds, a non-state
  // kind and two indexes, against the definition (one Get per kind).
  const std::vector<int> kinds = {kStateName, kStateAdj, kDemonym, kCapital,
                                  kCity,      kPersonFull};
  std::vector<int> choices;
  for (int k : kinds) {
    for (int index : {0, 7}) choices.push_back(Pack(static_cast<Kind>(k), index));
  }
  std::size_t checked = 0;
  auto check = [&](const std::vector<int>& payloads) {
    RawSpan span(0, 1, payloads);
    int expected = -1;
    for (Kind k : {kStateName, kStateAdj, kDemonym, kCapital, kCity}) {
      if (span.Has(k)) expected = span.Get(k);
    }
    CHECK(span.CountedState() == expected);
    ++checked;
  };
  for (int a : choices) {
    check({a});
    for (int b : choices) {
      check({a, b});
      for (int c : choices) check({a, b, c});
    }
  }
  CHECK(checked == 12 + 144 + 1728);
}

}  // namespace
}  // namespace entente
