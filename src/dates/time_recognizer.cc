// Recognition is one automaton run over the few windows of each sentence
// where a match is possible (timex_prefilter.h; read from the sentence's
// tokens when the caller has them), tried only at words and numbers a
// match can begin with (timex_first_words.h): the grammar of
// timex_grammar.cc is compiled once, with leftmost-longest semantics (so
// "late last July" wins over "July") and Latin-1 encoding (the patterns are
// ASCII, so arbitrary bytes are harmless). The scanner asks only for the
// extent of each match, anchored at a word start, which RE2 answers with
// its forward DFA alone; capture groups would force its much slower NFA,
// and an unanchored search a second, reverse DFA. Most matches never
// reach the automaton: a word, or a word and a word or number after a
// space ("Friday", "last week", "Feb. 16"), that the table of known spans
// holds as a match, and after which the text cannot be read by the grammar
// (its TimexTail, timex_first_words.h), is the longest match there. Each
// match is then
//  1. typed by the same automaton, run over the span and type markers
//     (see Grammar; the commonest short spans by a table it filled when
//     the grammar was built),
//  2. trimmed of a leading preposition ("in May" → "May"),
//  3. checked against a few cheap false alarms (a "2000" in "$2000"),
//  4. normalised, with the tense cue of its clause and the date the text
//     set last (for "the day before", "a week later"), by timex_normalizer.
// A range ("from March to May 2021") is split at its connector into two
// expressions, typed and normalised one by one; an end that lacks a month
// or century borrows it from the start ("March 3-5", "1950-53") and a start
// that lacks a year borrows the end's. "a day after" followed by a word
// ("a day after the vote") counts from that event, not from the text's
// date, so only its duration is kept.
// The scan continues after the match, so matches never overlap within a
// sentence; overlaps across (overlapping) sentence spans are resolved at the
// end in favour of the longer expression.
#include "dates/time_recognizer.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "dates/tense_cues.h"
#include "dates/timex_first_words.h"
#include "dates/timex_grammar.h"
#include "dates/timex_normalizer.h"
#include "dates/timex_prefilter.h"
#include "dates/timex_words.h"
#include "text/tokens.h"

namespace entente {

namespace {

// The compiled grammar. One automaton both finds expressions and types
// them (TimexPattern): kind i is written "(?:pattern)(?:M{n})?", M being
// kTimexTypeMarker and n = kTimexKindCount - i. In a text the markers are
// (all but always) absent, so the automaton finds what the kinds' union
// finds. To type a span, the automaton is run over the span followed by
// kTimexKindCount markers: no pattern reads a marker, so a kind that
// matches ends exactly at the span's end (where the marker, a non-word
// byte, gives \b the answer the end of the text would), and the longest
// match takes the most markers, those of the first kind that matches the
// whole span. Typing walks the same automaton states that found the span,
// so it builds almost none of its own, and costs one call where an
// RE2::Set cost two.
struct Grammar {
  std::unique_ptr<RE2> scanner;
  // The runs of letters a match of the scanner can begin with.
  std::unique_ptr<TimexFirstWords> first_words;
  bool present_references = false;
  NumericDateOrder order = NumericDateOrder::kMonthDayYear;

  // Spans typed when the grammar was built, from the automaton's own
  // pattern (by the first-word analysis's NFA, which a test holds to the
  // automaton's answers for every span learnt): the words a match can
  // begin with that are keys of the prefilter (a match of one word holds
  // a key), as written lower-case, capitalised and in capitals, and the
  // years 1800-2099. Half the expressions of news are one such word ("Monday",
  // "March", "2019", "yesterday"), and a look-up here costs a tenth of a
  // run of the automaton. A span that is a match also keeps what the
  // grammar can read after it (TimexTail), so that the scan can tell
  // without the automaton that a match is that one word ("Friday said"),
  // and its words, read once here rather than for each expression. Pairs
  // of words that are no match ("the first", "in the") keep their tail
  // too: when no match can end inside them either, and the text after
  // cannot be read, no match begins there at all.
  struct KnownSpan {
    std::optional<TimexKind> kind;
    // Spans that end in the same states of the grammar share one tail.
    std::shared_ptr<const TimexTail> tail;
    TimexWords words;  // ReadTimexWords(span), for a match
    // No kind: whether no match ends before the span's end (a run of
    // letters, or a first word the grammar must read a second after).
    bool ends_nothing_inside = false;
  };
  // The known spans by their bytes: open addressing over a power-of-two
  // array at most half full, each slot with its span's hash, so that a
  // look-up is a hash of a few bytes and one or two probes, and a miss
  // (most words the scan asks about) compares no bytes. (A std::
  // unordered_map divides by a prime and walks a list.)
  class SpanTable {
   public:
    const KnownSpan* Find(std::string_view span) const {
      if (slots_.empty()) return nullptr;
      const std::uint64_t hash = Hash(span);
      for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
        const Slot& slot = slots_[i];
        if (slot.entry == 0) return nullptr;
        if (slot.hash == hash && entries_[slot.entry - 1].first == span) {
          return &entries_[slot.entry - 1].second;
        }
      }
    }
    void Reserve(std::size_t n) { entries_.reserve(n); }
    // `span` must not be in the table yet.
    void Add(std::string span, KnownSpan known) {
      entries_.emplace_back(std::move(span), std::move(known));
      if (2 * entries_.size() > slots_.size()) {
        slots_.assign(std::max<std::size_t>(64, 4 * entries_.size()), {});
        mask_ = slots_.size() - 1;
        // (4 * size rounded up to a power of two.)
        while (mask_ & (mask_ + 1)) mask_ |= mask_ >> 1;
        slots_.resize(mask_ + 1);
        for (std::size_t e = 0; e < entries_.size(); ++e) Place(e);
      } else {
        Place(entries_.size() - 1);
      }
    }

   private:
    struct Slot {
      std::uint64_t hash = 0;
      std::uint32_t entry = 0;  // index + 1; 0: empty
    };
    // The spans are short: their length and first and last bytes (up to
    // eight of each, read as two words), mixed.
    static std::uint64_t Hash(std::string_view s) {
      const char* p = s.data();
      const std::size_t n = s.size();
      std::uint64_t a = 0, b = 0;
      if (n >= 8) {
        std::memcpy(&a, p, 8);
        std::memcpy(&b, p + n - 8, 8);
      } else if (n >= 4) {
        std::uint32_t x, y;
        std::memcpy(&x, p, 4);
        std::memcpy(&y, p + n - 4, 4);
        a = x, b = y;
      } else if (n > 0) {
        a = static_cast<unsigned char>(p[0]) |
            static_cast<unsigned>(static_cast<unsigned char>(p[n / 2])) << 8;
        b = static_cast<unsigned char>(p[n - 1]);
      }
      std::uint64_t h = (a ^ (b + n) * 0xC2B2AE3D27D4EB4Full) *
                        0x9E3779B97F4A7C15ull;
      return h ^ (h >> 31);
    }
    void Place(std::size_t e) {
      const std::uint64_t hash = Hash(entries_[e].first);
      std::size_t i = hash & mask_;
      while (slots_[i].entry != 0) i = (i + 1) & mask_;
      slots_[i] = {hash, static_cast<std::uint32_t>(e + 1)};
    }

    std::vector<std::pair<std::string, KnownSpan>> entries_;
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
  };
  SpanTable known_kinds;

  void LearnKinds() {
    // The spans, then their kinds and the tails of the matches, each all
    // at once (the analysis's automaton walks their common prefixes once),
    // then the table.
    struct Candidate {
      std::string span;
      bool only_if_match = false;
      // The candidate this one stands in for when that is no match.
      std::optional<std::size_t> instead_of;
      bool ends_nothing_inside = false;  // (when no match)
    };
    std::vector<Candidate> candidates;
    // (Single words may repeat: "Q" capitalised and in capitals. Pairs and
    // months and days cannot: they hold a space, and each pair is written
    // a different way.)
    std::set<std::string, std::less<>> seen;
    auto learn_word = [&](std::string span) {
      if (!seen.insert(span).second) return;
      // (Nothing ends inside a run of letters: the analysis proved it.)
      const bool letters = span[0] < '0' || span[0] > '9';
      candidates.push_back({std::move(span), false, std::nullopt, letters});
    };
    // The candidate's index.
    auto learn = [&](std::string span, bool only_if_match,
                     std::optional<std::size_t> instead_of = std::nullopt,
                     bool ends_nothing_inside = false) {
      candidates.push_back(
          {std::move(span), only_if_match, instead_of, ends_nothing_inside});
      return std::optional(candidates.size() - 1);
    };
    for (std::string word : first_words->Words()) {
      std::string capitalised = word;
      capitalised[0] = static_cast<char>(word[0] - 'a' + 'A');
      if (!((TimexWordFlagsOf(word) | TimexWordFlagsOf(capitalised)) &
            kTimexWordKey)) {
        continue;
      }
      learn_word(word);
      word = capitalised;
      learn_word(word);
      for (char& c : word) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
      learn_word(word);
    }
    for (int year = 1800; year <= 2099; ++year) {
      learn_word(std::to_string(year));
    }
    // Two words with one space ("last week", "Last September", "two
    // days"), the first lower-case or capitalised, the second lower-case
    // or, when that is no match (months), capitalised. The first are kept
    // when they are no match too, the others only when they are one.
    auto capitalise = [](std::string w) {
      w[0] = static_cast<char>(w[0] - 'a' + 'A');
      return w;
    };
    for (const auto& [first, second] : first_words->WordPairs()) {
      for (const std::string& a : {first, capitalise(first)}) {
        const bool ends_nothing_inside = !first_words->MayEndAfter(a);
        std::optional<std::size_t> lower =
            learn(a + " " + second, false, std::nullopt, ends_nothing_inside);
        learn(a + " " + capitalise(second), true, lower);
      }
    }
    // Months and days as news writes them ("March 6", "Feb. 16", "Sept
    // 22"), again only those that are a match.
    for (const char* month :
         {"January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December", "Jan",
          "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
          "Dec", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
          "Sep.", "Sept.", "Oct.", "Nov.", "Dec."}) {
      for (int day = 1; day <= 31; ++day) {
        learn(std::string(month) + " " + std::to_string(day), true);
      }
    }
    std::vector<std::string_view> spans;
    for (const Candidate& c : candidates) spans.push_back(c.span);
    std::vector<std::shared_ptr<const TimexTail>> tails;
    const std::vector<std::optional<TimexKind>> kinds = Kinds(spans, &tails);
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const Candidate& c = candidates[i];
      if (c.only_if_match && !kinds[i]) continue;
      if (c.instead_of && kinds[*c.instead_of]) continue;
      kept.push_back(i);
    }
    known_kinds.Reserve(kept.size());
    for (std::size_t i : kept) {
      KnownSpan known{kinds[i], std::move(tails[i]), {},
                      candidates[i].ends_nothing_inside};
      if (kinds[i]) known.words = ReadTimexWords(spans[i]);
      known_kinds.Add(std::move(candidates[i].span), std::move(known));
    }
  }

  // The kinds of the spans, as ClassifyByAutomaton gives them, read off
  // the analysis's automaton (timex_first_words.h): RE2 would build the
  // states of its DFA for each span (about 18,000 instructions a span).
  // By RE2 when the analysis has no automaton. Sets `tails` to the tails
  // of the matches, where the analysis knows them.
  std::vector<std::optional<TimexKind>> Kinds(
      const std::vector<std::string_view>& spans,
      std::vector<std::shared_ptr<const TimexTail>>* tails) const {
    std::vector<std::optional<TimexKind>> out(spans.size());
    const std::vector<int> markers = first_words->MarkedMatches(
        spans, kTimexTypeMarker, static_cast<int>(kTimexKindCount), tails);
    if (markers.empty()) {
      std::vector<std::optional<TimexTail>> own = first_words->TailsOf(spans);
      for (std::size_t i = 0; i < own.size(); ++i) {
        if (own[i]) (*tails)[i] = std::make_shared<const TimexTail>(*own[i]);
      }
    }
    std::string scratch;
    for (std::size_t i = 0; i < spans.size(); ++i) {
      if (markers.empty()) {
        out[i] = ClassifyByAutomaton(spans[i], &scratch);
      } else if (markers[i] > 0) {
        out[i] = static_cast<TimexKind>(kTimexKindCount - markers[i]);
      }
    }
    return out;
  }

  // The kind of a span (the first listed when several match), if any.
  // `scratch` holds the span between a space and the markers.
  std::optional<TimexKind> Classify(std::string_view span,
                                    std::string* scratch) const {
    if (const KnownSpan* known = Known(span)) return known->kind;
    return ClassifyByAutomaton(span, scratch);
  }

  const KnownSpan* Known(std::string_view span) const {
    return known_kinds.Find(span);
  }

  std::optional<TimexKind> ClassifyByAutomaton(std::string_view span,
                                               std::string* scratch) const {
    // The space before makes the automaton start as it does at a word
    // start in a text (and \b see what the beginning of a text shows it).
    scratch->assign(1, ' ');
    scratch->append(span);
    scratch->append(kTimexKindCount, kTimexTypeMarker);
    re2::StringPiece match;
    if (!scanner->Match(*scratch, 1, scratch->size(), RE2::ANCHOR_START, &match,
                        1) ||
        match.size() <= span.size()) {
      return std::nullopt;  // no kind matches the whole span
    }
    std::size_t markers = match.size() - span.size();
    if (markers > kTimexKindCount) return std::nullopt;  // cannot happen
    return static_cast<TimexKind>(kTimexKindCount - markers);
  }
};

}  // namespace

struct TimeRecognizer::Impl {
  Grammar grammar;
};

namespace {

// The classes of bytes the scan asks about, by byte: one load where the
// scan reads every byte of its windows and words.
constexpr unsigned char kSpaceByte = 1, kDigitByte = 2, kLetterByte = 4;
constexpr std::array<unsigned char, 256> MakeByteClasses() {
  std::array<unsigned char, 256> classes{};
  for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) {
    classes[static_cast<unsigned char>(c)] = kSpaceByte;
  }
  for (int c = '0'; c <= '9'; ++c) classes[c] = kDigitByte;
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = kLetterByte;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = kLetterByte;
  return classes;
}
constexpr std::array<unsigned char, 256> kByteClasses = MakeByteClasses();

unsigned char ByteClass(char c) {
  return kByteClasses[static_cast<unsigned char>(c)];
}

bool IsSpace(char c) { return ByteClass(c) == kSpaceByte; }

bool IsDigit(char c) { return ByteClass(c) == kDigitByte; }

bool IsLetter(char c) { return ByteClass(c) == kLetterByte; }

bool IsAlnum(char c) {
  return (ByteClass(c) & (kDigitByte | kLetterByte)) != 0;
}

// Where a match can begin: a letter or digit after a \b.
bool IsWordStart(std::string_view text, std::size_t i) {
  return IsAlnum(text[i]) &&
         (i == 0 || !(IsAlnum(text[i - 1]) || text[i - 1] == '_'));
}

// Moves `start` past leading prepositions that an alternative needed as
// context but TempEval-3 leaves out of the expression.
constexpr std::array<std::string_view, 15> kPrepositions = {
    "in",   "on",  "at",      "by",     "since", "until", "till",   "during",
    "from", "for", "through", "before", "after", "of",    "between"};

// For each first letter, bit n set when a preposition of n letters begins
// with it: most first words of a match ("Monday", "last", "2019") are
// turned away by it without a comparison.
constexpr std::array<std::uint32_t, 26> MakePrepositionLengths() {
  std::array<std::uint32_t, 26> lengths{};
  for (std::string_view p : kPrepositions) {
    lengths[static_cast<std::size_t>(p[0] - 'a')] |= std::uint32_t{1}
                                                     << p.size();
  }
  return lengths;
}
constexpr std::array<std::uint32_t, 26> kPrepositionLengths =
    MakePrepositionLengths();

bool IsPreposition(std::string_view word) {
  const unsigned letter =
      static_cast<unsigned>((word[0] | 0x20) - 'a');  // either case
  if (letter >= 26 || word.size() >= 32 ||
      !(kPrepositionLengths[letter] >> word.size() & 1u)) {
    return false;
  }
  for (std::string_view p : kPrepositions) {
    if (EqualsLower(word, p)) return true;
  }
  return false;
}

std::size_t SkipPrepositions(std::string_view text, std::size_t start,
                             std::size_t end) {
  for (;;) {
    std::size_t word_end = start;
    while (word_end < end && !IsSpace(text[word_end])) ++word_end;
    if (word_end >= end) break;
    if (!IsPreposition(text.substr(start, word_end - start))) break;
    start = word_end;
    while (start < end && IsSpace(text[start])) ++start;
  }
  return start;
}

// A bare year that is really an amount or part of a longer number:
// "$2000", "2000%", "2,000", "2000.5".
bool IsNumberNotYear(std::string_view text, std::size_t start,
                     std::size_t end) {
  std::string_view before = text.substr(0, start);
  if (!before.empty()) {
    char c = before.back();
    if (c == '$' || c == '#' || c == '/') return true;
    if ((c == '.' || c == ',') && before.size() > 1 &&
        IsDigit(before[before.size() - 2])) {
      return true;
    }
  }
  if (before.ends_with("\xC2\xA3") || before.ends_with("\xE2\x82\xAC")) {
    return true;  // £, €
  }
  if (end < text.size()) {
    char after = text[end];
    if (after == '%' || after == '/') return true;
    if ((after == ',' || after == '.') && end + 1 < text.size() &&
        IsDigit(text[end + 1])) {
      return true;
    }
  }
  return false;
}

// Only expressions that do not say which way they point need the tense cue.
bool NeedsDirection(TimexKind kind) {
  return kind == TimexKind::kCalendarDate || kind == TimexKind::kWeekday ||
         kind == TimexKind::kHoliday || kind == TimexKind::kClockTime ||
         kind == TimexKind::kSeasonQuarter;
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsWordChar(char c) { return IsAlnum(c); }

// [begin, end) without surrounding spaces and commas.
void Trim(std::string_view text, std::size_t* begin, std::size_t* end) {
  while (*begin < *end && (IsSpace(text[*begin]) || text[*begin] == ',')) {
    ++*begin;
  }
  while (*end > *begin && (IsSpace(text[*end - 1]) || text[*end - 1] == ',')) {
    --*end;
  }
}

// Where the connector of a range is in `span`: its start and end offsets,
// or false. The first connector after the first word counts.
bool FindConnector(std::string_view span, std::size_t* at, std::size_t* after) {
  std::string lower = LowerAscii(span);
  for (std::size_t i = 1; i < lower.size(); ++i) {
    if (lower[i] == '-' && IsDigit(lower[i - 1])) {
      *at = i, *after = i + 1;
      return true;
    }
    if (lower.compare(i, 3, "\xE2\x80\x93") == 0) {  // en dash
      *at = i, *after = i + 3;
      return true;
    }
    if (!IsSpace(lower[i - 1])) continue;
    for (std::string_view word : {"to", "and", "until", "till", "through"}) {
      if (lower.compare(i, word.size(), word) == 0 &&
          i + word.size() < lower.size() && IsSpace(lower[i + word.size()])) {
        *at = i, *after = i + word.size();
        return true;
      }
    }
  }
  return false;
}

const char* const kMonthNames[] = {
    "",     "January", "February",  "March",   "April",    "May",     "June",
    "July", "August",  "September", "October", "November", "December"};

// "a 22-year-old": an age, which dates nothing.
bool IsAge(std::string_view text, std::size_t end) {
  std::string_view after = text.substr(end);
  return after.starts_with("-old") || after.starts_with(" old") ||
         after.starts_with("-long");
}

// One document's scan: the expressions found so far and the date the text
// set last.
class DocumentScan {
 public:
  DocumentScan(const Grammar& impl, std::string_view text,
               const std::optional<CivilDate>& document_date)
      : impl_(impl), text_(text), document_date_(document_date) {
    // News names a time about every 200 bytes; growing the vector would
    // move every expression found so far.
    found_.reserve(text.size() / 128 + 4);
  }

  // Reads every match in text[from, to), sentence `index`, whose tokens
  // are `tokens` when not null.
  void ScanSentence(std::size_t index, std::size_t from, std::size_t to,
                    const std::span<const Token>* tokens = nullptr);

  std::vector<TimeExpression>& found() { return found_; }

 private:
  // Whether a match can begin at the word start `pos`, a letter or a digit,
  // judged by its first word or number and what follows it
  // (timex_first_words.h). The words are read in the whole text, as the
  // automaton reads \b's context. Sets `run_end` to the end of the word
  // or number.
  bool MayBegin(std::size_t pos, std::size_t* run_end) const;
  // The span of one word or number at `pos` (a word start a match may
  // begin at, its run ending at `run_end`) when it is a known span whose
  // match cannot go on in this window (Grammar::known_kinds): then it is
  // the longest match there.
  // Or a known span that is no match, inside which no match ends, and
  // after which none can go on: then no match begins at `pos`, and `end`
  // is set to the end of its first word, where the scan goes on.
  const Grammar::KnownSpan* WholeWordMatch(std::size_t pos, std::size_t run_end,
                                           std::size_t limit,
                                           std::size_t* end) const;
  // Reads the match text_[start, end), of kind `kind` (none: not a time),
  // whose words are `words` when not null.
  void Match(std::size_t start, std::size_t end, std::optional<TimexKind> kind,
             const TimexWords* words = nullptr);
  void Range(std::size_t start, std::size_t end);
  // Normalises text_[start, end) as `kind`, reading `words` (the span, or
  // a fuller text for a range end; `read` when not null, as read already)
  // and adds the expression.
  void Emit(TimexKind kind, std::size_t start, std::size_t end,
            std::string_view words, const TimexWords* read = nullptr);

  const Grammar& impl_;
  std::string_view text_;
  const std::optional<CivilDate>& document_date_;
  std::optional<TimexAnchor> anchor_;
  std::vector<TimeExpression> found_;
  std::string kinds_;  // Classify's scratch
  std::vector<TimexWindow> windows_;
  std::size_t index_ = 0, from_ = 0, to_ = 0;  // the current sentence
};

void DocumentScan::ScanSentence(std::size_t index, std::size_t from,
                                std::size_t to,
                                const std::span<const Token>* tokens) {
  index_ = index, from_ = from, to_ = to;
  // Only the windows can hold a match, and no match crosses from one into
  // the next (timex_prefilter.h). Within a window, the leftmost-longest
  // match is the longest match anchored at the first word start where
  // there is one: every alternative of the grammar begins with a letter or
  // a digit after \b. Anchored, RE2 needs only its forward automaton (an
  // unanchored search runs a reverse one to find where the match began),
  // and it reads the whole text as the context of \b at a window's edges,
  // as it does at the sentence's. (Windows read from tokens may be larger,
  // which costs a few tries but finds the same matches.)
  if (tokens) {
    FindTimexWindows(text_, from, to, *tokens, &windows_);
  } else {
    FindTimexWindows(text_, from, to, &windows_);
  }
  re2::StringPiece match;
  for (const TimexWindow& window : windows_) {
    std::size_t pos = window.begin;
    while (pos < window.end) {
      if (!IsWordStart(text_, pos)) {
        ++pos;
        continue;
      }
      // Words and numbers no match begins with cost a look-up in a trie,
      // not a call of the automaton.
      std::size_t run_end = 0;
      if (!MayBegin(pos, &run_end)) {
        pos = run_end;
        continue;
      }
      // Half the matches are one word that the grammar cannot read past
      // ("Friday said"): found and typed by a look-up, not the automaton.
      std::size_t word_end = 0;
      if (const Grammar::KnownSpan* known =
              WholeWordMatch(pos, run_end, window.end, &word_end)) {
        const std::size_t start = pos;
        pos = word_end;
        Match(start, word_end, known->kind, &known->words);
        continue;
      }
      if (!impl_.scanner->Match(text_, pos, window.end, RE2::ANCHOR_START,
                                &match, 1)) {
        ++pos;
        continue;
      }
      std::size_t start = match.data() - text_.data();
      std::size_t end = start + match.size();
      // Type markers in the text: the match without them is the match
      // of the kinds' union (which cannot read a marker, so ends where the
      // markers begin).
      while (end > start && text_[end - 1] == kTimexTypeMarker) --end;
      pos = end > start ? end : start + 1;
      const std::string_view span = text_.substr(start, end - start);
      if (const Grammar::KnownSpan* known = impl_.Known(span)) {
        Match(start, end, known->kind, &known->words);
      } else {
        Match(start, end, impl_.ClassifyByAutomaton(span, &kinds_));
      }
    }
  }
}

bool DocumentScan::MayBegin(std::size_t pos, std::size_t* run_end) const {
  return impl_.first_words->MayBeginAt(text_, pos, run_end);
}

const Grammar::KnownSpan* DocumentScan::WholeWordMatch(std::size_t pos,
                                                       std::size_t run_end,
                                                       std::size_t limit,
                                                       std::size_t* end) const {
  const bool letters = IsLetter(text_[pos]);
  std::size_t i = run_end;
  // The span was typed with a non-word byte after it, which \b reads as
  // it reads text_[i] only when that is no word byte either.
  if (i > limit ||
      (i < text_.size() && (IsAlnum(text_[i]) || text_[i] == '_'))) {
    return nullptr;
  }
  auto stops = [&](const Grammar::KnownSpan* known, std::size_t span_end) {
    return known && known->tail &&
           (known->kind || known->ends_nothing_inside) &&
           TimexTailStops(*known->tail, text_, span_end, limit);
  };
  const std::size_t first_end = i;
  const Grammar::KnownSpan* known = impl_.Known(text_.substr(pos, i - pos));
  if (stops(known, i)) {
    *end = i;
    return known;
  }
  // Or a word and, after one space (and a period: "Feb. 16"), a word or a
  // number: "last week", "March 6".
  if (!letters) return nullptr;
  if (i < limit && text_[i] == '.') ++i;
  if (i + 1 >= limit || text_[i] != ' ') return nullptr;
  i += 1;
  const bool second_letters = IsLetter(text_[i]);
  if (!second_letters && !IsDigit(text_[i])) return nullptr;
  while (i < text_.size() &&
         (second_letters ? IsLetter(text_[i]) : IsDigit(text_[i]))) {
    ++i;
  }
  if (i > limit ||
      (i < text_.size() && (IsAlnum(text_[i]) || text_[i] == '_'))) {
    return nullptr;
  }
  known = impl_.Known(text_.substr(pos, i - pos));
  if (!stops(known, i)) return nullptr;
  // No match: the second word may begin one ("of May").
  *end = known->kind ? i : first_end;
  return known;
}

void DocumentScan::Match(std::size_t start, std::size_t end,
                         std::optional<TimexKind> kind,
                         const TimexWords* words) {
  if (!kind) return;
  const std::size_t matched = start;
  start = SkipPrepositions(text_, start, end);
  if (*kind == TimexKind::kYear && IsNumberNotYear(text_, start, end)) return;
  if (*kind == TimexKind::kDuration && IsAge(text_, end)) return;
  if (*kind == TimexKind::kRange) return Range(start, end);
  if (*kind == TimexKind::kAnchored) {
    // "a day after the vote": after/before with an object of their own;
    // "a month earlier than usual": a comparison. Both measure a duration.
    std::size_t next = end;
    while (next < to_ && IsSpace(text_[next])) ++next;
    std::string last = LowerAscii(text_.substr(start, end - start));
    bool preposition = last.ends_with("after") || last.ends_with("before");
    bool comparative = LowerAscii(text_.substr(next, 5)).starts_with("than") &&
                       next + 4 <= to_ &&
                       !(next + 4 < to_ && IsWordChar(text_[next + 4]));
    if ((preposition && next < to_ && IsWordChar(text_[next])) || comparative) {
      std::size_t cut = end;
      while (cut > start && IsWordChar(text_[cut - 1])) --cut;
      Trim(text_, &start, &cut);
      auto shorter = impl_.Classify(text_.substr(start, cut - start), &kinds_);
      if (shorter == TimexKind::kDuration) {
        Emit(*shorter, start, cut, text_.substr(start, cut - start));
      }
      return;
    }
  }
  Emit(*kind, start, end, text_.substr(start, end - start),
       start == matched ? words : nullptr);
}

void DocumentScan::Range(std::size_t start, std::size_t end) {
  std::string_view span = text_.substr(start, end - start);
  std::size_t at = 0, after = 0;
  if (!FindConnector(span, &at, &after)) return;
  std::size_t a0 = start, a1 = start + at, b0 = start + after, b1 = end;
  Trim(text_, &a0, &a1);
  Trim(text_, &b0, &b1);
  std::string left(text_.substr(a0, a1 - a0));
  std::string right(text_.substr(b0, b1 - b0));
  TimexWords wl = ReadTimexWords(left), wr = ReadTimexWords(right);
  bool right_digits_only =
      !right.empty() && std::all_of(right.begin(), right.end(), IsDigit);
  if (wl.year != 0 && wl.month == 0 && right_digits_only &&
      right.size() == 2) {  // 1950-53
    int year = wl.year / 100 * 100 + std::stoi(right);
    if (year <= wl.year) year += 100;
    right = std::to_string(year);
  } else if (wl.month != 0 && wr.month == 0 && wr.weekday == 0 &&
             wr.number > 0) {  // March 3-5, 2021
    right = std::string(kMonthNames[wl.month]) + " " + right;
  }
  wr = ReadTimexWords(right);
  if (wr.year != 0 && wl.year == 0 && wl.month != 0) {
    left += ", " + std::to_string(wr.year);  // from March to May 2021
  }
  // A bare "May" counts as a month only as the end of a range.
  auto month_or = [](std::optional<TimexKind> kind, const TimexWords& w) {
    return kind || w.month == 0 ? kind
                                : std::optional(TimexKind::kCalendarDate);
  };
  auto left_kind = month_or(impl_.Classify(left, &kinds_), wl);
  if (left_kind && *left_kind != TimexKind::kRange) {
    Emit(*left_kind, a0, a1, left);
  }
  auto right_kind = month_or(impl_.Classify(right, &kinds_), wr);
  if (right_kind && *right_kind != TimexKind::kRange) {
    Emit(*right_kind, b0, b1, right);
  }
}

void DocumentScan::Emit(TimexKind kind, std::size_t start, std::size_t end,
                        std::string_view words, const TimexWords* read_before) {
  std::string_view sentence = text_.substr(from_, to_ - from_);
  TimexContext context;
  context.document_date = document_date_;
  context.anchor = anchor_;
  context.order = impl_.order;
  context.looks_ahead =
      NeedsDirection(kind) && LooksAhead(sentence, start - from_, end - from_);
  // (The words are read once for both directions.)
  const TimexWords read = read_before ? *read_before : ReadTimexWords(words);
  auto value = NormalizeTimex(kind, words, read, context);
  if (!value) return;
  // Built in place: a move into the vector costs a copy of each string's
  // bytes (they are short, so held inside the string).
  TimeExpression& expression = found_.emplace_back();
  expression.start = start;
  expression.end = end;
  expression.sentence = index_;
  // (Appending to the new, empty strings costs half what assigning does.)
  expression.text.append(text_.data() + start, end - start);
  expression.type.append(value->type);
  expression.value = std::move(value->value);
  if (!expression.value.empty()) {
    expression.precision.append(value->precision);
  }
  expression.anchored = value->anchored;
  // The reading the other way in time, for the events stage, which knows
  // better whether its clause is planned ("is scheduled to host ... on
  // Monday") than a window of words around the expression.
  if (NeedsDirection(kind)) {
    context.looks_ahead = !context.looks_ahead;
    auto other = NormalizeTimex(kind, words, read, context);
    if (other && !other->value.empty()) {
      (context.looks_ahead ? expression.future_value : expression.past_value) =
          std::move(other->value);
      (context.looks_ahead ? expression.past_value : expression.future_value) =
          expression.value;
    }
  }
  if (expression.type == "DATE" || expression.type == "TIME") {
    if (auto anchor = AnchorOf(expression.value)) anchor_ = std::move(anchor);
  }
}

}  // namespace

TimeRecognizer::TimeRecognizer() : TimeRecognizer(TimeRecognizerOptions{}) {}

TimeRecognizer::TimeRecognizer(const TimeRecognizerOptions& options)
    : impl_(std::make_unique<Impl>()) {
  Grammar& grammar = impl_->grammar;
  RE2::Options re_options;
  re_options.set_encoding(RE2::Options::EncodingLatin1);
  re_options.set_longest_match(true);
  re_options.set_never_capture(true);
  re_options.set_max_mem(64 << 20);  // room for the DFA of a large grammar
  grammar.present_references = options.present_references;
  grammar.order = options.date_order;
  // A failure to compile is a bug (the patterns are constants), which Find
  // reports by finding nothing and the tests catch.
  const std::string pattern = TimexPattern(options.present_references);
  grammar.scanner = std::make_unique<RE2>(pattern, re_options);
  grammar.first_words = std::make_unique<TimexFirstWords>(pattern);
  if (grammar.scanner->ok()) grammar.LearnKinds();
  grammar.first_words->ForgetAutomaton();
}

TimeRecognizer::~TimeRecognizer() = default;

std::vector<TimeExpression> TimeRecognizer::Find(
    std::string_view text, const std::vector<Sentence>& sentences,
    const std::optional<CivilDate>& document_date) const {
  return Find(text, sentences, nullptr, document_date);
}

std::vector<TimeExpression> TimeRecognizer::Find(
    std::string_view text, const std::vector<Sentence>& sentences,
    const SentenceTokensOf& tokens,
    const std::optional<CivilDate>& document_date) const {
  const Grammar& grammar = impl_->grammar;
  if (!grammar.scanner->ok() || text.empty()) return {};
  DocumentScan scan(grammar, text, document_date);
  if (sentences.empty()) {
    scan.ScanSentence(0, 0, text.size());
  } else {
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      std::size_t to = std::min(sentences[i].end, text.size());
      std::size_t from = std::min(sentences[i].start, to);
      if (from >= to) continue;
      if (tokens) {
        std::span<const Token> words = tokens(i);
        scan.ScanSentence(i, from, to, &words);
      } else {
        scan.ScanSentence(i, from, to);
      }
    }
  }
  std::vector<TimeExpression>& found = scan.found();

  // Sentences given out of order or overlapping: sort, then keep the longer
  // of two overlapping expressions (the earlier one on a tie).
  auto by_start = [](const TimeExpression& a, const TimeExpression& b) {
    return a.start < b.start;
  };
  if (!std::is_sorted(found.begin(), found.end(), by_start)) {
    std::stable_sort(found.begin(), found.end(), by_start);
  }
  // The usual case, sentences in order: nothing overlaps, nothing to drop.
  bool overlap = false;
  for (std::size_t i = 1; i < found.size() && !overlap; ++i) {
    overlap = found[i].start < found[i - 1].end;
  }
  if (!overlap) return std::move(found);
  std::vector<TimeExpression> result;
  for (TimeExpression& e : found) {
    if (!result.empty() && e.start < result.back().end) {
      if (e.end - e.start > result.back().end - result.back().start) {
        result.back() = std::move(e);
      }
      continue;
    }
    result.push_back(std::move(e));
  }
  return result;
}

}  // namespace entente
