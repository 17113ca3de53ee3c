// One pass over the bytes through a small automaton: a trie of the
// grammar's words (lower-cased) whose states also say "between words",
// "in digits" and "in a word that is none of the grammar's". Each byte costs
// two table look-ups; work is done only where a word ends (an "event"
// transition), where the state reached says what the word was. A word that
// is not the grammar's ends the current window. Nothing is allocated per
// call beyond the caller's vector.
#include "dates/timex_prefilter.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace entente {
namespace {

// Keys, any case: a match of each alternative of the grammar holds one of
// these, a digit or a capitalised month (kMonths).
constexpr std::string_view kKeys[] = {
    // weekdays (kWeekday)
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday",
    // units (kUnit, kUnitPlural, Anchored, Set, RelativeUnit, Present)
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days",
    "week", "weeks", "weekend", "weekday", "month", "months", "year", "years",
    "decade", "decades", "century", "centuries", "moment", "moments", "quarter",
    "season",
    // seasons (kSeason)
    "spring", "summer", "autumn", "fall", "winter",
    // days (RelativeDay, ClockTime) and their parts (kDayPart)
    "yesterday", "today", "tomorrow", "tonight", "morning", "afternoon",
    "evening", "night", "noon", "midnight", "midday",
    // sets (Set; the grammar takes them lower-case only)
    "daily", "weekly", "fortnightly", "monthly", "quarterly", "annually",
    "yearly", "biannually", "biennially", "nightly", "hourly",
    // Holiday, Present
    "christmas", "now", "currently", "nowadays", "present"};

// Month names: keys only as the grammar writes them, capitalised
// (kMonthFull, kMay, kMonthAbbr); any case they are still grammar words.
constexpr std::string_view kMonths[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
    "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
    "aug",     "sep",      "sept",      "oct",     "nov",      "dec"};

// Every other word a match can hold.
constexpr std::string_view kOtherWords[] = {
    // day suffixes (kDay, Year), decades ("1990s", "'90s"), "Year's"
    "st", "nd", "rd", "th", "s",
    // kPart, kRel, kPrep
    "early", "late", "mid", "the", "end", "beginning", "start", "middle", "of",
    "last", "this", "next", "past", "coming", "previous", "current", "in",
    "since", "until", "till", "by", "during", "from", "through", "before",
    "after",
    // kCount
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "few",
    "several", "couple", "dozen", "dozens", "many",
    // kApprox
    "about", "almost", "nearly", "around", "roughly", "some", "more", "than",
    "less", "at", "least", "up", "to", "just", "only",
    // Year, Weekday, SeasonQuarter, Ago, Duration
    "fiscal", "nineteenth", "twentieth", "first", "later", "earlier", "on",
    "third", "fourth", "q", "half", "ago", "hence", "following", "final",
    "recent", "for",
    // Range
    "between", "and",
    // ClockTime: "a.m.", "am", "o'clock", time zones
    "p", "m", "am", "pm", "o", "clock", "gmt", "utc", "bst", "cet", "cest",
    "eet", "eest", "msk", "est", "edt", "cst", "cdt", "mst", "mdt", "pst",
    "pdt", "jst", "kst", "ist",
    // Anchored, Set, Holiday, Present
    "same", "preceding", "that", "every", "each", "other", "single", "once",
    "twice", "times", "per", "new", "eve", "these"};

constexpr unsigned kCapitalizedKey = 4;

// Byte classes: 0 other, 1 digit, 2 + (letter - 'a') for an ASCII letter of
// either case. ('_' is "other": no match holds it, and a word next to one
// never begins or ends a match.)
constexpr unsigned kClassCount = 28;
constexpr std::array<unsigned char, 256> MakeClasses() {
  std::array<unsigned char, 256> classes{};
  for (int c = 'a'; c <= 'z'; ++c) {
    classes[c] = static_cast<unsigned char>(2 + c - 'a');
  }
  for (int c = 'A'; c <= 'Z'; ++c) {
    classes[c] = static_cast<unsigned char>(2 + c - 'A');
  }
  for (int c = '0'; c <= '9'; ++c) classes[c] = 1;
  return classes;
}
constexpr std::array<unsigned char, 256> kClasses = MakeClasses();

bool IsLetter(char c) { return kClasses[static_cast<unsigned char>(c)] >= 2; }

// The states: between words, in a run of digits, in a run of letters that
// is no grammar word's beginning; then one per trie node. A state is kept
// as its row's offset in the transition table (state * kClassCount), which
// spares the scan a multiplication on its critical path, every byte.
constexpr std::uint32_t kBetween = 0, kDigits = kClassCount,
                        kOtherWord = 2 * kClassCount;
// Set on a transition that ends a run (of letters or digits): the state it
// leaves says what the run was.
constexpr std::uint32_t kEvent = 0x80000000u;

class WordAutomaton {
 public:
  WordAutomaton() {
    next_.assign(3 * kClassCount, 0);
    // flags_ is indexed by state offsets too; only a row's first slot is
    // used.
    flags_.assign(3 * kClassCount, 0);
    flags_[kDigits] = kTimexWordInGrammar | kTimexWordKey;
    for (std::string_view w : kKeys) {
      Add(w, kTimexWordInGrammar | kTimexWordKey);
    }
    for (std::string_view w : kMonths) {
      Add(w, kTimexWordInGrammar | kCapitalizedKey);
    }
    for (std::string_view w : kOtherWords) Add(w, kTimexWordInGrammar);
    // Fill in the transitions the trie left open.
    const std::size_t size = next_.size();
    for (std::size_t s = 0; s < size; s += kClassCount) {
      bool in_letters = s >= kOtherWord;
      for (unsigned c = 0; c < kClassCount; ++c) {
        std::uint32_t& t = next_[s + c];
        if (c == 0) {
          t = s == kBetween ? kBetween : (kBetween | kEvent);
        } else if (c == 1) {
          t = in_letters ? (kDigits | kEvent) : kDigits;
        } else if (s == kBetween || s == kDigits) {
          std::uint32_t first = next_[kBetween + c];
          t = first != 0 ? first : kOtherWord;
          if (s == kDigits) t |= kEvent;
        } else if (t == 0) {
          t = kOtherWord;
        }
      }
    }
  }

  std::uint32_t Next(std::uint32_t state, unsigned char byte) const {
    return next_[state + kClasses[byte]];
  }
  // The flags of the run that ends in `state`.
  unsigned Flags(std::uint32_t state) const { return flags_[state]; }
  const std::uint32_t* next() const { return next_.data(); }
  const unsigned char* flags() const { return flags_.data(); }

 private:
  // Adds the trie path of `w` from kBetween (whose letter transitions are
  // the trie's root) and marks its last state.
  void Add(std::string_view w, unsigned flags) {
    std::uint32_t s = kBetween;
    for (char ch : w) {
      unsigned c = kClasses[static_cast<unsigned char>(ch)];
      std::uint32_t t = next_[s + c];
      if (t == 0) {
        t = static_cast<std::uint32_t>(next_.size());
        next_.resize(next_.size() + kClassCount, 0);
        flags_.resize(flags_.size() + kClassCount, 0);
        next_[s + c] = t;
      }
      s = t;
    }
    flags_[s] = static_cast<unsigned char>(flags);
  }

  std::vector<std::uint32_t> next_;   // [state + class]
  std::vector<unsigned char> flags_;  // [state]
};

const WordAutomaton& Automaton() {
  static const WordAutomaton automaton;
  return automaton;
}

// Resolves kCapitalizedKey for the letters that end at `end`: a key only
// when written as the grammar writes months ("May", "Sept").
unsigned Resolve(unsigned flags, const char* data, const char* end) {
  if (!(flags & kCapitalizedKey)) return flags;
  const char* start = end;
  while (start > data && IsLetter(start[-1])) --start;
  flags &= ~kCapitalizedKey;
  if (*start < 'A' || *start > 'Z') return flags;
  for (const char* p = start + 1; p < end; ++p) {
    if (*p < 'a' || *p > 'z') return flags;
  }
  return flags | kTimexWordKey;
}

}  // namespace

unsigned TimexWordFlagsOf(std::string_view word) {
  if (word.empty()) return 0;
  const WordAutomaton& a = Automaton();
  std::uint32_t s = kBetween;
  for (char c : word) {
    if (!IsLetter(c)) return 0;
    s = a.Next(s, static_cast<unsigned char>(c)) & ~kEvent;
  }
  return Resolve(a.Flags(s), word.data(), word.data() + word.size());
}

void FindTimexWindows(std::string_view text, std::size_t from, std::size_t to,
                      std::vector<TimexWindow>* windows) {
  windows->clear();
  const WordAutomaton& automaton = Automaton();
  const std::uint32_t* const next_state = automaton.next();
  const unsigned char* const flags_of = automaton.flags();
  const char* const data = text.data();
  const char* const start = data + from;
  const char* const end = data + to;
  const char* begin = start;  // just after the last non-grammar word
  bool key = false;
  // A run of letters or digits ended just before `p`, in `state`. (The
  // loop below handles the two usual cases itself: a word no match holds
  // with no key seen, and a grammar word that is no key.)
  auto run_end = [&](std::size_t state, const char* p) {
    unsigned flags = flags_of[state];
    if (flags == 0) {
      if (key) {
        const char* word = p;
        while (word > start && IsLetter(word[-1])) --word;
        windows->push_back({static_cast<std::size_t>(begin - data),
                            static_cast<std::size_t>(word - data)});
        key = false;
      }
      begin = p;
    } else if (flags != kTimexWordInGrammar) {
      key = key || (Resolve(flags, start, p) & kTimexWordKey) != 0;
    }
  };
  // (A std::size_t state spares a zero extension a byte.)
  std::size_t state = kBetween;
  for (const char* p = start; p < end; ++p) {
    if (state == kOtherWord) {
      // The rest of a word that no match holds: its letters change
      // nothing, so skip them without the tables.
      while (p < end && IsLetter(*p)) ++p;
      if (p == end) break;
    }
    std::size_t next =
        next_state[state + kClasses[static_cast<unsigned char>(*p)]];
    // Rarer than a plain step (once a word), so laid out off the loop.
    if (next & kEvent) [[unlikely]] {
      unsigned flags = flags_of[state];
      if (flags == 0 && !key) {
        begin = p;  // the usual case: a word no match holds, no key yet
      } else if (flags != kTimexWordInGrammar) {
        run_end(state, p);
      }
    }
    state = next & ~kEvent;
  }
  if (state != kBetween) run_end(state, end);
  if (key) {
    windows->push_back({static_cast<std::size_t>(begin - data), to});
  }
}

}  // namespace entente
