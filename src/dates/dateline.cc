// A dateline is read by hand rather than by the grammar: it is one short
// prefix whose shape (capitals, commas, a parenthesised agency, a dash) is
// easier to check step by step than to express as one more alternative of
// the scanner. The month and day are read with ReadTimexWords, so "Sept.",
// "Feb." and "June" read the same as elsewhere.
#include "dates/dateline.h"

#include <algorithm>
#include <string>

#include "core/calendar.h"
#include "dates/timex_words.h"

namespace entente {
namespace {

constexpr std::size_t kMaxDateline = 160;

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// Where the closing dash starts and ends: " - ", " -- ", " — ", " – ".
bool FindDash(std::string_view head, std::size_t* at, std::size_t* after) {
  // From space to space (find is memchr): most bytes of a head are no space.
  for (std::size_t space = head.find(' '); space != std::string_view::npos;
       space = head.find(' ', space + 1)) {
    const std::size_t i = space + 1;
    if (i + 1 >= head.size()) break;
    std::size_t j = i;
    if (head.compare(i, 3, "\xE2\x80\x94") == 0 ||
        head.compare(i, 3, "\xE2\x80\x93") == 0) {
      j = i + 3;
    } else {
      while (j < head.size() && head[j] == '-') ++j;
    }
    if (j > i && (j == head.size() || head[j] == ' ')) {
      *at = i, *after = j;
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<Dateline> ReadDateline(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\n' ||
                                 text[begin] == '\r' || text[begin] == '\t')) {
    ++begin;
  }
  std::string_view head = text.substr(begin, kMaxDateline);
  head = head.substr(0, head.find('\n'));
  // The place: a word of two or more capitals ("WASHINGTON", "ST.").
  std::size_t caps = 0;
  while (caps < head.size() && (IsUpper(head[caps]) || head[caps] == '.')) {
    ++caps;
  }
  if (caps < 2 || (caps < head.size() && IsLower(head[caps]))) {
    return std::nullopt;
  }
  std::size_t dash = 0, after = 0;
  if (!FindDash(head, &dash, &after)) return std::nullopt;
  const std::string_view prefix = head.substr(0, dash);
  // Drop "(Kyodo)", "(AP)". (Most datelines have no parentheses, and then
  // no copy.)
  std::string dropped;
  std::string_view plain = prefix;
  if (prefix.find('(') != std::string_view::npos) {
    int depth = 0;
    for (char c : prefix) {
      if (c == '(') ++depth;
      if (depth == 0) dropped += c;
      if (c == ')' && depth > 0) --depth;
    }
    plain = dropped;
  }
  Dateline line;
  line.end = begin + after;
  std::size_t place = std::min({dash, head.find(','), head.find('(')});
  while (place > 0 && head[place - 1] == ' ') --place;
  line.place_begin = begin;
  line.place_end = begin + place;
  // The date, if any, follows the first comma.
  std::size_t comma = plain.find(',');
  if (comma != std::string_view::npos) {
    TimexWords w = ReadTimexWords(plain.substr(comma + 1));
    int day = w.number > 0 ? w.number : w.ordinal;
    if (w.month != 0 && day >= 1 && day <= 31) {
      line.month = w.month;
      line.day = day;
      line.year = w.year;
    }
  }
  return line;
}

std::optional<CivilDate> DatelineDate(
    std::string_view text, const std::vector<TimeExpression>& times) {
  return DatelineDate(ReadDateline(text), times);
}

bool DatelineNeedsYear(const std::optional<Dateline>& line) {
  return line && line->month != 0 && line->year == 0;
}

std::optional<CivilDate> DatelineDate(const std::optional<Dateline>& line,
                                      const std::vector<TimeExpression>& times) {
  if (!line || line->month == 0) return std::nullopt;
  int year = line->year;
  if (year == 0) {
    for (const TimeExpression& t : times) {
      bool written = !t.anchored && t.type == "DATE" &&
                     (t.precision == "day" || t.precision == "month") &&
                     t.value.size() >= 7;
      if (written) year = std::max(year, std::stoi(t.value.substr(0, 4)));
    }
  }
  if (year == 0 || !IsValidDate(year, line->month, line->day)) {
    return std::nullopt;
  }
  return CivilDate{year, line->month, line->day};
}

}  // namespace entente
