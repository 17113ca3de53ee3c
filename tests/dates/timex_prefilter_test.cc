#include "dates/timex_prefilter.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "dates/timex_first_words.h"
#include "dates/timex_grammar.h"
#include "real_texts.h"
#include "text/sentences.h"

namespace entente {
namespace {

std::vector<std::string> WindowTexts(const std::string& text) {
  std::vector<TimexWindow> windows;
  FindTimexWindows(text, 0, text.size(), &windows);
  std::vector<std::string> out;
  for (const TimexWindow& w : windows) {
    out.push_back(text.substr(w.begin, w.end - w.begin));
  }
  return out;
}

TEST_CASE("words: grammar words, keys, months only capitalised") {
  CHECK(TimexWordFlagsOf("Monday") == (kTimexWordInGrammar | kTimexWordKey));
  CHECK(TimexWordFlagsOf("YEARS") == (kTimexWordInGrammar | kTimexWordKey));
  CHECK(TimexWordFlagsOf("May") == (kTimexWordInGrammar | kTimexWordKey));
  CHECK(TimexWordFlagsOf("Sept") == (kTimexWordInGrammar | kTimexWordKey));
  CHECK(TimexWordFlagsOf("may") == kTimexWordInGrammar);
  CHECK(TimexWordFlagsOf("MARCH") == kTimexWordInGrammar);
  CHECK(TimexWordFlagsOf("the") == kTimexWordInGrammar);
  CHECK(TimexWordFlagsOf("said") == 0);
  CHECK(TimexWordFlagsOf("Mayday") == 0);
  CHECK(TimexWordFlagsOf("day_") == 0);
  CHECK(TimexWordFlagsOf("") == 0);
  CHECK(TimexWordFlagsOf("fortnightlyy") == 0);
}

TEST_CASE("windows: a stretch of grammar words around a key") {
  CHECK(WindowTexts("The talks, held on Monday in Geneva, ended.") ==
        std::vector<std::string>{" on Monday in "});
  CHECK(WindowTexts("Officials said they may march.").empty());
  CHECK(
      WindowTexts("It cost $2,000 and more than a couple of weeks ago.") ==
      std::vector<std::string>{" $2,000 and more than a couple of weeks ago."});
  CHECK(WindowTexts("no digits, no date words here").empty());
  // Long words, and non-ASCII bytes, which end words.
  CHECK(
      WindowTexts("Extraordinarily\xC3\xA9tonnant yesterday\xE2\x80\x94then") ==
      std::vector<std::string>{" yesterday\xE2\x80\x94"});
  std::vector<TimexWindow> windows;
  const std::string text = "said Monday said";
  FindTimexWindows(text, 5, 11, &windows);  // a sentence inside the text
  REQUIRE(windows.size() == 1);
  CHECK(windows[0].begin == 5);
  CHECK(windows[0].end == 11);
}

// Every run of letters written in the grammar's patterns must be a grammar
// word of the prefilter (and without its last letter when that is
// optional, "seconds?"): a word added to timex_grammar.cc and not to
// timex_prefilter.cc fails here.
TEST_CASE("windows: every word of the grammar is known to the prefilter") {
  const std::string pattern = TimexPattern(true);
  std::vector<std::string> missing;
  std::size_t i = 0;
  while (i < pattern.size()) {
    char c = pattern[i];
    if (c == '\\') {
      i += 2;  // \s, \b, \., \B
      continue;
    }
    if (c == '[') {  // a class: its letters are checked as "am"/"pm" below
      while (i < pattern.size() && pattern[i] != ']') ++i;
      ++i;
      continue;
    }
    if (c == '(' && i + 1 < pattern.size() && pattern[i + 1] == '?') {
      i += 2;  // (?: (?i) (?-i:
      while (i < pattern.size() && (pattern[i] == '-' || pattern[i] == 'i')) {
        ++i;
      }
      continue;
    }
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter) {
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < pattern.size() && ((pattern[i] >= 'a' && pattern[i] <= 'z') ||
                                  (pattern[i] >= 'A' && pattern[i] <= 'Z'))) {
      ++i;
    }
    std::string word = pattern.substr(start, i - start);
    if (!(TimexWordFlagsOf(word) & kTimexWordInGrammar)) {
      missing.push_back(word);
    }
    if (i < pattern.size() && pattern[i] == '?' && word.size() > 1) {
      std::string shorter = word.substr(0, word.size() - 1);
      if (!(TimexWordFlagsOf(shorter) & kTimexWordInGrammar)) {
        missing.push_back(shorter);
      }
    }
  }
  CHECK(missing.empty());
  for (const std::string& w : missing) MESSAGE("not a prefilter word: " << w);
  // Words the patterns spell across groups or classes.
  for (const char* w : {"weekend", "weekday", "am", "pm", "sept", "years"}) {
    CHECK((TimexWordFlagsOf(w) & kTimexWordInGrammar) != 0);
  }
}

// Phrases at the edges of the grammar, for the property tests.
constexpr const char* kEdgePhrases =
      "more than a couple of days ago. the end of the week. at 8 a.m. EST "
      "on Thursday. from March 3 to May 5, 2021. in the autumn of 2020. "
      "every other Monday. twice a year. the '90s. the twenty-first "
      "century. New Year's Eve. Christmas Day. at the moment. Q3 2021. "
      "1950-53. 9/10/2021. 15:00 GMT Saturday. 8 o'clock. mid-May. "
      "in early May 2021. a week later. later that day. nowadays.";

// The options the recogniser compiles its scanner with.
RE2::Options ScannerOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_longest_match(true);
  options.set_never_capture(true);
  options.set_max_mem(64 << 20);
  return options;
}

// The grammar's scanner and the analysis of its first words, made from one
// pattern (RE2 is neither copyable nor movable, so both are built in place).
struct ScannerAndFirstWords {
  explicit ScannerAndFirstWords(bool present)
      : pattern(TimexPattern(present)),
        scanner(pattern, ScannerOptions()),
        first(pattern) {}
  // Stops the test case unless both were built (the grammar compiled and
  // its first words are bounded).
  void RequireBuilt() const {
    REQUIRE(scanner.ok());
    REQUIRE(first.bounded());
  }
  std::string pattern;
  RE2 scanner;
  TimexFirstWords first;
};

bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Counts the grammar's matches in text[from, to) and checks that each lies
// inside one window and begins at a word start.
int CheckMatchesInWindows(const RE2& scanner, const std::string& text,
                          std::size_t from, std::size_t to) {
  std::vector<TimexWindow> windows;
  FindTimexWindows(text, from, to, &windows);
  int matches = 0;
  re2::StringPiece match;
  std::size_t pos = from;
  while (pos < to && scanner.Match(text, pos, to, RE2::UNANCHORED, &match, 1)) {
    std::size_t start = match.data() - text.data();
    std::size_t end = start + match.size();
    bool inside = false;
    for (const TimexWindow& w : windows) {
      inside = inside || (w.begin <= start && end <= w.end);
    }
    if (!inside) FAIL_CHECK("outside the windows: " << match);
    // The recogniser tries anchored matches only at word starts.
    auto alnum = [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
             (c >= 'A' && c <= 'Z');
    };
    bool word_start =
        alnum(text[start]) &&
        (start == 0 || !(alnum(text[start - 1]) || text[start - 1] == '_'));
    if (!word_start) FAIL_CHECK("not at a word start: " << match);
    ++matches;
    pos = end > start ? end : start + 1;
  }
  return matches;
}

// The property the recogniser relies on, on real text: the sample stories
// and, when present, the TimeX, PLOVER and PETRARCH gold files (read as
// raw bytes: any text will do).
TEST_CASE("windows: every match of the grammar lies inside a window") {
  RE2::Options options = ScannerOptions();
  RE2 scanner(TimexPattern(true), options);
  REQUIRE(scanner.ok());
  std::vector<std::filesystem::path> files = testing::RealTextFiles();
  REQUIRE(!files.empty());
  int matches = 0;
  for (const std::filesystem::path& file : files) {
    std::string text = testing::ReadBytes(file);
    for (const Sentence& s : SplitSentences(text)) {
      matches += CheckMatchesInWindows(scanner, text, s.start,
                                       std::min(s.end, text.size()));
    }
  }
  MESSAGE(matches << " matches in " << files.size() << " files");
  CHECK(matches > 100);
  // Phrases at the edges of the grammar.
  const std::string edges = kEdgePhrases;
  CHECK(CheckMatchesInWindows(scanner, edges, 0, edges.size()) >= 20);
}

// ---- First words (timex_first_words.h) ------------------------------------

TEST_CASE("first words: read off small patterns") {
  TimexFirstWords simple(
      "(?i)\\b(?:last\\s+(?-i:May)|in\\s+the|Q[1-4]|[0-9]+)\\b");
  REQUIRE(simple.bounded());
  CHECK(simple.Words() == std::vector<std::string>{"in", "last", "q"});
  CHECK(simple.MayBegin("LAST"));
  CHECK(simple.MayBegin("Q"));
  CHECK(!simple.MayBegin("the"));  // inside a match, never first
  CHECK(!simple.MayBegin("lastly"));
  CHECK(!simple.MayBegin("may"));  // not a first word
  // Optional letters and classes spell several words.
  TimexFirstWords optional("\\b(?:weeks?|[ap]\\.?m)\\b");
  REQUIRE(optional.bounded());
  CHECK(optional.Words() ==
        std::vector<std::string>{"a", "am", "p", "pm", "week", "weeks"});
  // A word written in upper case only is still found (in lower case).
  CHECK(TimexFirstWords("(?-i:GMT)\\b").MayBegin("gmt"));
  // Gives up, letting everything through: a match ending inside a word, a
  // loop over letters, syntax it does not model.
  for (const char* pattern : {"\\bab", "\\b[a-z]+\\b", "(?P<x>a)\\b", "^a\\b",
                              "a{2", "(a\\b", "\\pL"}) {
    TimexFirstWords words(pattern);
    CHECK_MESSAGE(!words.bounded(), std::string(pattern));
    CHECK(words.MayBegin("anything"));
  }
}

TEST_CASE("first words: the grammar's") {
  for (bool present : {false, true}) {
    TimexFirstWords words(TimexPattern(present));
    REQUIRE(words.bounded());
    for (const char* w : {"in", "last", "monday", "may", "q", "the", "from",
                          "christmas", "new", "every", "yesterday", "a",
                          "fiscal", "mid", "early", "between", "noon"}) {
      CHECK_MESSAGE(words.MayBegin(w), std::string(w));
    }
    for (const char* w : {"on", "and", "said", "to", "ago", "s", "th"}) {
      CHECK_MESSAGE(!words.MayBegin(w), std::string(w));
    }
    CHECK(words.MayBegin("now") == present);
    // Two words: the second one must be able to follow the first.
    CHECK(words.MayBegin("in", "May"));
    CHECK(words.MayBegin("IN", "THE"));
    CHECK(words.MayBegin("last", "week"));
    CHECK(words.MayBegin("a", "few"));
    CHECK(words.MayBegin("today", "said"));  // "today" is a match itself
    CHECK(!words.MayBegin("in", "Geneva"));
    CHECK(!words.MayBegin("the", "talks"));
    CHECK(!words.MayBegin("a", "new"));
    CHECK(!words.MayBegin("on", "Monday"));  // "on" is never first
  }
}

// Runs `check(text, from, to)` over each sentence of the real texts,
// `edges`, and `strings` random strings of 1 to `most_pieces` of `pieces`,
// each followed by one of `glue` (seeded, so a failure repeats).
template <typename Check>
void ForEachTextToCheck(Check& check, const std::vector<std::string>& pieces,
                        const std::vector<std::string>& glue, unsigned seed,
                        const std::string& edges = kEdgePhrases,
                        int strings = 3000, unsigned most_pieces = 10) {
  for (const std::filesystem::path& file : testing::RealTextFiles()) {
    std::string text = testing::ReadBytes(file);
    for (const Sentence& s : SplitSentences(text)) {
      check(text, s.start, std::min(s.end, text.size()));
    }
  }
  check(edges, 0, edges.size());
  std::mt19937 rng(seed);
  for (int i = 0; i < strings; ++i) {
    std::string text;
    for (unsigned k = 0, n = 1 + rng() % most_pieces; k < n; ++k) {
      text += pieces[rng() % pieces.size()];
      text += glue[rng() % glue.size()];
    }
    check(text, 0, text.size());
  }
}

// The property the recogniser relies on: wherever the scanner matches at a
// word start that begins with a letter, the run of letters there (and the
// next one, after spaces) can begin a match. Checked at every word start of
// every sentence of the sample stories and, when present, the TimeX, PLOVER and
// PETRARCH gold files, and on phrases at the edges of the grammar.
TEST_CASE("first words: no match begins with a word the filter rejects") {
  ScannerAndFirstWords grammar(true);
  grammar.RequireBuilt();
  RE2& scanner = grammar.scanner;
  TimexFirstWords& first = grammar.first;
  const auto letter = IsAsciiLetter;
  int matches = 0, skipped = 0, skipped_numbers = 0;
  auto check = [&](const std::string& text, std::size_t from, std::size_t to) {
    re2::StringPiece match;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    for (std::size_t pos = from; pos < to; ++pos) {
      if (!letter(text[pos]) && !digit(text[pos])) continue;
      if (pos > 0 && (letter(text[pos - 1]) || text[pos - 1] == '_' ||
                      digit(text[pos - 1]))) {
        continue;
      }
      if (digit(text[pos])) {  // numbers: by their length and what follows
        std::size_t run = 0;
        bool may = first.MayBeginAt(text, pos, &run);
        std::size_t digits_end = pos;
        while (digits_end < text.size() && digit(text[digits_end])) {
          ++digits_end;
        }
        CHECK(run == digits_end);  // the run it reports, either way
        if (scanner.Match(text, pos, to, RE2::ANCHOR_START, &match, 1)) {
          ++matches;
          if (!may) FAIL_CHECK("rejected: " << match);
        } else if (!may) {
          ++skipped_numbers;
        }
        continue;
      }
      // As the recogniser asks: by the run and what follows it.
      std::size_t run = 0;
      bool may = first.MayBeginAt(text, pos, &run);
      // Never more than the run alone, or with the next run, allows.
      auto run_end = [&](std::size_t i) {
        while (i < text.size() && letter(text[i])) ++i;
        return i;
      };
      std::size_t end = run_end(pos), second = end;
      CHECK(run == end);  // the run it reports, either way
      while (second < text.size() && IsTimexSpace(text[second])) ++second;
      std::string_view view(text);
      bool by_words =
          second > end && second < text.size() && letter(text[second])
              ? first.MayBegin(view.substr(pos, end - pos),
                               view.substr(second, run_end(second) - second))
              : first.MayBegin(view.substr(pos, end - pos));
      if (may && !by_words) FAIL_CHECK("allowed more than by words at " << pos);
      if (scanner.Match(text, pos, to, RE2::ANCHOR_START, &match, 1)) {
        ++matches;
        if (!may) FAIL_CHECK("rejected: " << match);
      } else if (!may) {
        ++skipped;
      }
    }
  };
  const std::string edges =
      std::string(kEdgePhrases) + " "
      "Later on Friday, fiscal year 2020, nineteenth century, few weeks "
      "ago, dozens of years, up to two hours, every single week, once a "
      "week, the following day, the same week, these days, currently. "
      "mid-2020, Q3, ten-year, twenty-one days, the 1990s, Sept.9, in\tMay "
      "2021, New Year\xE2\x80\x99s Day, last\nweek, early-2021, the "
      "'90s, fiscal\x0byear 2020, a.m., the day-after, dozen-odd, end. "
      "2 billion, 100,000 troops, 5 p.m., 9 Sept., 3 weeks, 12345 days, "
      "3-5, 1950-53, 15:00, 7am, 10 o'clock, 25 years later, 1.5 hours.";
  // Random strings of grammar words, numbers and punctuation.
  const std::vector<std::string> pieces = {
      "in", "the", "of", "last", "mid", "early", "late", "a", "an", "few",
      "May", "March", "Monday", "week", "weeks", "days", "year", "ago",
      "later", "Q", "New", "Year", "Eve", "o", "clock", "p", "m", "fiscal",
      "2021", "9", "30", "1990", "s", "st", "th", "-", ".", ",", "'", "/",
      "100", "000", "12345", "15", "8", "53", "billion", "o'clock", "GMT",
      "hours", "times", "and", "to", "between", "from", "noon", "am",
      ":", "$", "%", "\xE2\x80\x99", "\xC3\xA9", "said", "talks"};
  const std::vector<std::string> glue = {" ", " ", "", "\t", "  ", "-", "."};
  ForEachTextToCheck(check, pieces, glue, 9, edges, 4000, 12);
  MESSAGE(matches << " matches, " << skipped << " word starts and "
                  << skipped_numbers << " numbers skipped, in "
                  << testing::RealTextFiles().size() << " files");
  CHECK(skipped_numbers > 0);
  CHECK(matches > 40);
  CHECK(skipped > matches);
}

// ---- Tails (TimexTail) ----------------------------------------------------

TEST_CASE("tails: what can follow a match of one or two words") {
  TimexFirstWords first(TimexPattern(false));
  REQUIRE(first.bounded());
  auto stops = [&first](const std::string& span, const std::string& after) {
    std::optional<TimexTail> tail = first.TailOf(span);
    REQUIRE(tail.has_value());
    const std::string text = span + after;
    return TimexTailStops(*tail, text, span.size(), text.size());
  };
  CHECK(stops("Friday", " said"));
  CHECK(stops("Friday", "."));
  CHECK(stops("Friday", ", the"));
  CHECK(stops("Friday", ""));
  CHECK(stops("last week", " that"));
  CHECK(!stops("Friday", " night"));
  CHECK(!stops("Friday", " at noon"));
  CHECK(!stops("Friday", ", at noon"));
  CHECK(!stops("Friday", ", Sept. 9"));
  CHECK(!stops("March", " 3"));
  CHECK(!stops("2019", "-20"));
  CHECK(!stops("last week", "end"));  // a word byte next is not judged
  // The dash of ranges, written in UTF-8, and in Latin-1 folded by RE2.
  CHECK(!stops("1950",
               "\xE2\x80\x93"
               "53"));
  CHECK(!stops("1950",
               "\xC2\x80\x93"
               "53"));
  CHECK(!first.TailOf("said").has_value());
}

// The property the recogniser relies on: wherever a tail says a match of
// one word, or a word and a word or number after a space ("Feb. 16"),
// cannot go on, the scanner's longest match there is no longer. Checked at
// every word start of real texts and of random strings of grammar words.
TEST_CASE("tails: no match goes on where a tail says it stops") {
  ScannerAndFirstWords grammar(true);
  grammar.RequireBuilt();
  RE2& scanner = grammar.scanner;
  TimexFirstWords& first = grammar.first;
  std::map<std::string, std::optional<TimexTail>> tails;
  auto tail_of =
      [&](const std::string& span) -> const std::optional<TimexTail>& {
    auto it = tails.find(span);
    if (it == tails.end()) it = tails.emplace(span, first.TailOf(span)).first;
    return it->second;
  };
  const auto letter = IsAsciiLetter;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto word = [&](char c) { return letter(c) || digit(c) || c == '_'; };
  int stopped = 0;
  auto check = [&](const std::string& text, std::size_t from, std::size_t to) {
    re2::StringPiece match;
    for (std::size_t pos = from; pos < to; ++pos) {
      if (!word(text[pos]) || text[pos] == '_' ||
          (pos > 0 && word(text[pos - 1]))) {
        continue;
      }
      const bool letters = letter(text[pos]);
      std::size_t end = pos;
      while (end < to && (letters ? letter(text[end]) : digit(text[end]))) {
        ++end;
      }
      // The spans the recogniser looks up: a run, or a run of letters and,
      // after a space (and a period), a run of letters or digits.
      std::vector<std::size_t> ends = {end};
      std::size_t space = end < to && text[end] == '.' ? end + 1 : end;
      if (letters && space + 1 < to && text[space] == ' ' &&
          (letter(text[space + 1]) || digit(text[space + 1]))) {
        const bool second_letters = letter(text[space + 1]);
        std::size_t second = space + 1;
        while (second < to &&
               (second_letters ? letter(text[second]) : digit(text[second]))) {
          ++second;
        }
        ends.push_back(second);
      }
      for (std::size_t e : ends) {
        if (e < text.size() && word(text[e])) continue;
        const std::optional<TimexTail>& tail =
            tail_of(text.substr(pos, e - pos));
        if (!tail || !TimexTailStops(*tail, text, e, to)) continue;
        ++stopped;
        if (scanner.Match(text, pos, to, RE2::ANCHOR_START, &match, 1) &&
            match.size() > e - pos) {
          FAIL_CHECK("goes on: " << match << " past "
                                 << text.substr(pos, e - pos));
        }
      }
    }
  };
  ForEachTextToCheck(
      check,
      {"in", "the", "last", "mid", "early", "a", "few", "May", "March",
       "Monday", "Friday", "week", "weeks", "days", "year", "ago", "later",
       "next", "this", "New", "Year", "Eve", "o", "clock", "p", "m", "2021",
       "9", "30", "1990", "s", "th", "-", ".", ",", "'", "/", ":", "GMT",
       "night", "at", "noon", "to", "and", "from", "\xE2\x80\x93",
       "\xC2\x80\x93", "said", "of", "Sept", "1950", "53", "Feb.", "16",
       "(", "Jan", "8"},
      {" ", " ", "", ", ", "  ", "-", "."}, 11);
  MESSAGE(stopped << " matches of one or two words judged whole");
  CHECK(stopped > 100);
}

// The recogniser's other use of tails: a run of letters, or two runs with
// one space ("the first", "in the"), that is no match, with no match
// ending inside it (a run alone, or a first word the grammar must read a
// second after: MayEndAfter false), and a tail that stops, begins no match
// at all. Checked at every word start of real texts and random strings.
TEST_CASE("tails: no match begins at a span that is none and stops") {
  ScannerAndFirstWords grammar(true);
  grammar.RequireBuilt();
  RE2& scanner = grammar.scanner;
  TimexFirstWords& first = grammar.first;
  const auto letter = IsAsciiLetter;
  auto word = [&](char c) {
    return letter(c) || (c >= '0' && c <= '9') || c == '_';
  };
  // Whether the span is a whole match, as the recogniser types it.
  std::string scratch;
  re2::StringPiece match;
  auto is_match = [&](std::string_view span) {
    scratch = " " + std::string(span) +
              std::string(kTimexKindCount, kTimexTypeMarker);
    return scanner.Match(scratch, 1, scratch.size(), RE2::ANCHOR_START,
                         &match, 1) &&
           match.size() > span.size();
  };
  int skipped = 0;
  auto check = [&](const std::string& text, std::size_t from, std::size_t to) {
    const std::string_view view(text);
    for (std::size_t pos = from; pos < to; ++pos) {
      if (!letter(text[pos]) || (pos > 0 && word(text[pos - 1]))) continue;
      std::size_t end = pos;
      while (end < to && letter(text[end])) ++end;
      std::vector<std::size_t> ends = {end};
      if (end + 1 < to && text[end] == ' ' && letter(text[end + 1]) &&
          !first.MayEndAfter(view.substr(pos, end - pos))) {
        std::size_t second = end + 1;
        while (second < to && letter(text[second])) ++second;
        ends.push_back(second);
      }
      for (std::size_t e : ends) {
        if (e < text.size() && word(text[e])) continue;
        const std::string_view span = view.substr(pos, e - pos);
        std::optional<TimexTail> tail = first.TailOf(span);
        if (!tail || !TimexTailStops(*tail, text, e, to) || is_match(span)) {
          continue;
        }
        ++skipped;
        if (scanner.Match(text, pos, to, RE2::ANCHOR_START, &match, 1)) {
          FAIL_CHECK("begins: " << match << " at " << span);
        }
      }
    }
  };
  ForEachTextToCheck(
      check,
      {"in", "the", "last", "first", "coming", "end", "at", "of", "a", "few",
       "May", "March", "Monday", "week", "weeks", "days", "year", "ago",
       "later", "next", "this", "New", "Year", "past", "same", "time",
       "2021", "9", "30", "-", ".", ",", "'", "/", ":", "night", "noon",
       "to", "and", "from", "said", "early", "mid", "Feb.", "16", "(",
       "following", "day", "month", "over", "since"},
      {" ", " ", " ", "", ", ", "-", "."}, 17);
  MESSAGE(skipped << " spans that are no match judged to begin none");
  CHECK(skipped > 100);
}

// ---- Kinds (MarkedMatches) ------------------------------------------------

// The recogniser types its known spans with the analysis's automaton, not
// RE2: both must read the same number of type markers past every span it
// can learn (every first word as written three ways, the years, every pair
// of words four ways, months and days) and past random spans.
TEST_CASE("kinds: the analysis reads as many type markers as RE2") {
  for (bool present : {false, true}) {
    CAPTURE(present);
    ScannerAndFirstWords grammar(present);
    grammar.RequireBuilt();
    RE2& scanner = grammar.scanner;
    TimexFirstWords& first = grammar.first;
    auto capitalise = [](std::string w) {
      if (w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
      return w;
    };
    std::vector<std::string> spans;
    for (const std::string& word : first.Words()) {
      std::string upper = word;
      for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
      spans.insert(spans.end(), {word, capitalise(word), upper});
    }
    for (int year = 1800; year <= 2099; ++year) {
      spans.push_back(std::to_string(year));
    }
    for (const auto& [a, b] : first.WordPairs()) {
      for (const std::string& x : {a, capitalise(a)}) {
        for (const std::string& y : {b, capitalise(b)}) {
          spans.push_back(x + " " + y);
        }
      }
    }
    for (const char* month : {"January", "May", "Sept", "Sept.", "Feb.", "Dec",
                              "march", "Mid", "Q"}) {
      for (int day = 0; day <= 40; ++day) {
        spans.push_back(std::string(month) + " " + std::to_string(day));
      }
    }
    const std::vector<std::string> pieces = {
        "in",    "the",    "last", "mid",
        "early", "a",      "few",  "May",
        "March", "Monday", "week", "weeks",
        "days",  "year",   "ago",  "later",
        "next",  "New",    "Year", "Eve",
        "o",     "clock",  "p",    "m",
        "2021",  "9",      "30",   "1990",
        "s",     "th",     "-",    ".",
        ",",     "'",      "/",    ":",
        "GMT",   "night",  "at",   "noon",
        "to",    "and",    "from", "\xE2\x80\x93",
        "said",  "Feb.",   "16",   "\x01",
        "_"};
    const std::vector<std::string> glue = {" ", " ", "", ", ", "-", "."};
    std::mt19937 rng(13);
    for (int i = 0; i < 3000; ++i) {
      std::string span;
      for (unsigned k = 0, n = 1 + rng() % 5; k < n; ++k) {
        span += pieces[rng() % pieces.size()];
        if (k + 1 < n) span += glue[rng() % glue.size()];
      }
      spans.push_back(span);
    }
    std::vector<std::string_view> views(spans.begin(), spans.end());
    const std::vector<int> markers =
        first.MarkedMatches(views, kTimexTypeMarker, kTimexKindCount);
    REQUIRE(markers.size() == spans.size());
    int matched = 0;
    std::string scratch;
    re2::StringPiece match;
    for (std::size_t i = 0; i < spans.size(); ++i) {
      const std::string& span = spans[i];
      if (span.empty() || !(std::isalnum(static_cast<unsigned char>(span[0])) ||
                            span[0] == '_')) {
        continue;  // (spans begin with a word byte)
      }
      scratch = " " + span + std::string(kTimexKindCount, kTimexTypeMarker);
      int expected = 0;
      if (scanner.Match(scratch, 1, scratch.size(), RE2::ANCHOR_START, &match,
                        1) &&
          match.size() > span.size()) {
        expected = static_cast<int>(match.size() - span.size());
      }
      if (markers[i] != expected) {
        FAIL_CHECK("'" << span << "': " << markers[i] << " markers, RE2 "
                       << expected);
      }
      matched += expected > 0;
    }
    MESSAGE(matched << " of " << spans.size() << " spans typed");
    CHECK(matched > 1000);
  }
}

}  // namespace
}  // namespace entente
