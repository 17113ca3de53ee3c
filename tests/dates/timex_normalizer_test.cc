#include "dates/timex_normalizer.h"

#include <doctest/doctest.h>

#include <optional>
#include <random>
#include <string>

#include "core/calendar.h"
#include "dates/timex_words.h"

namespace entente {
namespace {

// AnchorOf reads a day's digits itself (it runs for every DATE and TIME
// found); it must take exactly the days ParseIsoDate takes.
TEST_CASE("anchors: a day is read as ParseIsoDate reads it") {
  auto check = [](const std::string& value) {
    CAPTURE(value);
    const std::optional<CivilDate> day = ParseIsoDate(value.substr(0, 10));
    const std::optional<TimexAnchor> anchor = AnchorOf(value);
    CHECK(anchor.has_value() == day.has_value());
    if (anchor && day) {
      CHECK(anchor->date == *day);
      CHECK(anchor->precision == "day");
    }
  };
  for (const char* value :
       {"2021-09-09", "2024-07-09", "2024-02-29", "2023-02-29", "2021-13-01",
        "2021-00-10", "2021-09-00", "2021-09-31", "0000-01-01", "9999-12-31",
        "2021-09-09T20:00", "2021-09-09TNI", "20x1-09-09", "2021-0a-09",
        "2021-09-/9", "2021-09-:9", "2021-09-9 "}) {
    check(value);
  }
  // Every shape of ten bytes with its dashes in place, from digits and the
  // bytes around them.
  const std::string bytes = "0123456789/:a ";
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string value = "0000-00-00";
    for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
      value[k] = rng() % 4 == 0 ? bytes[rng() % bytes.size()]
                                : static_cast<char>('0' + rng() % 10);
    }
    check(value);
  }
}

// Week values are written without snprintf; they must read as
// FormatIsoWeek writes them, across the years and their edges.
TEST_CASE("weeks: written as FormatIsoWeek writes them") {
  TimexContext context;
  for (int year : {1, 999, 2020, 2021, 2026, 9999}) {
    for (CivilDate day = {year, 1, 1}; day.year == year;
         day = AddDays(day, 5)) {
      CAPTURE(FormatIsoDate(day));
      context.document_date = day;
      for (const char* text : {"last week", "this week", "next week"}) {
        std::optional<TimexValue> value =
            NormalizeTimex(TimexKind::kRelativeUnit, text, context);
        REQUIRE(value.has_value());
        const int offset = text[0] == 'l' ? -1 : text[0] == 'n' ? 1 : 0;
        CHECK(value->value ==
              FormatIsoWeek(IsoWeekOf(AddDays(day, 7L * offset))));
      }
    }
  }
}

// Weekdays are placed from the document's day number, read once; they
// must land where IsoWeekday and AddDays place them, before 1970 too.
TEST_CASE("weekdays: placed as IsoWeekday and AddDays place them") {
  const char* const names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                               "Friday", "Saturday", "Sunday"};
  TimexContext context;
  for (CivilDate day = {1899, 12, 20}; day.year < 2031;
       day = AddDays(day, 373)) {
    CAPTURE(FormatIsoDate(day));
    context.document_date = day;
    const int today = IsoWeekday(day);
    for (int weekday = 1; weekday <= 7; ++weekday) {
      for (bool ahead : {false, true}) {
        context.looks_ahead = ahead;
        std::optional<TimexValue> value =
            NormalizeTimex(TimexKind::kWeekday, names[weekday - 1], context);
        REQUIRE(value.has_value());
        const int back = (today - weekday + 7) % 7;
        const int forward = (weekday - today + 7) % 7;
        const long shift = ahead ? (forward == 0 ? 7 : forward) : -back;
        CHECK(value->value == FormatIsoDate(AddDays(day, shift)));
      }
    }
  }
}

}  // namespace
}  // namespace entente
