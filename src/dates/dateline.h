// Datelines: the place (and often the date) a wire story opens with,
// "BONN, Germany, Feb. 17 (Kyodo) -", "GENEVA, June 17 (entente) -",
// "WASHINGTON (AP) —". They give a story its date when the input has none,
// or confirm the one it has.
#ifndef ENTENTE_DATES_DATELINE_H_
#define ENTENTE_DATES_DATELINE_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "entente/types.h"

namespace entente {

// What a dateline says. `month`, `day` and `year` are 0 when absent.
struct Dateline {
  std::size_t end = 0;  // byte offset just past the dash that closes it
  // The place ("WASHINGTON", "BONN" of "BONN, Germany, ..."): byte span of
  // the text up to the first comma, parenthesis or the dash, trimmed.
  std::size_t place_begin = 0, place_end = 0;
  int month = 0, day = 0, year = 0;
};

// Reads the dateline at the start of `text`: a place in capitals, optional
// ", Region" parts, an optional ", Month Day[, Year]", an optional
// "(Agency)", then a dash ("-", "--", "—", "–") within the first line and
// the first 160 bytes. nullopt when the text does not open with one.
std::optional<Dateline> ReadDateline(std::string_view text);

// The story date a dateline gives. A dateline with a full date gives it. A
// dateline with only month and day needs a year from the text: the latest
// year written out in the text's month or day dates ("Feb. 16, 2024",
// "January 2024"), as `times` (found without a document date) have them;
// when the text writes none, or the month and day are impossible in that
// year, there is no date. Never guesses beyond that.
std::optional<CivilDate> DatelineDate(std::string_view text,
                                      const std::vector<TimeExpression>& times);
// As above, given the text's dateline (ReadDateline). `times` are read only
// for a dateline of month and day without a year (DatelineNeedsYear).
std::optional<CivilDate> DatelineDate(const std::optional<Dateline>& line,
                                      const std::vector<TimeExpression>& times);
// Whether DatelineDate needs the text's dates for `line`: a month and day
// with no year. (A caller may skip finding them otherwise.)
bool DatelineNeedsYear(const std::optional<Dateline>& line);

}  // namespace entente

#endif  // ENTENTE_DATES_DATELINE_H_
