// Which words a match of the time grammar can begin with, read off the
// grammar itself.
//
// The recogniser tries an anchored match of the grammar at every word start
// inside a prefilter window (timex_prefilter.h), and each try costs about a
// thousand instructions even when it fails at once; most words of a window
// ("on", "and", "the" before a non-date) can begin no match at all. This
// analysis compiles the scanner's pattern into a small NFA and walks it over
// letters, from the start, collecting every run of letters a match can begin
// with. It is computed once, from the same pattern string the scanner
// compiles, so it cannot drift from the grammar; if the pattern uses syntax
// the analysis does not model, or a match could end inside a word, the
// analysis gives up and lets every word through (bounded() is false).
#ifndef ENTENTE_DATES_TIMEX_FIRST_WORDS_H_
#define ENTENTE_DATES_TIMEX_FIRST_WORDS_H_

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace entente {

// The bytes the two-word look-up takes for spaces: \s of RE2 and \v.
inline bool IsTimexSpace(char c) {
  // '\t', '\n', '\v', '\f' and '\r' are one range.
  return c == ' ' || static_cast<unsigned char>(c - '\t') <= '\r' - '\t';
}

// What the grammar can read after a run that is a whole match by itself
// ("Friday", "2019"), for telling, without running the automaton, that the
// longest match beginning there is the run alone. Each set is a superset of
// what the grammar can read at that point.
struct TimexTail {
  // The bytes that can be read right after the run (non-word bytes only:
  // a word byte there is not judged).
  std::bitset<256> next;
  // Whether no match can end after the run and some spaces, or with them
  // (then `after_spaces` is meaningful).
  bool spaces_end_nothing = false;
  // The bytes that can be read first after the run and a run of spaces.
  std::bitset<256> after_spaces;
  // The same two after a punctuation byte the run can be followed by
  // ("Friday, ..."), for each such byte: no match ends right after it, and
  // what can be read next, right away or after spaces.
  struct Mark {
    char byte = 0;
    bool ends_nothing = false;
    std::bitset<256> next, after_spaces;
  };
  // (At most kMarks, the bytes from the lowest; a byte past them is not
  // judged. Kept inline: the recogniser holds thousands of tails.)
  static constexpr std::size_t kMarks = 6;
  std::array<Mark, kMarks> marks;
  std::size_t mark_count = 0;
};

// Whether no match longer than text[pos, end), a run that is a whole match
// whose tail is `tail`, begins at pos when matches must end by `limit`:
// what follows the run cannot be read by the grammar. (False when unsure.)
// text[end] must be no word byte, or `end` the text's end.
bool TimexTailStops(const TimexTail& tail, std::string_view text,
                    std::size_t end, std::size_t limit);

class TimexFirstWords {
 public:
  // Analyses `pattern`, in RE2 syntax (the subset timex_grammar.cc writes:
  // groups, (?i) and (?-i:...), alternation, ?, *, +, {n,m}, classes, \b,
  // \B, \s, \d, \xHH and escaped punctuation), as matched at a word start:
  // the byte before the match is no word character.
  explicit TimexFirstWords(std::string_view pattern);
  ~TimexFirstWords();
  TimexFirstWords(const TimexFirstWords&) = delete;
  TimexFirstWords& operator=(const TimexFirstWords&) = delete;

  // False when the analysis could not prove a finite set of first words;
  // then MayBegin is always true.
  bool bounded() const { return bounded_; }

  // Whether a match can begin at a word start whose run of ASCII letters,
  // taken whole (the text's next byte is not a letter), is `run`. Any case:
  // the words are kept lower-case and matched case-insensitively, a
  // superset of what the case-sensitive parts of the grammar accept.
  bool MayBegin(std::string_view run) const;

  // Whether a match can end right after the run of letters `run` read from
  // a word start, or in spaces after it ("Friday", "in"): false only when
  // the run is a first word after which the grammar must read a second
  // ("the", "last"), as known from the analysis.
  bool MayEndAfter(std::string_view run) const;

  // The same, when the run is followed by spaces (IsTimexSpace bytes) and
  // then by the run of letters `second`, taken whole: whether a match can
  // begin with the two. ("in" may begin one, "in Geneva" not.)
  bool MayBegin(std::string_view run, std::string_view second) const;

  // Whether a match can begin at text[pos], the first byte of a run of
  // ASCII letters or of digits at a word start, judged by the run (digits
  // by their number), by the byte right after it and, after spaces, by the
  // next byte or run of letters: "in" may begin a match, "in Geneva",
  // "in-person", "in 2019" and "2 billion" not. The text around is read as
  // the automaton reads it. Sets `*run_end`, when not null, to the end of
  // the run at pos (which the caller reads next either way).
  bool MayBeginAt(std::string_view text, std::size_t pos,
                  std::size_t* run_end = nullptr) const;

  // The first words, lower-case and sorted (for tests).
  std::vector<std::string> Words() const;

  // The first words that only some words can follow, each with those
  // words, lower-case and sorted: "last" with "week", "may", "friday"...
  std::vector<std::pair<std::string, std::string>> WordPairs() const;

  // What the grammar can read after `span` (its exact bytes, beginning
  // with a word byte) read from a word start; nullopt when the analysis
  // gave up or no match begins with the span. Only what follows is judged,
  // not whether the span is a match. Walks the pattern's automaton (tens
  // of thousands of instructions): for building tables, not for scanning.
  std::optional<TimexTail> TailOf(std::string_view span) const;
  // TailOf of each span, in order; many spans cost less this way than one
  // by one (their common prefixes and ends are walked once).
  std::vector<std::optional<TimexTail>> TailsOf(
      const std::vector<std::string_view>& spans) const;
  // For each span (its exact bytes, beginning with a word byte, read from
  // a word start), the largest n, 1 <= n <= max_markers, such that the span
  // followed by n bytes `marker` (a non-word byte) is a whole match with
  // the end of the text or a non-word byte after it, or 0 when there is
  // none: what the scanner's longest match over the span and max_markers
  // markers reads past the span. Empty when the pattern was not parsed or
  // the automaton is forgotten. Walks the automaton as TailsOf does, so
  // that the recogniser can type thousands of spans for a fraction of what
  // RE2 costs to build the states of its DFA for them. When `tails` is not
  // null, sets it to TailOf of each span (null for nullopt), at no cost for
  // the walk. Spans that end in the same states share one tail: a tail is
  // about half a kilobyte, and tens of thousands of spans have a few
  // hundred distinct ones.
  std::vector<int> MarkedMatches(
      const std::vector<std::string_view>& spans, char marker, int max_markers,
      std::vector<std::shared_ptr<const TimexTail>>* tails = nullptr) const;
  // Frees the automaton TailOf walks (megabytes) once the tables are
  // built; TailOf then gives nullopt.
  void ForgetAutomaton();

 private:
  // The words as a trie: node * kSymbols + symbol gives the next node, 0
  // for none; symbols are the 26 letters, either case, and kSpace, which
  // joins a first word to the second words that can follow it. The root is
  // node 0 (nothing leads back to it). A look-up costs a few instructions
  // a letter and usually stops at the first or second letter.
  static constexpr unsigned kSymbols = 27, kSpace = 26;
  std::uint32_t Child(std::uint32_t node, unsigned symbol);
  std::uint32_t Insert(std::uint32_t node, std::string_view word);
  std::uint32_t Walk(std::uint32_t node, std::string_view run) const;

  bool bounded_ = false;
  // The pattern's automaton, kept for TailOf.
  struct Analysis;
  std::unique_ptr<Analysis> analysis_;
  std::vector<std::uint32_t> next_ = std::vector<std::uint32_t>(kSymbols, 0);
  // (Bytes, not std::vector<bool>: a look-up is then one load.)
  std::vector<std::uint8_t> word_end_ = {0};    // [node]
  std::vector<std::uint8_t> any_second_ = {0};  // [node]
  // For the node of each first word: the bytes that may come right after
  // it, and first after spaces (a superset: any byte when a match can end
  // there).
  struct Followers {
    std::bitset<256> next, after_spaces;
  };
  std::vector<Followers> followers_;  // [node]
  // The nodes of runs of 1, 2, 3 and 4 digits, and of 5 or more.
  static constexpr std::size_t kDigitRuns = 5;
  std::array<std::uint32_t, kDigitRuns + 1> digit_runs_{};
};

}  // namespace entente

#endif  // ENTENTE_DATES_TIMEX_FIRST_WORDS_H_
