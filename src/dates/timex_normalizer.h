// Computing TIMEX3 values for recognised time expressions.
#ifndef ENTENTE_DATES_TIMEX_NORMALIZER_H_
#define ENTENTE_DATES_TIMEX_NORMALIZER_H_

#include <optional>
#include <string>
#include <string_view>

#include "dates/timex_grammar.h"
#include "dates/timex_words.h"
#include "entente/types.h"

namespace entente {

// The normalised part of a TimeExpression.
// (`type` and `precision` are constants, so views: a string would be built
// for each of the two readings of every expression.)
struct TimexValue {
  std::string_view type;  // DATE | TIME | DURATION | SET
  std::string value;      // TIMEX3 value; empty when it could not be computed
  std::string_view precision;  // day | week | month | ... (DATE and TIME only)
  bool anchored = false;       // the value was computed from the document date
};

// How to read numeric dates whose first two numbers could each be the day
// or the month ("9/10/2021").
enum class NumericDateOrder { kMonthDayYear, kDayMonthYear, kYearMonthDay };

// The date the text last set ("On Monday, ..."), against which anchored
// expressions ("the day before", "a week later") are resolved. `date` is the
// first day of the period named; `precision` is day, week, month or year
// (a constant: the anchor is copied into the context of every expression).
struct TimexAnchor {
  CivilDate date;
  std::string_view precision;
};

// What a value is computed against.
struct TimexContext {
  std::optional<CivilDate> document_date;
  // The date the text set before the expression; the document date is used
  // when there is none.
  std::optional<TimexAnchor> anchor;
  // Whether the clause around the expression points to the future; it
  // decides which way underspecified expressions ("Thursday", "in March",
  // "Sept. 9") resolve: the most recent one on or before the document date
  // when false, the next one after it when true.
  bool looks_ahead = false;
  NumericDateOrder order = NumericDateOrder::kMonthDayYear;
};

// Computes the value of `text`, an expression of `kind` (as the grammar
// matched it, prepositions already stripped; not kRange, whose ends the
// recogniser normalises one by one), in `context`.
//
// Returns nullopt when the words cannot be a time expression after all (an
// impossible date such as "February 30" or "13/13/2021"). When the value
// needs the document date and there is none, returns the type with an empty
// value.
std::optional<TimexValue> NormalizeTimex(TimexKind kind, std::string_view text,
                                         const TimexContext& context);

// The same with the words of `text` already read (ReadTimexWords(text)),
// for a caller that normalises one expression in several contexts.
std::optional<TimexValue> NormalizeTimex(TimexKind kind, std::string_view text,
                                         const TimexWords& words,
                                         const TimexContext& context);

// The anchor a DATE or TIME value sets, if it names a day ("2021-09-09",
// "2021-09-09T20:00"), an ISO week, a month or a year; nullopt for others
// (seasons, quarters, decades, PRESENT_REF, durations).
std::optional<TimexAnchor> AnchorOf(std::string_view value);

}  // namespace entente

#endif  // ENTENTE_DATES_TIMEX_NORMALIZER_H_
