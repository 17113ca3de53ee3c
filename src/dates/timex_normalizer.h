// Computing TIMEX3 values for recognised time expressions.
#ifndef ENTENTE_DATES_TIMEX_NORMALIZER_H_
#define ENTENTE_DATES_TIMEX_NORMALIZER_H_

#include <optional>
#include <string>
#include <string_view>

#include "dates/timex_grammar.h"
#include "entente/types.h"

namespace entente {

// The normalised part of a TimeExpression.
struct TimexValue {
  std::string type;       // DATE | TIME | DURATION
  std::string value;      // TIMEX3 value; empty when it could not be computed
  std::string precision;  // day | week | month | ... (DATE and TIME only)
  bool anchored = false;  // the value was computed from the document date
};

// Computes the value of `text`, an expression of `kind` (as the grammar
// matched it, prepositions already stripped), against `document_date`.
// `looks_ahead` says whether the clause around it points to the future; it
// decides which way underspecified expressions ("Thursday", "in March",
// "Sept. 9") resolve: the most recent one on or before the document date
// when false, the next one after it when true.
//
// Returns nullopt when the words cannot be a time expression after all (an
// impossible date such as "February 30"). When the value needs the document
// date and there is none, returns the type with an empty value.
std::optional<TimexValue> NormalizeTimex(
    TimexKind kind, std::string_view text,
    const std::optional<CivilDate>& document_date, bool looks_ahead);

}  // namespace entente

#endif  // ENTENTE_DATES_TIMEX_NORMALIZER_H_
