// The surface grammar of English news time expressions: one regular
// expression per kind of expression, and their union.
//
// The recogniser compiles the union once and scans each sentence with it;
// the same automaton, run over the span it found followed by type markers,
// tells which TimexKind it is (see TimexPattern); the normaliser reads the
// matched words to compute the value.
#ifndef ENTENTE_DATES_TIMEX_GRAMMAR_H_
#define ENTENTE_DATES_TIMEX_GRAMMAR_H_

#include <string>

namespace entente {

// What kind of time expression a match is; when a span matches several
// kinds, the first one listed here is taken.
enum class TimexKind {
  kIsoDate,       // 2021-09-09
  kNumericDate,   // 9/10/2021 · 2015-3-3 · 2014-10 · 2/2013 (--date-order)
  kRange,         // from March to May · between 2019 and 2021 · March 3-5
  kClockTime,     // 8 p.m. · 15:00 GMT Saturday · Thursday at noon
  kCalendarDate,  // September 9, 2021 · 9 Sept. · July 2021 · in March
  kYear,          // 2019 · late 2020 · the 1990s · the 20th century
  kWeekday,       // Thursday · last Friday · Sunday night
  kRelativeDay,   // yesterday · today · tomorrow · last night
  kRelativeUnit,  // last week · this year · earlier this month · last summer
  kSeasonQuarter,  // the third quarter · Q3 2021 · summer of 2020 · first half
  kAgo,            // two days ago · a year from now
  kAnchored,  // the day before · a week later · that evening · the next day
  kDuration,  // eight months · the past two years · recent weeks
  kSet,       // every week · annually · twice a year · every Monday
  kHoliday,   // Christmas Day · New Year's Eve
  kPresent,   // now · currently (only when asked for)
};

inline constexpr int kTimexKindCount = 16;

// The pattern of one kind, without capture groups. Case-insensitive except
// for month names once wrapped as TimexPattern() does; meant to be matched
// against a span the scanner found.
std::string TimexKindPattern(TimexKind kind);

// The byte that marks a kind: see TimexPattern.
inline constexpr char kTimexTypeMarker = '\x01';

// The scanner: "(?i)\b(?:kind|kind|...)" over all kinds, kPresent only when
// `present_references`. Meant to be compiled with Latin-1 encoding (so odd
// bytes are just bytes) and leftmost-longest semantics (so "last Friday"
// wins over "Friday").
// Kind i is written "(?:pattern)(?:M{n})?", M being kTimexTypeMarker and
// n = kTimexKindCount - i: matched anchored against a span followed by
// kTimexKindCount markers, the longest match ends after n markers for the
// first kind that matches the whole span (no pattern reads a marker). In
// a text, where markers are absent, the markers change nothing.
std::string TimexPattern(bool present_references);

}  // namespace entente

#endif  // ENTENTE_DATES_TIMEX_GRAMMAR_H_
