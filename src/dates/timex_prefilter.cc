// One pass over the bytes through a small automaton: a trie of the
// grammar's words (lower-cased) whose states also say "between words",
// "in digits" and "in a word that is none of the grammar's". Each byte costs
// two table look-ups; work is done only where a word ends (an "event"
// transition), where the state reached says what the word was. A word that
// is not the grammar's ends the current window. Nothing is allocated per
// call beyond the caller's vector.
//
// The windows can also be read from the sentence's tokens (text/tokens.h),
// which carry the hash of their folded form: a token of ASCII letters only
// is one run of letters, judged by two bit filters of hashes (and, for a
// possible key, a table); a token of digits only is a key; a punctuation
// mark changes nothing. The few other tokens ("mid-March", "U.S.", "20th",
// "Besan\xC3\xA7on") go through the automaton byte by byte. The windows are
// those of the byte pass, or larger where a filter takes a word for a
// grammar word (never smaller: a test compares the two).
#include "dates/timex_prefilter.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The windows of a sentence as they are found, left to right.
struct WindowScan {
  const char* data;   // the text
  const char* start;  // the sentence
  const char* begin;  // just after the last non-grammar word
  bool key = false;   // a key since `begin`
  std::vector<TimexWindow>* windows;

  // A word no match holds is text[word, after): it ends the window, if
  // there is one, and the next may begin after it.
  void Break(const char* word, const char* after) {
    if (key) {
      windows->push_back({static_cast<std::size_t>(begin - data),
                          static_cast<std::size_t>(word - data)});
      key = false;
    }
    begin = after;
  }
  void Finish(std::size_t to) {
    if (key) {
      windows->push_back({static_cast<std::size_t>(begin - data), to});
    }
  }
};

// Reads [p, end) through the automaton, from between words; a run that
// reaches `end` ends there. `end` must not split a run of letters or
// digits (it is the sentence's end, or a token's).
void ScanBytes(WindowScan& scan, const char* p, const char* const end) {
  const WordAutomaton& automaton = Automaton();
  const std::uint32_t* const next_state = automaton.next();
  const unsigned char* const flags_of = automaton.flags();
  const char* const start = scan.start;
  // A run of letters or digits ended just before `p`, in `state`. (The
  // loop below handles the two usual cases itself: a word no match holds
  // with no key seen, and a grammar word that is no key.)
  auto run_end = [&](std::size_t state, const char* p) {
    unsigned flags = flags_of[state];
    if (flags == 0) {
      const char* word = p;
      while (word > start && IsLetter(word[-1])) --word;
      scan.Break(word, p);
    } else if (flags != kTimexWordInGrammar) {
      scan.key = scan.key || (Resolve(flags, start, p) & kTimexWordKey) != 0;
    }
  };
  // (A std::size_t state spares a zero extension a byte.)
  std::size_t state = kBetween;
  for (; p < end; ++p) {
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
      if (flags == 0 && !scan.key) {
        scan.begin = p;  // the usual case: a word no match holds, no key yet
      } else if (flags != kTimexWordInGrammar) {
        run_end(state, p);
      }
    }
    state = next & ~kEvent;
  }
  if (state != kBetween) run_end(state, end);
}

// The grammar's words by the hash their tokens carry (Token::hash), with
// the automaton's own flags for them (so the two cannot disagree), and two
// bit filters of those hashes, one of all the words and one of the keys
// (and months), which answer most tokens without the table.
//
// Only hashes are compared. A word of the text taken for a grammar word (a
// filter's false positive, or a 64-bit hash equal to a grammar word's) can
// only make a window larger: the word no longer ends one, or counts as a
// key. A larger window costs a few more tries of the automaton but finds
// the same matches, since every match lies inside a true window. A word of
// the grammar is never missed: filters have no false negatives.
class WordTable {
 public:
  WordTable() {
    const WordAutomaton& automaton = Automaton();
    auto add = [&](std::string_view w) {
      std::uint32_t s = kBetween;
      for (char c : w) s = automaton.Next(s, static_cast<unsigned char>(c));
      const unsigned flags = automaton.Flags(s & ~kEvent);
      const std::uint64_t hash = HashFolded(w);
      std::size_t i = hash >> (64 - kBits);
      while (slots_[i].flags != 0 && slots_[i].hash != hash) {
        i = (i + 1) & kMask;
      }
      // (Two words of one hash, which no test has seen, share their
      // flags: again a larger window at worst.)
      slots_[i].hash = hash;
      slots_[i].flags |= flags;
      filter_[hash >> 52] |= kMayBeWord;
      if (flags & (kTimexWordKey | kCapitalizedKey)) {
        filter_[hash >> 52] |= kMayBeKey;
      }
    };
    for (std::string_view w : kKeys) add(w);
    for (std::string_view w : kMonths) add(w);
    for (std::string_view w : kOtherWords) add(w);
  }

  // What the hash may be: a grammar word's (kMayBeWord), a key's too
  // (kMayBeKey), or neither (0).
  static constexpr unsigned kMayBeWord = 1, kMayBeKey = 2;
  unsigned MayBe(std::uint64_t hash) const { return filter_[hash >> 52]; }

  // The automaton's flags for the run of letters whose folded form has
  // the hash `hash`: 0 for a word no match holds.
  unsigned Flags(std::uint64_t hash) const {
    for (std::size_t i = hash >> (64 - kBits);; i = (i + 1) & kMask) {
      const Slot& slot = slots_[i];
      if (slot.hash == hash) return slot.flags;
      if (slot.flags == 0) return 0;
    }
  }

 private:
  // Room for four times the grammar's 250-odd words: probes are short.
  static constexpr unsigned kBits = 10;
  static constexpr std::size_t kMask = (std::size_t{1} << kBits) - 1;
  struct Slot {
    std::uint64_t hash = 0;
    unsigned flags = 0;  // never 0 for a word of the lists
  };
  // The two filters in one: 4,096 entries, one a word, so about one text
  // word in sixteen passes the word filter wrongly. (An entry comes from
  // the hash's top bits, as the table's slot does; they are well mixed.)
  // A byte an entry, both answers with one load.
  std::array<std::uint8_t, 4096> filter_{};

  std::array<Slot, std::size_t{1} << kBits> slots_{};
};

const WordTable& Table() {
  static const WordTable table;
  return table;
}

// Where the bytes of a sentence that are neither ASCII letters nor ' '
// are (digits, punctuation, non-ASCII bytes, other spaces): bit k for the
// sentence's byte k, sixteen bits an element. A token without such a byte
// is a run of letters, since tokens hold no spaces.
class OtherBytes {
 public:
  void Fill(std::string_view text, std::size_t from, std::size_t to) {
    from_ = from;
    const std::size_t blocks = (to - from + 15) / 16;
    masks_.resize(blocks);
    for (std::size_t b = 0; b < blocks; ++b) {
      const std::size_t i = from + 16 * b;
#if defined(__SSE2__)
      __m128i x;
      if (i + 16 <= text.size()) {
        x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      } else {
        char bytes[16] = {};
        std::memcpy(bytes, text.data() + i, text.size() - i);
        x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
      }
      // Upper- and lower-case letters alike fall in 'a'..'z' with bit 5
      // set (nothing else does): 0..25 after subtracting 'a'. Spaces other
      // than ' ' count as other bytes: they are rare inside sentences, and
      // a token after one is merely read through the slower path.
      const __m128i offset = _mm_sub_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)),
                                          _mm_set1_epi8('a'));
      const __m128i letter =
          _mm_cmpeq_epi8(_mm_min_epu8(offset, _mm_set1_epi8(25)), offset);
      const __m128i space = _mm_cmpeq_epi8(x, _mm_set1_epi8(' '));
      masks_[b] = static_cast<std::uint16_t>(
          ~_mm_movemask_epi8(_mm_or_si128(letter, space)));
#else
      unsigned m = 0;
      for (std::size_t k = 0; k < 16 && i + k < text.size(); ++k) {
        char c = text[i + k];
        if (!IsLetter(c) && c != ' ') m |= 1u << k;
      }
      masks_[b] = static_cast<std::uint16_t>(m);
#endif
    }
  }

  // The offset in the text of the first such byte at or after `pos`, or
  // past the last block when there is none.
  std::size_t Next(std::size_t pos) const {
    std::size_t k = pos - from_;
    std::size_t b = k / 16;
    if (b >= masks_.size()) return from_ + 16 * masks_.size();
    unsigned bits = masks_[b] & (~0u << (k % 16));
    while (bits == 0) {
      if (++b == masks_.size()) return from_ + 16 * b;
      bits = masks_[b];
    }
    return from_ + 16 * b + static_cast<std::size_t>(std::countr_zero(bits));
  }

 private:
  std::size_t from_ = 0;
  std::vector<std::uint16_t> masks_;
};

// A month name (kCapitalizedKey) is a key only as the grammar writes it:
// text[i, i + n), ASCII letters, capitalised and lower-case after.
bool WrittenAsMonth(std::string_view text, std::size_t i, std::size_t n) {
  if (text[i] < 'A' || text[i] > 'Z') return false;
  for (std::size_t k = 1; k < n; ++k) {
    if (text[i + k] < 'a' || text[i + k] > 'z') return false;
  }
  return true;
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
  WindowScan scan{text.data(), text.data() + from, text.data() + from, false,
                  windows};
  ScanBytes(scan, text.data() + from, text.data() + to);
  scan.Finish(to);
}

void FindTimexWindows(std::string_view text, std::size_t from, std::size_t to,
                      std::span<const Token> tokens,
                      std::vector<TimexWindow>* windows) {
  if (!tokens.empty() &&
      (tokens.front().start < from || tokens.back().end > to)) {
    // Not this sentence's tokens: the bytes are read instead.
    return FindTimexWindows(text, from, to, windows);
  }
  windows->clear();
  const WordTable& table = Table();
  thread_local OtherBytes others;  // rewritten for each sentence
  others.Fill(text, from, to);
  const char* const data = text.data();
  // As WindowScan, kept in registers over the usual tokens.
  std::size_t begin = from;
  bool key = false;
  auto word_no_match_holds = [&](const Token& t) {
    if (key) {
      windows->push_back({begin, t.start});
      key = false;
    }
    begin = t.end;
  };
  std::size_t other = others.Next(from);  // the next byte no letter
  for (const Token& t : tokens) {
    if (t.end <= other) {
      // A run of letters, whole (the bytes around a token are no
      // letters), whose folded form is its lower-case spelling, hashed.
      const std::uint64_t hash = t.hash;
      const unsigned may_be = table.MayBe(hash);
      if (may_be == 0) {
        word_no_match_holds(t);
      } else if (may_be & WordTable::kMayBeKey) [[unlikely]] {
        const unsigned flags = table.Flags(hash);
        if (flags == 0) {
          word_no_match_holds(t);
        } else if ((flags & kTimexWordKey) ||
                   ((flags & kCapitalizedKey) &&
                    WrittenAsMonth(text, t.start, t.end - t.start))) {
          key = true;
        }
      }
      // (Else a grammar word that is no key, which changes nothing.)
      continue;
    }
    other = others.Next(t.end);
    // Digits, punctuation, or a word joined with them or with non-ASCII
    // letters ("20th", "mid-March", "U.S.", "Besan\xC3\xA7on").
    const char* p = data + t.start;
    const char* const end = data + t.end;
    while (p < end && kClasses[static_cast<unsigned char>(*p)] == 1) ++p;
    if (p == end) {
      key = true;  // a number
    } else if (t.end - t.start == 1 &&
               kClasses[static_cast<unsigned char>(data[t.start])] == 0) {
      continue;  // a punctuation mark
    } else {
      WindowScan scan{data, data + from, data + begin, key, windows};
      ScanBytes(scan, data + t.start, end);
      begin = static_cast<std::size_t>(scan.begin - data);
      key = scan.key;
    }
  }
  if (key) windows->push_back({begin, to});
}

}  // namespace entente
