// The `dates` stage: finds time expressions in news text and normalises them
// to TIMEX3 values against the document date.
#ifndef ENTENTE_DATES_TIME_RECOGNIZER_H_
#define ENTENTE_DATES_TIME_RECOGNIZER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "dates/timex_normalizer.h"
#include "entente/types.h"
#include "text/tokens.h"

namespace entente {

// What the recogniser reports besides dates, times and durations, and how
// it reads numeric dates.
struct TimeRecognizerOptions {
  // Also report "now", "currently", "at present" as DATE "PRESENT_REF", as
  // TempEval-3 annotates them. Off by default: they never date an event.
  bool present_references = false;
  // "9/10/2021": 10 September (month first, the default), 9 October (day
  // first) or, for all-two-digit forms ("21/09/10"), year first. A first
  // number above 12 is always the day; a four-digit first number the year.
  NumericDateOrder date_order = NumericDateOrder::kMonthDayYear;
};

// Finds time expressions in news English and gives them TIMEX3 values:
// absolute dates ("Sept. 9, 2021", "2021-09-09"), months and years ("July
// 2021", "the 1990s"), weekdays ("last Friday"), relative days and units
// ("yesterday", "earlier this month", "two days ago"), seasons, quarters,
// parts ("late 2020"), durations ("eight months" → P8M), numeric dates
// ("9/10/2021"), clock times ("8 p.m. on Thursday" → TIME), sets ("every
// week" → SET P1W), ranges ("from March to May": two DATEs, the start
// taking the end's year) and expressions anchored to the date the text
// set ("the day before", "a week later": counted from the most recent
// date named before them, else from the document date).
//
// Compiled once (its patterns are one RE2 automaton) and then used
// read-only from any number of threads.
//
//   TimeRecognizer recognizer;
//   auto times = recognizer.Find(doc.text, sentences, doc.date);
//   // "Biden met Xi on Thursday." dated 2021-09-10 → "Thursday", DATE,
//   // 2021-09-09, precision day, anchored.
class TimeRecognizer {
 public:
  TimeRecognizer();
  explicit TimeRecognizer(const TimeRecognizerOptions& options);
  ~TimeRecognizer();
  TimeRecognizer(const TimeRecognizer&) = delete;
  TimeRecognizer& operator=(const TimeRecognizer&) = delete;

  // Finds the time expressions of `text` (whose sentences are `sentences`, in
  // order, byte spans) and normalises each against `document_date`.
  // Expressions that need the document date when there is none get an empty
  // value. Results are sorted by start offset and never overlap; spans are
  // byte offsets into `text` without leading prepositions ("on Thursday" →
  // "Thursday") but with modifiers ("last Friday", "early March").
  // When `sentences` is empty the whole text is read as sentence 0; sentence
  // spans beyond the text are clamped. Expressions are read in order, and
  // each anchored one counts from the last day, week, month or year named
  // before it in the text. Never fails.
  std::vector<TimeExpression> Find(
      std::string_view text, const std::vector<Sentence>& sentences,
      const std::optional<CivilDate>& document_date) const;

  // The tokens of sentence i: Tokenize(text, sentences[i].start,
  // sentences[i].end), as the pipeline makes them.
  using SentenceTokensOf = std::function<std::span<const Token>(std::size_t)>;

  // The same expressions as Find above (byte for byte), for a caller that
  // has tokenized the sentences already: the recogniser then finds where
  // expressions may be by a filter probe a word instead of a walk over
  // every byte. `tokens` is asked once for each sentence that is not empty,
  // in order; tokens outside their sentence are not used.
  std::vector<TimeExpression> Find(
      std::string_view text, const std::vector<Sentence>& sentences,
      const SentenceTokensOf& tokens,
      const std::optional<CivilDate>& document_date) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace entente

#endif  // ENTENTE_DATES_TIME_RECOGNIZER_H_
