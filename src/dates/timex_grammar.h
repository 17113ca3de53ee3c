// The surface grammar of English news time expressions, as one regular
// expression with one capture group per kind of expression.
//
// The recogniser compiles TimexPattern() once and scans each sentence with
// it; the capture group that took part in a match tells which TimexKind was
// found, and the normaliser reads the matched words to compute the value.
#ifndef ENTENTE_DATES_TIMEX_GRAMMAR_H_
#define ENTENTE_DATES_TIMEX_GRAMMAR_H_

#include <string>

namespace entente {

// What kind of time expression a match is. Capture group i + 1 of
// TimexPattern() matches kind i.
enum class TimexKind {
  kIsoDate,       // 2021-09-09
  kCalendarDate,  // September 9, 2021 · 9 Sept. · July 2021 · in March
  kYear,          // 2019 · late 2020 · the 1990s · the 20th century
  kWeekday,       // Thursday · last Friday · Sunday night
  kRelativeDay,   // yesterday · today · tomorrow · last night
  kRelativeUnit,  // last week · this year · earlier this month · last summer
  kSeasonQuarter,  // the third quarter · Q3 2021 · summer of 2020 · first half
  kAgo,            // two days ago · a year from now
  kDuration,       // eight months · the past two years · recent weeks
  kHoliday,        // Christmas Day · New Year's Eve
  kPresent,        // now · currently (only when asked for)
};

inline constexpr int kTimexKindCount = 11;

// The pattern source: case-insensitive except for month names, meant to be
// compiled with Latin-1 encoding (so odd bytes are just bytes) and
// leftmost-longest semantics (so "last Friday" wins over "Friday").
// When `present_references` is false the kPresent group can never match.
std::string TimexPattern(bool present_references);

}  // namespace entente

#endif  // ENTENTE_DATES_TIMEX_GRAMMAR_H_
