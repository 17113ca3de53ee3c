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

// A word list by first letter, so that a word is compared only with the
// few entries that share its first letter (lower-case ASCII entries); a
// mask of their lengths turns most words away before any comparison.
class LetterIndex {
 public:
  template <std::size_t N>
  explicit LetterIndex(const std::array<std::string_view, N>& list) {
    for (std::string_view w : list) {
      by_letter_[static_cast<unsigned char>(w[0])].push_back(w);
      if (w.size() < 32) {
        lengths_[static_cast<unsigned char>(w[0])] |= 1u << w.size();
      }
    }
  }
  bool Has(std::string_view word) const {
    if (word.empty() || word.size() >= 32) return false;
    char c = word[0];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!(lengths_[static_cast<unsigned char>(c)] >> word.size() & 1u)) {
      return false;
    }
    for (std::string_view w : by_letter_[static_cast<unsigned char>(c)]) {
      if (EqualsLower(word, w)) return true;
    }
    return false;
  }

 private:
  std::array<std::vector<std::string_view>, 256> by_letter_;
  std::array<std::uint32_t, 256> lengths_{};  // bit n: an entry of length n
};

bool EndsWithLower(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() &&
         EqualsLower(word.substr(word.size() - suffix.size()), suffix);
}

// Up to `limit` (at most N) words of `text`, nearest to its end first when
// `backwards`, else nearest to its start first; returns how many.
template <std::size_t N>
std::size_t Words(std::string_view text, bool backwards, std::size_t limit,
                  std::array<std::string_view, N>* words) {
  std::size_t n = 0;
  std::size_t i = backwards ? text.size() : 0;
  while (n < limit && n < N) {
    if (backwards) {
      while (i > 0 && !IsLetter(text[i - 1])) --i;
      std::size_t word_end = i;
      while (i > 0 && IsLetter(text[i - 1])) --i;
      if (i == word_end) break;
      (*words)[n++] = text.substr(i, word_end - i);
    } else {
      while (i < text.size() && !IsLetter(text[i])) ++i;
      std::size_t word_start = i;
      while (i < text.size() && IsLetter(text[i])) ++i;
      if (i == word_start) break;
      (*words)[n++] = text.substr(word_start, i - word_start);
    }
  }
  return n;
}

enum class Cue { kNone, kFuture, kPast };

// `word` and `before` (the word before it in the text, or empty) as they
// are written; compared lower-cased.
Cue Classify(std::string_view word, std::string_view before) {
  static constexpr std::array<std::string_view, 21> kFuture = {
      "will",    "won't",  "shall",      "upcoming", "scheduled", "expected",
      "plans",   "plan",   "planned",    "planning", "due",       "next",
      "intends", "intend", "aims",       "hopes",    "tomorrow",  "later",
      "soon",    "coming", "forthcoming"};
  static constexpr std::array<std::string_view, 34> kPast = {
      "said",   "says",   "told",   "was",  "were",      "had",     "did",
      "met",    "spoke",  "took",   "made", "held",      "went",    "came",
      "gave",   "saw",    "began",  "sent", "won",       "lost",    "left",
      "struck", "fought", "ago",    "last", "yesterday", "earlier", "wrote",
      "ran",    "broke",  "became", "got",  "paid",      "led"};
  static const LetterIndex future(kFuture), past(kPast);
  if (future.Has(word)) return Cue::kFuture;
  if (word.size() > 3 && EndsWithLower(word, "'ll")) return Cue::kFuture;
  // "is to", "are to", "going to", "set to" (with `before` the word
  // preceding "to" in the text).
  static constexpr std::array<std::string_view, 6> kBeforeTo = {
      "is", "are", "am", "going", "set", "due"};
  if (EqualsLower(word, "to") && InLower(kBeforeTo, before)) {
    return Cue::kFuture;
  }
  // A participle after "be" or "been" ("to be published", "will be held")
  // is no past tense.
  static constexpr std::array<std::string_view, 3> kBe = {"be", "been",
                                                          "being"};
  if (InLower(kBe, before)) return Cue::kNone;
  if (past.Has(word)) return Cue::kPast;
  if (word.size() > 4 && EndsWithLower(word, "ed")) return Cue::kPast;
  return Cue::kNone;
}

}  // namespace

bool LooksAhead(std::string_view sentence, std::size_t begin, std::size_t end) {
  if (end > sentence.size()) end = sentence.size();
  if (begin > end) begin = end;
  std::array<std::string_view, kWordsBefore + 1> before;
  std::size_t n = Words(sentence.substr(0, begin), true, kWordsBefore + 1,
                        &before);
  for (std::size_t i = 0; i < n && i < kWordsBefore; ++i) {
    std::string_view previous = i + 1 < n ? before[i + 1] : std::string_view();
    Cue cue = Classify(before[i], previous);
    if (cue != Cue::kNone) return cue == Cue::kFuture;
  }
  std::array<std::string_view, kWordsAfter> after;
  n = Words(sentence.substr(end), false, kWordsAfter, &after);
  for (std::size_t i = 0; i < n; ++i) {
    Cue cue = Classify(after[i], i > 0 ? after[i - 1] : std::string_view());
    if (cue != Cue::kNone) return cue == Cue::kFuture;
  }
  return false;
}

}  // namespace entente
