// Splits the expression into lower-cased words and looks each up in one
// table of word classes. Digits are read by shape: four digits are a year,
// digits with st/nd/rd/th an ordinal, digits with "s" a decade. The few
// readings that need a neighbour ("twenty" + "five", "day before
// yesterday", "from now") look at the previous word only.
#include "dates/timex_words.h"

#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace entente {
namespace {

enum class WordClass {
  kMonth,
  kWeekday,
  kRelation,
  kUnit,
  kSeason,
  kDayPart,
  kCardinal,
  kTens,
  kOrdinal,
  kUnknownCount,
  kDayOffset,
  kAgo,
  kHence,
  kNow,
  kChristmas,
  kNew,
  kEve,
  kSecond,
  kShift,
  kEvery,
  kOther,
  kPerUnit,
};

struct WordInfo {
  WordClass word_class;
  int value = 0;
  const char* code = "";
};

// A hash of the length and three letters: the words of the table differ
// there, and it costs a few instructions where std::hash reads every byte.
struct WordHash {
  std::size_t operator()(std::string_view w) const {
    if (w.empty()) return 0;
    auto at = [&w](std::size_t i) {
      return static_cast<std::size_t>(static_cast<unsigned char>(w[i]));
    };
    return (w.size() * 0x9E3779B97F4A7C15u) ^ (at(0) << 8) ^
           (at(w.size() - 1) << 16) ^ (at(w.size() / 2) << 24);
  }
};

// The word table: open addressing over a power-of-two array a third full,
// so a look-up is one hash, a mask and (almost always) one comparison,
// where std::unordered_map divides by a prime and follows a node list.
// The first entry given for a word wins, as std::unordered_map's does.
class WordMap {
 public:
  WordMap(std::initializer_list<std::pair<std::string_view, WordInfo>> words) {
    std::size_t slots = 16;
    shift_ = 60;
    while (slots < 3 * words.size()) slots *= 2, --shift_;
    slots_.resize(slots);
    for (const auto& [word, info] : words) {
      std::size_t i = SlotOf(word);
      while (slots_[i].used && slots_[i].word != word) {
        i = (i + 1) & (slots - 1);
      }
      if (slots_[i].used) continue;
      slots_[i] = {word, info, true};
    }
  }

  // The entry of `word`, or null.
  const WordInfo* Find(std::string_view word) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = SlotOf(word);; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (!slot.used) return nullptr;
      if (slot.word == word) return &slot.info;
    }
  }

 private:
  struct Slot {
    std::string_view word;
    WordInfo info;
    bool used = false;
  };
  // The top bits of the hash times a large odd constant: the hash's low
  // bits alone hardly vary (they hold the length's product).
  std::size_t SlotOf(std::string_view word) const {
    return static_cast<std::size_t>(
        (static_cast<std::uint64_t>(WordHash()(word)) * 0x9E3779B97F4A7C15ull) >>
        shift_);
  }

  std::vector<Slot> slots_;
  int shift_ = 60;  // 64 - log2(slots)
};

const WordMap& WordTable() {
  using W = WordClass;
  static const auto* table = new WordMap{
      {"january", {W::kMonth, 1}},
      {"jan", {W::kMonth, 1}},
      {"february", {W::kMonth, 2}},
      {"feb", {W::kMonth, 2}},
      {"march", {W::kMonth, 3}},
      {"mar", {W::kMonth, 3}},
      {"april", {W::kMonth, 4}},
      {"apr", {W::kMonth, 4}},
      {"may", {W::kMonth, 5}},
      {"june", {W::kMonth, 6}},
      {"jun", {W::kMonth, 6}},
      {"july", {W::kMonth, 7}},
      {"jul", {W::kMonth, 7}},
      {"august", {W::kMonth, 8}},
      {"aug", {W::kMonth, 8}},
      {"september", {W::kMonth, 9}},
      {"sep", {W::kMonth, 9}},
      {"sept", {W::kMonth, 9}},
      {"october", {W::kMonth, 10}},
      {"oct", {W::kMonth, 10}},
      {"november", {W::kMonth, 11}},
      {"nov", {W::kMonth, 11}},
      {"december", {W::kMonth, 12}},
      {"dec", {W::kMonth, 12}},
      {"monday", {W::kWeekday, 1}},
      {"tuesday", {W::kWeekday, 2}},
      {"wednesday", {W::kWeekday, 3}},
      {"thursday", {W::kWeekday, 4}},
      {"friday", {W::kWeekday, 5}},
      {"saturday", {W::kWeekday, 6}},
      {"sunday", {W::kWeekday, 7}},
      {"last", {W::kRelation, -1}},
      {"past", {W::kRelation, -1}},
      {"previous", {W::kRelation, -1}},
      {"this", {W::kRelation, 0}},
      {"current", {W::kRelation, 0}},
      {"next", {W::kRelation, 1}},
      {"coming", {W::kRelation, 1}},
      {"minute", {W::kUnit, 0, "minute"}},
      {"hour", {W::kUnit, 0, "hour"}},
      {"day", {W::kUnit, 0, "day"}},
      {"week", {W::kUnit, 0, "week"}},
      {"weekend", {W::kUnit, 0, "weekend"}},
      {"month", {W::kUnit, 0, "month"}},
      {"year", {W::kUnit, 0, "year"}},
      {"quarter", {W::kUnit, 0, "quarter"}},
      {"half", {W::kUnit, 0, "half"}},
      {"decade", {W::kUnit, 0, "decade"}},
      {"century", {W::kUnit, 0, "century"}},
      {"centuries", {W::kUnit, 0, "century"}},
      {"spring", {W::kSeason, 0, "SP"}},
      {"summer", {W::kSeason, 0, "SU"}},
      {"autumn", {W::kSeason, 0, "FA"}},
      {"fall", {W::kSeason, 0, "FA"}},
      {"winter", {W::kSeason, 0, "WI"}},
      {"morning", {W::kDayPart, 0, "MO"}},
      {"afternoon", {W::kDayPart, 0, "AF"}},
      {"evening", {W::kDayPart, 0, "EV"}},
      {"night", {W::kDayPart, 0, "NI"}},
      {"a", {W::kCardinal, 1}},
      {"an", {W::kCardinal, 1}},
      {"one", {W::kCardinal, 1}},
      {"two", {W::kCardinal, 2}},
      {"three", {W::kCardinal, 3}},
      {"four", {W::kCardinal, 4}},
      {"five", {W::kCardinal, 5}},
      {"six", {W::kCardinal, 6}},
      {"seven", {W::kCardinal, 7}},
      {"eight", {W::kCardinal, 8}},
      {"nine", {W::kCardinal, 9}},
      {"ten", {W::kCardinal, 10}},
      {"eleven", {W::kCardinal, 11}},
      {"twelve", {W::kCardinal, 12}},
      {"thirteen", {W::kCardinal, 13}},
      {"fourteen", {W::kCardinal, 14}},
      {"fifteen", {W::kCardinal, 15}},
      {"sixteen", {W::kCardinal, 16}},
      {"seventeen", {W::kCardinal, 17}},
      {"eighteen", {W::kCardinal, 18}},
      {"nineteen", {W::kCardinal, 19}},
      {"couple", {W::kCardinal, 2}},
      {"dozen", {W::kCardinal, 12}},
      {"hundred", {W::kCardinal, 100}},
      {"twenty", {W::kTens, 20}},
      {"thirty", {W::kTens, 30}},
      {"forty", {W::kTens, 40}},
      {"fifty", {W::kTens, 50}},
      {"sixty", {W::kTens, 60}},
      {"seventy", {W::kTens, 70}},
      {"eighty", {W::kTens, 80}},
      {"ninety", {W::kTens, 90}},
      {"first", {W::kOrdinal, 1}},
      {"second", {W::kSecond, 2}},
      {"third", {W::kOrdinal, 3}},
      {"fourth", {W::kOrdinal, 4}},
      {"nineteenth", {W::kOrdinal, 19}},
      {"twentieth", {W::kOrdinal, 20}},
      {"few", {W::kUnknownCount}},
      {"several", {W::kUnknownCount}},
      {"many", {W::kUnknownCount}},
      {"dozens", {W::kUnknownCount}},
      {"yesterday", {W::kDayOffset, -1}},
      {"today", {W::kDayOffset, 0}},
      {"tonight", {W::kDayOffset, 0, "NI"}},
      {"tomorrow", {W::kDayOffset, 1}},
      {"ago", {W::kAgo}},
      {"hence", {W::kHence}},
      {"now", {W::kNow}},
      {"later", {W::kShift, 1}},
      {"after", {W::kShift, 1}},
      {"following", {W::kShift, 1}},
      {"earlier", {W::kShift, -1}},
      {"before", {W::kShift, -1}},
      {"preceding", {W::kShift, -1}},
      {"same", {W::kShift, 0}},
      {"that", {W::kShift, 0}},
      {"moment", {W::kUnit, 0, "second"}},
      {"every", {W::kEvery}},
      {"each", {W::kEvery}},
      {"other", {W::kOther}},
      {"daily", {W::kPerUnit, 0, "day"}},
      {"nightly", {W::kPerUnit, 0, "night"}},
      {"hourly", {W::kPerUnit, 0, "hour"}},
      {"weekly", {W::kPerUnit, 0, "week"}},
      {"fortnightly", {W::kPerUnit, 0, "fortnight"}},
      {"monthly", {W::kPerUnit, 0, "month"}},
      {"quarterly", {W::kPerUnit, 0, "quarter"}},
      {"annually", {W::kPerUnit, 0, "year"}},
      {"yearly", {W::kPerUnit, 0, "year"}},
      {"biannually", {W::kPerUnit, 0, "half"}},
      {"biennially", {W::kPerUnit, 0, "biennium"}},
      {"weekday", {W::kUnit, 0, "weekday"}},
      {"season", {W::kUnit, 0, "season"}},
      {"christmas", {W::kChristmas}},
      {"new", {W::kNew}},
      {"eve", {W::kEve}},
  };
  return *table;
}

// Calls `fn` with each lower-cased ASCII word of `text` (letters, digits,
// apostrophes); a period between digits stays inside ("1.5"). A word is a
// contiguous run of the text, so its bytes are lower-cased into a buffer
// (on the stack for the usual short expression) at their offsets in the
// text, and the words are views of it; the bytes between words, which no
// word holds, are skipped, not copied.
template <typename Fn>
void ForEachWord(std::string_view text, Fn fn) {
  char stack[64];
  std::string heap;
  char* buffer = stack;
  if (text.size() > sizeof stack) {
    heap.resize(text.size());
    buffer = heap.data();
  }
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  // Lower-casing changes no byte's class: a letter stays a letter, and
  // digits, apostrophes and periods are left as they are.
  auto in_word = [&digit](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) ||
           c == '\'';
  };
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    while (i < size && !in_word(text[i])) ++i;
    if (i == size) break;
    std::size_t start = i;
    // (A period is never a word's first byte: it needs a digit before it
    // in the word.)
    while (i < size &&
           (in_word(text[i]) || (text[i] == '.' && digit(text[i - 1]) &&
                                 i + 1 < size && digit(text[i + 1])))) {
      const char c = text[i];
      buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      ++i;
    }
    fn(std::string_view(buffer + start, i - start));
  }
}

// Reads a word that starts with a digit (or "'90s").
void ReadNumeric(std::string_view w, TimexWords& out) {
  bool apostrophe = !w.empty() && w[0] == '\'';
  if (apostrophe) w.remove_prefix(1);
  std::size_t digits = 0;
  while (digits < w.size() &&
         ((w[digits] >= '0' && w[digits] <= '9') || w[digits] == '.')) {
    ++digits;
  }
  if (digits == 0 || digits > 9) return;
  std::string number(w.substr(0, digits));
  std::string_view suffix = w.substr(digits);
  int value = std::atoi(number.c_str());
  if (suffix == "s" || suffix == "'s") {
    if (apostrophe) value += value < 30 ? 2000 : 1900;  // the '90s
    out.decade = value / 10;
  } else if (suffix == "st" || suffix == "nd" || suffix == "rd" ||
             suffix == "th") {
    out.ordinal = value;
  } else if (!suffix.empty()) {
    return;
  } else if (digits == 4) {
    out.year = value;
  } else {
    out.number = value;
    // All digits (at most nine): the integer already read, as atof would
    // read it, without its cost.
    out.count = number.find('.') == std::string::npos
                    ? static_cast<double>(value)
                    : std::atof(number.c_str());
    out.has_count = true;
  }
}

// Reads one word into `out`; `previous` is the word before it, or empty.
void ReadWord(std::string_view w, std::string_view previous,
              TimexWords& out) {
  if ((w[0] >= '0' && w[0] <= '9') || (w[0] == '\'' && w.size() > 1)) {
    ReadNumeric(w, out);
    return;
  }
  if (w.size() == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4') {
    out.quarter = w[1] - '0';
    return;
  }
  const WordMap& table = WordTable();
  std::string_view key = w;
  const WordInfo* found = table.Find(key);
  if (key.size() > 3 && key.back() == 's' && found == nullptr) {
    key.remove_suffix(1);  // plurals: "years", "days"
  }
  if (key.size() > 2 && key.substr(key.size() - 2) == "'s") {
    key.remove_suffix(2);  // "year's"
  }
  if (key.size() != w.size()) found = table.Find(key);
  if (found == nullptr) return;
  const WordInfo& info = *found;
  using W = WordClass;
  switch (info.word_class) {
    case W::kMonth:
      out.month = info.value;
      break;
    case W::kWeekday:
      out.weekday = info.value;
      break;
    case W::kRelation:
      out.relation = info.value < 0    ? TimexRelation::kLast
                     : info.value == 0 ? TimexRelation::kThis
                                       : TimexRelation::kNext;
      break;
    case W::kUnit:
      out.unit = info.code;
      break;
    case W::kSecond:
      out.ordinal = 2;
      out.unit = "second";
      break;
    case W::kSeason:
      out.season = info.code;
      break;
    case W::kDayPart:
      out.day_part = info.code;
      break;
    case W::kCardinal: {
      // "a dozen" is 12, "twenty-five" 25, "two hundred" 200.
      const WordInfo* before = table.Find(previous);
      bool after_tens = before != nullptr && before->word_class == W::kTens;
      if (after_tens && info.value < 10) {
        out.count += info.value;
      } else if (info.value == 100 && out.has_count) {
        out.count *= 100;
      } else {
        out.count = info.value;
      }
      out.has_count = true;
      break;
    }
    case W::kTens:
      out.count = info.value;
      out.has_count = true;
      break;
    case W::kOrdinal:
      out.ordinal = (previous == "twenty" && info.value < 10)
                        ? 20 + info.value
                        : info.value;
      break;
    case W::kUnknownCount:
      out.count_unknown = true;
      break;
    case W::kDayOffset:
      out.has_day_offset = true;
      out.day_offset = info.value;
      if (previous == "before") out.day_offset -= 1;
      if (previous == "after") out.day_offset += 1;
      if (*info.code) out.day_part = info.code;
      break;
    case W::kAgo:
      out.ago = true;
      break;
    case W::kHence:
      out.from_now = true;
      break;
    case W::kNow:
      out.from_now = previous == "from";
      break;
    case W::kChristmas:
      out.christmas = true;
      break;
    case W::kNew:
      out.new_year = true;
      break;
    case W::kEve:
      out.eve = true;
      break;
    case W::kShift:
      if (info.value == 0) {
        out.same = true;
      } else {
        out.shift = info.value;
        out.has_shift = true;
      }
      break;
    case W::kEvery:
      out.every = true;
      break;
    case W::kOther:
      out.other = true;
      break;
    case W::kPerUnit:
      out.every = true;
      out.unit = info.code;
      break;
  }
}

}  // namespace

TimexWords ReadTimexWords(std::string_view text) {
  TimexWords out;
  std::string_view previous;
  ForEachWord(text, [&out, &previous](std::string_view w) {
    ReadWord(w, previous, out);
    previous = w;
  });
  return out;
}

}  // namespace entente
