// The words of a matched time expression, read into fields.
//
// The grammar has already decided that a stretch of text is a time
// expression and of which kind; TimexWords only records what its words say
// ("last" → kLast, "Sept." → month 9, "9th" → ordinal 9, "1990s" → decade
// 199), leaving it to the normaliser to combine them for that kind.
#ifndef ENTENTE_DATES_TIMEX_WORDS_H_
#define ENTENTE_DATES_TIMEX_WORDS_H_

#include <string>
#include <string_view>

namespace entente {

// Direction words: "last"/"past"/"previous", "this"/"current",
// "next"/"coming".
enum class TimexRelation { kNone, kLast, kThis, kNext };

struct TimexWords {
  int month = 0;    // 1..12
  int weekday = 0;  // 1 = Monday ... 7 = Sunday
  int year = 0;     // a four-digit number
  int number = 0;   // the last other plain number (a day of the month)
  int ordinal = 0;  // "third", "9th", "twenty-first"
  int decade = -1;  // "1990s" → 199
  TimexRelation relation = TimexRelation::kNone;
  // Singular time unit: second, minute, hour, day, week, weekend, month,
  // quarter, half, year, decade, century. (These three are views of
  // constants of the word table: a string would cost each expression its
  // construction and copies.)
  std::string_view unit;
  std::string_view season;    // SP, SU, FA, WI
  std::string_view day_part;  // MO, AF, EV, NI
  int quarter = 0;            // from "Q3"
  // A count: "two" → 2, "a" → 1, "1.5" → 1.5; `count_unknown` for "few",
  // "several", "many", "dozens of".
  double count = 0;
  bool has_count = false;
  bool count_unknown = false;
  // Days from the document date named by yesterday (-1), today, tonight (0),
  // tomorrow (1), the day before yesterday (-2) ...
  int day_offset = 0;
  bool has_day_offset = false;
  bool ago = false;       // "ago"
  bool from_now = false;  // "from now", "hence"
  // Which way an anchored expression points from the date the text set:
  // "later", "after", "following" (+1), "earlier", "before", "preceding"
  // (-1), "same", "that" (0).
  int shift = 0;
  bool has_shift = false;
  bool same = false;   // "same", "that": on the anchor itself
  bool every = false;  // "every", "each", "daily"...: a SET
  bool other = false;  // "every other week"
  bool christmas = false;
  bool new_year = false;
  bool eve = false;
};

// Reads the words of `text` (ASCII letters, digits and apostrophes; anything
// else separates words). Never fails: unknown words are ignored.
TimexWords ReadTimexWords(std::string_view text);

}  // namespace entente

#endif  // ENTENTE_DATES_TIMEX_WORDS_H_
