// Words around a relation trigger that change what the event is: negation
// ("did not meet"), future and intention ("will meet", "plans to visit"),
// conditionals ("could meet") and attribution ("..., the ministry said").
#ifndef ENTENTE_EVENTS_SENTENCE_CUES_H_
#define ENTENTE_EVENTS_SENTENCE_CUES_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokens.h"

namespace entente {

struct Cues {
  bool negated = false;
  std::string modality = "asserted";  // asserted|reported|planned|hypothetical
  // An explicit condition ("if", "unless") in the clause: a coercive act
  // on a condition is a threat (CAMEO 13), not mere speculation.
  bool on_condition = false;
  // Planned only because a governing act that happened plans it ("agreed
  // to tighten sanctions"): dated as that act is, by its past reading.
  bool governor_happened = false;
};

// Reads the cues for a trigger starting at token `trigger` of a sentence
// whose clause is tokens [left, right). Without `condition_counts`, an
// "if"/"unless" in the clause sets `on_condition` but not the modality
// (a threat names its condition and is still made).
Cues ReadCues(const std::vector<Token>& tokens, std::size_t trigger,
              std::size_t left, std::size_t right,
              bool condition_counts = true);

// What ReadCues needs of a whole sentence, indexed once for all the
// triggers of the sentence: where its reporting words and its conditions
// ("if", "unless") are. Index() may be called again for the next
// sentence; the buffers are reused.
class SentenceCueIndex {
 public:
  void Index(const std::vector<Token>& tokens);
  // As Index, for a caller that knows already which of the `n` tokens are
  // reporting words (IsReportingWord) and which are "if" or "unless":
  // `reporting(i)` and `condition(i)` say so of token i.
  template <typename Reporting, typename Condition>
  void Index(std::size_t n, Reporting reporting, Condition condition) {
    reporting_.clear();
    conditions_.clear();
    for (std::size_t i = 0; i < n; ++i) {
      if (reporting(i)) reporting_.push_back(i);
      if (condition(i)) conditions_.push_back(i);
    }
  }

 private:
  friend Cues ReadCues(const std::vector<Token>& tokens,
                       const SentenceCueIndex& index, std::size_t trigger,
                       std::size_t left, std::size_t right,
                       bool condition_counts);
  // Token positions, in order (a sentence has few of either).
  std::vector<std::size_t> reporting_, conditions_;
};

// As above, with `index` built for `tokens` (the same cues, read without
// a scan of the whole sentence per trigger).
Cues ReadCues(const std::vector<Token>& tokens, const SentenceCueIndex& index,
              std::size_t trigger, std::size_t left, std::size_t right,
              bool condition_counts = true);

// "is", "was", "were", "been", "be", "being", "are".
bool IsBeVerb(std::string_view folded);

// Verbs and phrases that attribute what follows or precedes to a speaker:
// "said", "says", "told", "according", "announced", "stated", "added".
bool IsReportingWord(std::string_view folded);
// The words IsReportingWord accepts, for tables of word classes.
std::span<const std::string_view> ReportingWords();

// Words that end the stretch where a trigger's object can be: a comma or
// a subordinating word ("since", "after", "because", "while", "but").
bool IsClauseBreak(std::string_view folded);

}  // namespace entente

#endif  // ENTENTE_EVENTS_SENTENCE_CUES_H_
