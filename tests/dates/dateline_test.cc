#include "dates/dateline.h"

#include <doctest/doctest.h>

#include <string>

#include "dates/time_recognizer.h"

namespace entente {
namespace {

std::optional<CivilDate> DateOf(const std::string& text) {
  static const TimeRecognizer recognizer;
  return DatelineDate(text, recognizer.Find(text, {}, std::nullopt));
}

TEST_CASE("reads the place, date and agency of a dateline") {
  auto line = ReadDateline("BONN, Germany, Feb. 17 (Kyodo) - Talks began.");
  REQUIRE(line.has_value());
  CHECK(line->month == 2);
  CHECK(line->day == 17);
  CHECK(line->year == 0);
  CHECK(std::string("BONN, Germany, Feb. 17 (Kyodo) - Talks began.")
            .substr(line->end) == " Talks began.");
  line = ReadDateline("WASHINGTON (AP) \xE2\x80\x94 Biden spoke.");
  REQUIRE(line.has_value());
  CHECK(line->month == 0);
  line = ReadDateline("GENEVA, Sept. 9, 2021 (Reuters) -- Talks ended.");
  REQUIRE(line.has_value());
  CHECK(line->year == 2021);
  CHECK(line->day == 9);
}

TEST_CASE("gives the span of the dateline's place") {
  auto place = [](const std::string& text) {
    auto line = ReadDateline(text);
    REQUIRE(line.has_value());
    return text.substr(line->place_begin,
                       line->place_end - line->place_begin);
  };
  CHECK(place("BONN, Germany, Feb. 17 (Kyodo) - Talks began.") == "BONN");
  CHECK(place("WASHINGTON (AP) \xE2\x80\x94 Biden spoke.") == "WASHINGTON");
  CHECK(place("WASHINGTON \xE2\x80\x94 Biden spoke.") == "WASHINGTON");
  CHECK(place("NEW DELHI - Modi spoke.") == "NEW DELHI");
}

TEST_CASE("finds no dateline in ordinary text") {
  CHECK_FALSE(ReadDateline("Biden spoke with Xi - briefly.").has_value());
  CHECK_FALSE(ReadDateline("WASHINGTON is quiet today.").has_value());
  CHECK_FALSE(ReadDateline("").has_value());
}

TEST_CASE("dates a story by its dateline only with a full or inferable date") {
  CHECK(DateOf("GENEVA, Sept. 9, 2021 (Reuters) - Talks ended.") ==
        CivilDate{2021, 9, 9});
  // The year comes from a date the text writes out in full.
  CHECK(DateOf("MUNICH, Feb. 17 (entente) - On Feb. 16, 2024, Zelensky "
               "signed a pact.") == CivilDate{2024, 2, 17});
  // No year anywhere: undated.
  CHECK_FALSE(DateOf("BONN, Germany, Feb. 17 (Kyodo) - Talks began on "
                     "Thursday.")
                  .has_value());
  // No date in the dateline.
  CHECK_FALSE(
      DateOf("WASHINGTON (AP) - The deal of March 2, 2020 held.").has_value());
  // Impossible in the inferred year.
  CHECK_FALSE(
      DateOf("ROME, Feb. 29 (AP) - In March 2021, talks began.").has_value());
}

TEST_CASE("the text's dates are needed only for a dateline without a year") {
  // What the pipeline relies on to skip finding them: with no dates given,
  // every dateline that DatelineNeedsYear leaves out dates as with them.
  for (const std::string text :
       {"GENEVA, Sept. 9, 2021 (Reuters) - Talks ended.",
        "WASHINGTON (AP) - The deal of March 2, 2020 held.",
        "Talks went on. On Feb. 16, 2024, they ended.",
        "MUNICH, Feb. 17 (entente) - On Feb. 16, 2024, Zelensky signed."}) {
    CAPTURE(text);
    std::optional<Dateline> line = ReadDateline(text);
    if (!DatelineNeedsYear(line)) CHECK(DatelineDate(line, {}) == DateOf(text));
  }
  CHECK(DatelineNeedsYear(ReadDateline("MUNICH, Feb. 17 (entente) - Hi.")));
  CHECK_FALSE(DatelineNeedsYear(ReadDateline("ROME (AP) - Hi.")));
  CHECK_FALSE(DatelineNeedsYear(std::nullopt));
}

}  // namespace
}  // namespace entente
