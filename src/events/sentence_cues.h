// Words around a relation trigger that change what the event is: negation
// ("did not meet"), future and intention ("will meet", "plans to visit"),
// conditionals ("could meet") and attribution ("..., the ministry said").
#ifndef ENTENTE_EVENTS_SENTENCE_CUES_H_
#define ENTENTE_EVENTS_SENTENCE_CUES_H_

#include <array>
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
  // asserted|reported|planned|hypothetical. (A view of a literal: cues
  // are copied from trigger to trigger, and a copy copies no string.)
  std::string_view modality = "asserted";
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

// The word lists ReadCues asks about each token near a trigger (negation,
// future, conditional, offer, subordinating words and determiners), for a
// caller that looks each token up once in a word-class table of its own
// (events/word_classes.h): a token's classes in these lists, list k giving
// bit 1 << k, are what SentenceCueIndex::Add takes.
inline constexpr std::size_t kCueLists = 6;
std::array<std::span<const std::string_view>, kCueLists> CueWordLists();

// What ReadCues needs of a whole sentence, indexed once for all the
// triggers of the sentence: where its reporting words and its conditions
// ("if", "unless") are, and the cue classes of each token. Index() may be
// called again for the next sentence; the buffers are reused.
class SentenceCueIndex {
 public:
  void Index(const std::vector<Token>& tokens);
  // As Index, for a caller that has looked each token up already in a
  // word-class table of its own: `classes[i] >> shift` are token i's
  // classes in CueWordLists() (list k: bit k). Then AddReporting(i) for
  // each reporting word (IsReportingWord) and AddCondition(i) for each
  // "if" or "unless", in order. The index views `classes`, which must
  // stay as they are while ReadCues reads it.
  void Index(std::span<const std::uint32_t> classes, int shift) {
    reporting_.clear();
    conditions_.clear();
    classes_ = classes.data();
    shift_ = shift;
  }
  void AddReporting(std::size_t i) { reporting_.push_back(i); }
  void AddCondition(std::size_t i) { conditions_.push_back(i); }

 private:
  friend Cues ReadCues(const std::vector<Token>& tokens,
                       const SentenceCueIndex& index, std::size_t trigger,
                       std::size_t left, std::size_t right,
                       bool condition_counts);
  // Token positions, in order (a sentence has few of either).
  std::vector<std::size_t> reporting_, conditions_;
  // The classes of each token in CueWordLists, shifted left by `shift_`:
  // `own_classes_` (Index(tokens)) or the caller's.
  const std::uint32_t* classes_ = nullptr;
  int shift_ = 0;
  std::vector<std::uint32_t> own_classes_;
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
