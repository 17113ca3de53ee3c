// Recognition is one pass of one automaton per sentence: the grammar of
// timex_grammar.cc is compiled once, with leftmost-longest semantics (so
// "late last July" wins over "July") and Latin-1 encoding (the patterns are
// ASCII, so arbitrary bytes are harmless). The scanner asks only for the
// extent of each match, which RE2 answers with its DFA alone; capture
// groups would force its much slower NFA. Each match is then
//  1. typed by matching the short span against an RE2::Set of the kinds,
//  2. trimmed of a leading preposition ("in May" → "May"),
//  3. checked against a few cheap false alarms (a "2000" in "$2000"),
//  4. normalised, with the tense cue of its clause, by timex_normalizer.
// The scan continues after the match, so matches never overlap within a
// sentence; overlaps across (overlapping) sentence spans are resolved at the
// end in favour of the longer expression.
#include "dates/time_recognizer.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <string>

#include "dates/tense_cues.h"
#include "dates/timex_grammar.h"
#include "dates/timex_normalizer.h"

namespace entente {

struct TimeRecognizer::Impl {
  std::unique_ptr<RE2> scanner;     // all kinds: where expressions are
  std::unique_ptr<RE2::Set> kinds;  // one pattern a kind: what they are
  bool kinds_ok = false;
};

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Moves `start` past leading prepositions that an alternative needed as
// context but TempEval-3 leaves out of the expression.
std::size_t SkipPrepositions(std::string_view text, std::size_t start,
                             std::size_t end) {
  static constexpr std::array<std::string_view, 14> kPrepositions = {
      "in",     "on",   "at",  "by",      "since",  "until", "till",
      "during", "from", "for", "through", "before", "after", "of"};
  bool moved = true;
  while (moved) {
    moved = false;
    std::size_t word_end = start;
    while (word_end < end && !IsSpace(text[word_end])) ++word_end;
    if (word_end >= end) break;
    std::string word(text.substr(start, word_end - start));
    std::transform(word.begin(), word.end(), word.begin(), [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    for (std::string_view p : kPrepositions) {
      if (word == p) {
        start = word_end;
        while (start < end && IsSpace(text[start])) ++start;
        moved = true;
        break;
      }
    }
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
         kind == TimexKind::kHoliday;
}

// "a 22-year-old": an age, which dates nothing.
bool IsAge(std::string_view text, std::size_t end) {
  std::string_view after = text.substr(end);
  return after.starts_with("-old") || after.starts_with(" old") ||
         after.starts_with("-long");
}

}  // namespace

TimeRecognizer::TimeRecognizer() : TimeRecognizer(TimeRecognizerOptions{}) {}

TimeRecognizer::TimeRecognizer(const TimeRecognizerOptions& options)
    : impl_(std::make_unique<Impl>()) {
  RE2::Options re_options;
  re_options.set_encoding(RE2::Options::EncodingLatin1);
  re_options.set_longest_match(true);
  re_options.set_never_capture(true);
  re_options.set_max_mem(64 << 20);  // room for the DFA of a large grammar
  impl_->scanner = std::make_unique<RE2>(
      TimexPattern(options.present_references), re_options);
  impl_->kinds = std::make_unique<RE2::Set>(re_options, RE2::ANCHOR_BOTH);
  bool added = true;
  for (int i = 0; i < kTimexKindCount; ++i) {
    std::string pattern =
        "(?i)\\b(?:" + TimexKindPattern(static_cast<TimexKind>(i)) + ")";
    added = added && impl_->kinds->Add(pattern, nullptr) == i;
  }
  // The patterns are constants: a failure here is a bug, which Find reports
  // by finding nothing and the tests catch.
  impl_->kinds_ok = added && impl_->kinds->Compile();
}

TimeRecognizer::~TimeRecognizer() = default;

std::vector<TimeExpression> TimeRecognizer::Find(
    std::string_view text, const std::vector<Sentence>& sentences,
    const std::optional<CivilDate>& document_date) const {
  std::vector<TimeExpression> found;
  const RE2& scanner = *impl_->scanner;
  if (!scanner.ok() || !impl_->kinds_ok || text.empty()) return found;

  std::vector<int> kinds;
  auto scan = [&](std::size_t index, std::size_t from, std::size_t to) {
    std::string_view sentence = text.substr(from, to - from);
    re2::StringPiece match;
    std::size_t pos = from;
    while (pos < to &&
           scanner.Match(text, pos, to, RE2::UNANCHORED, &match, 1)) {
      std::size_t start = match.data() - text.data();
      std::size_t end = start + match.size();
      pos = end > start ? end : start + 1;
      kinds.clear();
      if (!impl_->kinds->Match(match, &kinds) || kinds.empty()) continue;
      auto timex_kind =
          static_cast<TimexKind>(*std::min_element(kinds.begin(), kinds.end()));
      start = SkipPrepositions(text, start, end);
      if (timex_kind == TimexKind::kYear && IsNumberNotYear(text, start, end)) {
        continue;
      }
      if (timex_kind == TimexKind::kDuration && IsAge(text, end)) continue;
      std::string_view span = text.substr(start, end - start);
      bool ahead = NeedsDirection(timex_kind) &&
                   LooksAhead(sentence, start - from, end - from);
      auto value = NormalizeTimex(timex_kind, span, document_date, ahead);
      if (!value) continue;
      TimeExpression expression;
      expression.start = start;
      expression.end = end;
      expression.sentence = index;
      expression.text = std::string(span);
      expression.type = std::move(value->type);
      expression.value = std::move(value->value);
      expression.precision =
          expression.value.empty() ? "" : std::move(value->precision);
      expression.anchored = value->anchored;
      // The reading the other way in time, for the events stage, which
      // knows better whether its clause is planned ("is scheduled to host
      // ... on Monday") than a window of words around the expression.
      if (NeedsDirection(timex_kind)) {
        auto other = NormalizeTimex(timex_kind, span, document_date, !ahead);
        if (other && !other->value.empty()) {
          (ahead ? expression.past_value : expression.future_value) =
              other->value;
          (ahead ? expression.future_value : expression.past_value) =
              expression.value;
        }
      }
      found.push_back(std::move(expression));
    }
  };

  if (sentences.empty()) {
    scan(0, 0, text.size());
  } else {
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      std::size_t to = std::min(sentences[i].end, text.size());
      std::size_t from = std::min(sentences[i].start, to);
      if (from < to) scan(i, from, to);
    }
  }

  // Sentences given out of order or overlapping: sort, then keep the longer
  // of two overlapping expressions (the earlier one on a tie).
  auto by_start = [](const TimeExpression& a, const TimeExpression& b) {
    return a.start < b.start;
  };
  if (!std::is_sorted(found.begin(), found.end(), by_start)) {
    std::stable_sort(found.begin(), found.end(), by_start);
  }
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
