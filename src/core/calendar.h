// Calendar arithmetic on CivilDate: parsing, formatting, day counts,
// weekdays and ISO weeks. A thin layer over <chrono>'s calendar types so the
// rest of entente never touches chrono directly.
#ifndef ENTENTE_CORE_CALENDAR_H_
#define ENTENTE_CORE_CALENDAR_H_

#include <optional>
#include <string>
#include <string_view>

#include "entente/types.h"

namespace entente {

// Parses exactly "YYYY-MM-DD" into a valid date; nullopt otherwise
// (including impossible dates such as 2021-02-30).
std::optional<CivilDate> ParseIsoDate(std::string_view text);

// "YYYY-MM-DD", zero-padded.
std::string FormatIsoDate(const CivilDate& date);

// True when year/month/day form a real date.
bool IsValidDate(int year, int month, int day);

// Days since 1970-01-01 (negative before), and back.
long DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(long days);

// Adds days (may be negative).
CivilDate AddDays(const CivilDate& date, long days);

// Adds months, clamping the day to the end of the target month.
CivilDate AddMonths(const CivilDate& date, int months);

// 1 = Monday ... 7 = Sunday (ISO 8601).
int IsoWeekday(const CivilDate& date);

// ISO 8601 week-numbering year and week of a date.
struct IsoWeek {
  int year = 0;
  int week = 0;
};
IsoWeek IsoWeekOf(const CivilDate& date);

// "2021-W35".
std::string FormatIsoWeek(const IsoWeek& week);

// Days in a month of a year.
int DaysInMonth(int year, int month);


// The span of days a TIMEX3 date value covers: "2021-09-09" one day,
// "2021-W35" its ISO week, "2021-09" the month, "2021-Q3" the quarter,
// "2021" the year. False for values it does not understand (durations,
// seasons, empty).
bool TimexDayRange(std::string_view value, CivilDate* first, CivilDate* last);

}  // namespace entente

#endif  // ENTENTE_CORE_CALENDAR_H_
