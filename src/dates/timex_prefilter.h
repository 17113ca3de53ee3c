// A cheap first pass of the dates stage: where in a sentence the time
// grammar (timex_grammar.cc) can match at all.
//
// Most of a news text holds no time expression, and the grammar's automaton
// costs tens of instructions a byte wherever it runs. Every match of the
// grammar is made of whole words (runs of ASCII letters, runs of digits)
// that all come from the grammar's own word list, and it holds at least one
// "key": a digit, a month name as the grammar writes it ("May", not "may"),
// a weekday, a unit ("week", "years"), a season, a day part, "yesterday",
// "now"... A window is a stretch of the sentence between two words that no
// match can hold, with at least one key in it; every match lies inside one
// window, so scanning only the windows finds exactly what scanning the whole
// sentence finds.
//
// The word lists live in timex_prefilter.cc and must be kept in step with
// the grammar: tests/dates/timex_prefilter_test.cc checks every word of the
// grammar's patterns against them and every match on the sample texts
// against the windows. Two rules for new alternatives of the grammar: each
// must hold a key word (add it to kKeys if it holds none), and each must
// begin with a letter or a digit (the recogniser tries matches only at
// word starts).
#ifndef ENTENTE_DATES_TIMEX_PREFILTER_H_
#define ENTENTE_DATES_TIMEX_PREFILTER_H_

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "text/tokens.h"

namespace entente {

// A byte range [begin, end) of the text.
struct TimexWindow {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Clears `windows` and fills it, in order, with the windows of
// text[from, to). Windows never overlap.
void FindTimexWindows(std::string_view text, std::size_t from, std::size_t to,
                      std::vector<TimexWindow>* windows);

// The same windows, or larger ones (never smaller), read from `tokens`,
// which must be Tokenize(text, from, to): a filter probe a word instead of
// a walk over every byte. Tokens never split a run of ASCII letters or
// digits, and the folded form of ASCII letters is their lower case: this
// relies on it (tests check it on real and random text). Tokens outside
// [from, to) make it read the bytes.
void FindTimexWindows(std::string_view text, std::size_t from, std::size_t to,
                      std::span<const Token> tokens,
                      std::vector<TimexWindow>* windows);

// What the prefilter knows of a run of ASCII letters (for tests): whether it
// can be part of a match, and whether it is a key. Months are keys only when
// capitalised as the grammar writes them ("May", "Sept").
enum TimexWordFlags : unsigned {
  kTimexWordInGrammar = 1,
  kTimexWordKey = 2,
};
unsigned TimexWordFlagsOf(std::string_view word);

}  // namespace entente

#endif  // ENTENTE_DATES_TIMEX_PREFILTER_H_
