#include "core/calendar.h"

#include <doctest/doctest.h>

namespace entente {
namespace {

TEST_CASE("parses ISO dates and rejects impossible ones") {
  auto d = ParseIsoDate("2021-09-10");
  REQUIRE(d.has_value());
  CHECK(*d == CivilDate{2021, 9, 10});
  CHECK_FALSE(ParseIsoDate("2021-02-30").has_value());
  CHECK_FALSE(ParseIsoDate("2021-9-10").has_value());
  CHECK_FALSE(ParseIsoDate("10/09/2021").has_value());
  CHECK_FALSE(ParseIsoDate("2021-13-01").has_value());
  CHECK(ParseIsoDate("2020-02-29").has_value());
  CHECK_FALSE(ParseIsoDate("2021-02-29").has_value());
}

TEST_CASE("formats, counts days and moves by months") {
  CHECK(FormatIsoDate({2021, 3, 5}) == "2021-03-05");
  CHECK(FormatIsoDate({987, 12, 31}) == "0987-12-31");
  CHECK(FormatIsoDate({9999, 1, 1}) == "9999-01-01");
  // Outside the direct path: the printf form.
  CHECK(FormatIsoDate({10000, 1, 1}) == "10000-01-01");
  CHECK(FormatIsoDate({-44, 3, 15}) == "-044-03-15");
  CHECK(DaysFromCivil({1970, 1, 1}) == 0);
  CHECK(CivilFromDays(DaysFromCivil({2021, 9, 10})) == CivilDate{2021, 9, 10});
  CHECK(AddDays({2021, 3, 1}, -1) == CivilDate{2021, 2, 28});
  CHECK(AddMonths({2021, 1, 31}, 1) == CivilDate{2021, 2, 28});
  CHECK(AddMonths({2021, 1, 15}, -1) == CivilDate{2020, 12, 15});
  CHECK(AddMonths({2021, 12, 15}, 1) == CivilDate{2022, 1, 15});
}

TEST_CASE("computes ISO weekdays and weeks") {
  CHECK(IsoWeekday({2021, 9, 10}) == 5);  // a Friday
  CHECK(IsoWeekday({2021, 9, 12}) == 7);
  struct Case {
    CivilDate date;
    const char* week;
  } cases[] = {
      {{2021, 9, 1}, "2021-W35"},
      {{2021, 1, 1}, "2020-W53"},
      {{2019, 12, 30}, "2020-W01"},
      {{2024, 12, 30}, "2025-W01"},
  };
  for (const auto& c : cases) {
    CAPTURE(FormatIsoDate(c.date));
    CHECK(FormatIsoWeek(IsoWeekOf(c.date)) == c.week);
  }
}

}  // namespace
}  // namespace entente
