// News is written in the past tense, so the default is "not ahead". A clause
// is taken to look ahead only when a future cue stands closer to the
// expression than any past-tense cue, which keeps "officials said Thursday
// that Biden will travel" on the past Thursday while "Biden will travel on
// Thursday" gets the next one. The words are read with a small ASCII
// splitter; the windows are a fixed number of words, so the cost per
// expression is constant.
#include "dates/tense_cues.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace entente {
namespace {

constexpr int kWordsBefore = 8;
constexpr int kWordsAfter = 5;

// Letters and the apostrophe, by byte: one look-up where the splitter
// below reads every byte of the windows.
constexpr std::array<bool, 256> MakeLetters() {
  std::array<bool, 256> letters{};
  for (int c = 'a'; c <= 'z'; ++c) letters[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) letters[c] = true;
  letters['\''] = true;
  return letters;
}
constexpr std::array<bool, 256> kLetters = MakeLetters();

bool IsLetter(char c) { return kLetters[static_cast<unsigned char>(c)]; }

template <std::size_t N>
bool InLower(const std::array<std::string_view, N>& list,
             std::string_view word) {
  for (std::string_view w : list) {
    if (EqualsLower(word, w)) return true;
  }
  return false;
}

// The cue words by first letter, each with what it is (a bit of kFutureWord,
// kPastWord, kToWord), so that a word is compared only with the few
// entries that share its first letter (lower-case ASCII entries); a mask
// of their lengths turns most words away before any comparison. One
// look-up answers for every list.
constexpr unsigned kFutureWord = 1, kPastWord = 2, kToWord = 4;

class CueIndex {
 public:
  template <std::size_t N>
  void Add(const std::array<std::string_view, N>& list, unsigned what) {
    for (std::string_view w : list) {
      const auto first = static_cast<unsigned char>(w[0]);
      by_letter_[first].push_back({w, what});
      if (w.size() < 32) lengths_[first] |= 1u << w.size();
    }
  }
  // What `word` is, any case: 0 when no cue word.
  unsigned Find(std::string_view word) const {
    if (word.empty() || word.size() >= 32) return 0;
    char c = word[0];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!(lengths_[static_cast<unsigned char>(c)] >> word.size() & 1u)) {
      return 0;
    }
    for (const Entry& e : by_letter_[static_cast<unsigned char>(c)]) {
      if (EqualsLower(word, e.word)) return e.what;
    }
    return 0;
  }

 private:
  struct Entry {
    std::string_view word;
    unsigned what;
  };
  std::array<std::vector<Entry>, 256> by_letter_;
  std::array<std::uint32_t, 256> lengths_{};  // bit n: an entry of length n
};

bool EndsWithLower(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() &&
         EqualsLower(word.substr(word.size() - suffix.size()), suffix);
}

// The words of a text one at a time, read as they are asked for: nearest
// to its end first when `backwards`, else nearest to its start first. A
// cue usually stands next to the expression, so most calls read one or two
// words, not the whole window.
class WordReader {
 public:
  WordReader(std::string_view text, bool backwards)
      : begin_(text.data()),
        end_(text.data() + text.size()),
        backwards_(backwards),
        p_(backwards ? end_ : begin_) {}

  // The next word, or an empty view when there is none.
  std::string_view Next() {
    if (backwards_) {
      while (p_ > begin_ && !IsLetter(p_[-1])) --p_;
      const char* word_end = p_;
      while (p_ > begin_ && IsLetter(p_[-1])) --p_;
      return std::string_view(p_, static_cast<std::size_t>(word_end - p_));
    }
    while (p_ < end_ && !IsLetter(*p_)) ++p_;
    const char* word_start = p_;
    while (p_ < end_ && IsLetter(*p_)) ++p_;
    return std::string_view(word_start,
                            static_cast<std::size_t>(p_ - word_start));
  }

 private:
  // (Pointers, not offsets: the reader reads every byte of the windows.)
  const char* begin_;
  const char* end_;
  bool backwards_;
  const char* p_;
};

enum class Cue { kNone, kFuture, kPast };

constexpr std::array<std::string_view, 21> kFuture = {
    "will",    "won't",  "shall",      "upcoming", "scheduled", "expected",
    "plans",   "plan",   "planned",    "planning", "due",       "next",
    "intends", "intend", "aims",       "hopes",    "tomorrow",  "later",
    "soon",    "coming", "forthcoming"};
constexpr std::array<std::string_view, 34> kPast = {
    "said",   "says",   "told",   "was",  "were",      "had",     "did",
    "met",    "spoke",  "took",   "made", "held",      "went",    "came",
    "gave",   "saw",    "began",  "sent", "won",       "lost",    "left",
    "struck", "fought", "ago",    "last", "yesterday", "earlier", "wrote",
    "ran",    "broke",  "became", "got",  "paid",      "led"};
constexpr std::array<std::string_view, 1> kTo = {"to"};

const CueIndex& Cues() {
  static const CueIndex cues = [] {
    CueIndex index;
    index.Add(kFuture, kFutureWord);
    index.Add(kPast, kPastWord);
    index.Add(kTo, kToWord);
    return index;
  }();
  return cues;
}

// `word` and `before` (the word before it in the text, or empty) as they
// are written; compared lower-cased.
Cue Classify(const CueIndex& cues, std::string_view word,
             std::string_view before) {
  const unsigned what = cues.Find(word);
  if (what & kFutureWord) return Cue::kFuture;
  if (word.size() > 3 && EndsWithLower(word, "'ll")) return Cue::kFuture;
  // "is to", "are to", "going to", "set to" (with `before` the word
  // preceding "to" in the text).
  static constexpr std::array<std::string_view, 6> kBeforeTo = {
      "is", "are", "am", "going", "set", "due"};
  if ((what & kToWord) && InLower(kBeforeTo, before)) return Cue::kFuture;
  // A participle after "be" or "been" ("to be published", "will be held")
  // is no past tense. (The word before is read only for a past form: most
  // words are none, and comparing it costs more than the tests of `word`.)
  static constexpr std::array<std::string_view, 3> kBe = {"be", "been",
                                                          "being"};
  const bool past_form =
      (what & kPastWord) || (word.size() > 4 && EndsWithLower(word, "ed"));
  if (past_form && !InLower(kBe, before)) return Cue::kPast;
  return Cue::kNone;
}

}  // namespace

bool LooksAhead(std::string_view sentence, std::size_t begin, std::size_t end) {
  if (end > sentence.size()) end = sentence.size();
  if (begin > end) begin = end;
  // Before: each word with the one before it (read one ahead), up to
  // kWordsBefore words.
  const CueIndex& cues = Cues();
  WordReader before(sentence.substr(0, begin), true);
  std::string_view word = before.Next();
  for (int i = 0; i < kWordsBefore && !word.empty(); ++i) {
    std::string_view previous = before.Next();
    Cue cue = Classify(cues, word, previous);
    if (cue != Cue::kNone) return cue == Cue::kFuture;
    word = previous;
  }
  WordReader after(sentence.substr(end), false);
  std::string_view previous;
  for (int i = 0; i < kWordsAfter; ++i) {
    word = after.Next();
    if (word.empty()) break;
    Cue cue = Classify(cues, word, previous);
    if (cue != Cue::kNone) return cue == Cue::kFuture;
    previous = word;
  }
  return false;
}

}  // namespace entente
