// News is written in the past tense, so the default is "not ahead". A clause
// is taken to look ahead only when a future cue stands closer to the
// expression than any past-tense cue, which keeps "officials said Thursday
// that Biden will travel" on the past Thursday while "Biden will travel on
// Thursday" gets the next one. The words are read with a small ASCII
// splitter; the windows are a fixed number of words, so the cost per
// expression is constant.
#include "dates/tense_cues.h"

#include <string>
#include <unordered_set>
#include <vector>

namespace entente {
namespace {

constexpr int kWordsBefore = 8;
constexpr int kWordsAfter = 5;

bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
}

std::string Lower(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Up to `limit` words of text[from, to), nearest to `to` first when
// `backwards`, else nearest to `from` first.
std::vector<std::string> Words(std::string_view text, bool backwards,
                               int limit) {
  std::vector<std::string> words;
  std::size_t i = backwards ? text.size() : 0;
  while (static_cast<int>(words.size()) < limit) {
    if (backwards) {
      while (i > 0 && !IsLetter(text[i - 1])) --i;
      std::size_t word_end = i;
      while (i > 0 && IsLetter(text[i - 1])) --i;
      if (i == word_end) break;
      words.push_back(Lower(text.substr(i, word_end - i)));
    } else {
      while (i < text.size() && !IsLetter(text[i])) ++i;
      std::size_t word_start = i;
      while (i < text.size() && IsLetter(text[i])) ++i;
      if (i == word_start) break;
      words.push_back(Lower(text.substr(word_start, i - word_start)));
    }
  }
  return words;
}

enum class Cue { kNone, kFuture, kPast };

Cue Classify(const std::string& word, const std::string& before) {
  static const auto* future = new std::unordered_set<std::string>{
      "will",    "won't",  "shall",      "upcoming", "scheduled", "expected",
      "plans",   "plan",   "planned",    "planning", "due",       "next",
      "intends", "intend", "aims",       "hopes",    "tomorrow",  "later",
      "soon",    "coming", "forthcoming"};
  static const auto* past = new std::unordered_set<std::string>{
      "said",   "says",   "told",   "was",  "were",      "had",     "did",
      "met",    "spoke",  "took",   "made", "held",      "went",    "came",
      "gave",   "saw",    "began",  "sent", "won",       "lost",    "left",
      "struck", "fought", "ago",    "last", "yesterday", "earlier", "wrote",
      "ran",    "broke",  "became", "got",  "paid",      "led"};
  if (future->count(word)) return Cue::kFuture;
  if (word.size() > 3 && word.compare(word.size() - 3, 3, "'ll") == 0) {
    return Cue::kFuture;
  }
  // "is to", "are to", "going to", "set to" (with `before` the word
  // preceding "to" in the text).
  if (word == "to" &&
      (before == "is" || before == "are" || before == "am" ||
       before == "going" || before == "set" || before == "due")) {
    return Cue::kFuture;
  }
  // A participle after "be" or "been" ("to be published", "will be held")
  // is no past tense.
  if (before == "be" || before == "been" || before == "being") {
    return Cue::kNone;
  }
  if (past->count(word)) return Cue::kPast;
  if (word.size() > 4 && word.compare(word.size() - 2, 2, "ed") == 0) {
    return Cue::kPast;
  }
  return Cue::kNone;
}

}  // namespace

bool LooksAhead(std::string_view sentence, std::size_t begin, std::size_t end) {
  if (end > sentence.size()) end = sentence.size();
  if (begin > end) begin = end;
  std::vector<std::string> before =
      Words(sentence.substr(0, begin), true, kWordsBefore + 1);
  for (std::size_t i = 0; i < before.size() && i < kWordsBefore; ++i) {
    const std::string previous = i + 1 < before.size() ? before[i + 1] : "";
    Cue cue = Classify(before[i], previous);
    if (cue != Cue::kNone) return cue == Cue::kFuture;
  }
  std::vector<std::string> after =
      Words(sentence.substr(end), false, kWordsAfter);
  for (std::size_t i = 0; i < after.size(); ++i) {
    Cue cue = Classify(after[i], i > 0 ? after[i - 1] : "");
    if (cue != Cue::kNone) return cue == Cue::kFuture;
  }
  return false;
}

}  // namespace entente
