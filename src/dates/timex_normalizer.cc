// Each kind has one resolver that combines the words read by
// ReadTimexWords with the document date, using core/calendar for the
// arithmetic. Values keep the granularity of what the text says: a day
// ("2021-09-09"), an ISO week ("2021-W35"), a month ("2021-07"), a quarter
// ("2021-Q3"), a season ("2021-SU"), a year, a decade ("199") or a century
// ("19"). Modifiers such as "early" or "the end of" do not change the value
// (TIMEX3 would put them in `mod`, which we do not carry).
//
// Direction, for expressions that do not say which way they point:
// news is told in the past tense, so "Thursday" or "in March" is the most
// recent one on or before the document date, unless the recogniser found a
// cue that the clause looks ahead; then it is the next one after it.
// Seasons use the year in which they start (winter 2021 runs from December
// 2021 to February 2022).
//
// Anchored expressions ("the day before", "a week later", "that evening")
// count from the date the text set last (TimexContext::anchor), else from
// the document date, and keep the granularity of their own unit unless the
// anchor is coarser ("a day later" after "in March" stays March). Clock
// times take the day they name, else the anchor's day. SETs get TIMEX3
// period values ("every week" P1W, "every Monday" XXXX-WXX-1).
#include "dates/timex_normalizer.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "dates/timex_words.h"

namespace entente {
namespace {

using Doc = std::optional<CivilDate>;

// printf of this file's formats ("%04d-%02d", "%04d-Q%d", "%03d"...):
// literal bytes and %d or %0Nd of `a`, then `b`. Written out by hand for
// the values news names (snprintf was a tenth of the stage's time); a
// negative value goes to snprintf.
std::string Format(const char* format, int a, int b = 0) {
  if (a < 0 || b < 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, format, a, b);
    return buf;
  }
  // Written into a buffer and made a string once (appending byte by byte
  // cost a call a byte). It holds any format of this file: a dozen
  // literal bytes and two numbers of at most ten digits and nine of
  // padding.
  char out[64];
  std::size_t size = 0;
  const int args[2] = {a, b};
  int next = 0;
  for (const char* p = format; *p != '\0'; ++p) {
    if (*p != '%') {
      out[size++] = *p;
      continue;
    }
    ++p;
    int width = 0;
    if (*p == '0') {
      ++p;
      width = *p++ - '0';
    }
    // *p is 'd'.
    char digits[16];
    int n = 0;
    for (int v = args[next++ & 1]; n == 0 || v > 0; v /= 10) {
      digits[n++] = static_cast<char>('0' + v % 10);
    }
    for (int k = n; k < width; ++k) out[size++] = '0';
    while (n > 0) out[size++] = digits[--n];
  }
  return std::string(out, size);
}

TimexValue Unresolved(const char* type) {
  return TimexValue{type, "", "", false};
}

// FormatIsoDate without snprintf, which was a tenth of this stage's time:
// the same "%04d-%02d-%02d" for the dates news names, else FormatIsoDate.
std::string IsoDate(const CivilDate& d) {
  if (d.year < 0 || d.year > 9999 || d.month < 0 || d.month > 99 ||
      d.day < 0 || d.day > 99) {
    return FormatIsoDate(d);
  }
  char buf[10] = {static_cast<char>('0' + d.year / 1000),
                  static_cast<char>('0' + d.year / 100 % 10),
                  static_cast<char>('0' + d.year / 10 % 10),
                  static_cast<char>('0' + d.year % 10),
                  '-',
                  static_cast<char>('0' + d.month / 10),
                  static_cast<char>('0' + d.month % 10),
                  '-',
                  static_cast<char>('0' + d.day / 10),
                  static_cast<char>('0' + d.day % 10)};
  return std::string(buf, sizeof buf);
}

// FormatIsoWeek without snprintf (a thousand instructions a call): the
// same "%04d-W%02d".
std::string IsoWeekValue(const IsoWeek& w) {
  return Format("%04d-W%02d", w.year, w.week);
}

// `head` followed by `tail` (a view, which std::string's + does not take).
std::string Concat(std::string head, std::string_view tail) {
  head.append(tail);
  return head;
}

TimexValue Day(const CivilDate& date, bool anchored,
               std::string_view day_part = {}) {
  if (day_part.empty()) return {"DATE", IsoDate(date), "day", anchored};
  return {"TIME", Concat(IsoDate(date) + "T", day_part), "day", anchored};
}

int RelationOffset(TimexRelation relation) {
  switch (relation) {
    case TimexRelation::kLast:
      return -1;
    case TimexRelation::kNext:
      return 1;
    default:
      return 0;
  }
}

// The year in which month/day falls, relative to the document date `doc`:
// strictly before or after it for "last"/"next", on or before by default,
// after when the clause looks ahead. Feb 29 moves to a leap year.
std::optional<CivilDate> PlaceMonthDay(int month, int day, const CivilDate& doc,
                                       TimexRelation relation, bool ahead) {
  int step = relation == TimexRelation::kNext   ? 1
             : relation == TimexRelation::kLast ? -1
             : ahead                            ? 1
                                                : -1;
  bool strict = relation != TimexRelation::kNone || ahead;
  if (relation == TimexRelation::kThis) {
    if (!IsValidDate(doc.year, month, day)) return std::nullopt;
    return CivilDate{doc.year, month, day};
  }
  for (int i = 0; i < 9; ++i) {
    int year = doc.year + i * step;
    if (!IsValidDate(year, month, day)) continue;
    CivilDate candidate{year, month, day};
    bool fits = step > 0 ? (strict ? candidate > doc : candidate >= doc)
                         : (strict ? candidate < doc : candidate <= doc);
    if (fits) return candidate;
  }
  return std::nullopt;
}

std::optional<TimexValue> CalendarDate(const TimexWords& w, const Doc& doc,
                                       bool ahead) {
  int day = w.number > 0 ? w.number : w.ordinal;
  if (w.month == 0 || day > 31) return std::nullopt;
  if (w.year != 0) {
    if (day == 0)
      return TimexValue{"DATE", Format("%04d-%02d", w.year, w.month), "month",
                        false};
    if (!IsValidDate(w.year, w.month, day)) return std::nullopt;
    return Day(CivilDate{w.year, w.month, day}, false);
  }
  if (day > DaysInMonth(2000, w.month)) return std::nullopt;
  if (!doc) return Unresolved("DATE");
  if (day > 0) {
    auto date = PlaceMonthDay(w.month, day, *doc, w.relation, ahead);
    if (!date) return Unresolved("DATE");
    return Day(*date, true);
  }
  // A month alone: compare month numbers only ("in September" in a
  // September story is this September either way).
  int year = doc->year;
  switch (w.relation) {
    case TimexRelation::kLast:
      year -= w.month < doc->month ? 0 : 1;
      break;
    case TimexRelation::kNext:
      year += w.month > doc->month ? 0 : 1;
      break;
    case TimexRelation::kThis:
      break;
    case TimexRelation::kNone:
      if (ahead && w.month < doc->month) year += 1;
      if (!ahead && w.month > doc->month) year -= 1;
      break;
  }
  return TimexValue{"DATE", Format("%04d-%02d", year, w.month), "month", true};
}

std::optional<TimexValue> Year(const TimexWords& w) {
  if (w.year != 0)
    return TimexValue{"DATE", Format("%04d", w.year), "year", false};
  if (w.decade >= 0) {
    return TimexValue{"DATE", Format("%03d", w.decade), "decade", false};
  }
  if (w.ordinal > 0) {
    return TimexValue{"DATE", Format("%02d", w.ordinal - 1), "century", false};
  }
  return std::nullopt;
}

std::optional<TimexValue> Weekday(const TimexWords& w, const Doc& doc,
                                  bool ahead) {
  if (w.weekday == 0) return std::nullopt;
  if (!doc) return Unresolved(w.day_part.empty() ? "DATE" : "TIME");
  // The document's day number, read once for its weekday and the day
  // named (every weekday found is read this way, twice).
  const long days = DaysFromCivil(*doc);
  // Day 0, 1970-01-01, was a Thursday (ISO weekday 4).
  int today = static_cast<int>((days % 7 + 10) % 7) + 1;
  int back = (today - w.weekday + 7) % 7;     // days back to the last one
  int forward = (w.weekday - today + 7) % 7;  // days on to the next one
  long shift = 0;
  switch (w.relation) {
    case TimexRelation::kLast:
      shift = -(back == 0 ? 7 : back);
      break;
    case TimexRelation::kNext:
      shift = forward == 0 ? 7 : forward;
      break;
    case TimexRelation::kThis:
      shift = w.weekday - today;
      break;
    case TimexRelation::kNone:
      shift = ahead ? (forward == 0 ? 7 : forward) : -back;
      // "later on Tuesday" in a Tuesday story is today, not next week.
      if (w.has_shift && back == 0) shift = 0;
      break;
  }
  return Day(CivilFromDays(days + shift), true, w.day_part);
}

std::optional<TimexValue> RelativeDay(const TimexWords& w, const Doc& doc) {
  const char* type = w.day_part.empty() ? "DATE" : "TIME";
  if (!doc) return Unresolved(type);
  int offset = w.day_offset;
  // "last night" is the night before; "this morning" today.
  if (!w.has_day_offset && w.relation == TimexRelation::kLast) offset = -1;
  return Day(AddDays(*doc, offset), true, w.day_part);
}

// The season `code` that "last", "this" or "next" picks, as a start year.
int SeasonYear(std::string_view code, TimexRelation relation,
               const CivilDate& doc) {
  int start_month = code == "SP" ? 3 : code == "SU" ? 6 : code == "FA" ? 9 : 12;
  auto floor_div = [](int a, int b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
  };
  int now = doc.year * 12 + doc.month - 1;  // months since year 0
  switch (relation) {
    case TimexRelation::kLast:  // the latest one that is over
      return floor_div(now - 3 - (start_month - 1), 12);
    case TimexRelation::kNext:  // the first one not yet begun
      return floor_div(now - (start_month - 1), 12) + 1;
    default:  // the one under way, else the one of this calendar year
      int current = floor_div(now - (start_month - 1), 12);
      return now - (current * 12 + start_month - 1) < 3 ? current : doc.year;
  }
}

std::optional<TimexValue> RelativeUnit(const TimexWords& w, const Doc& doc) {
  if (!doc) return Unresolved("DATE");
  int offset = RelationOffset(w.relation);
  const CivilDate& d = *doc;
  if (!w.season.empty()) {
    return TimexValue{
        "DATE",
        Concat(Format("%04d-", SeasonYear(w.season, w.relation, d)), w.season),
        "season", true};
  }
  if (w.unit == "week" || w.unit == "weekend") {
    std::string week = IsoWeekValue(IsoWeekOf(AddDays(d, 7L * offset)));
    if (w.unit == "weekend") week += "-WE";
    return TimexValue{"DATE", week, "week", true};
  }
  if (w.unit == "month") {
    CivilDate m = AddMonths(CivilDate{d.year, d.month, 1}, offset);
    return TimexValue{"DATE", Format("%04d-%02d", m.year, m.month), "month",
                      true};
  }
  if (w.unit == "quarter") {
    int index = d.year * 4 + (d.month - 1) / 3 + offset;
    int year = index >= 0 ? index / 4 : (index - 3) / 4;
    return TimexValue{"DATE", Format("%04d-Q%d", year, index - year * 4 + 1),
                      "quarter", true};
  }
  if (w.unit == "year") {
    return TimexValue{"DATE", Format("%04d", d.year + offset), "year", true};
  }
  if (w.unit == "decade") {
    return TimexValue{"DATE", Format("%03d", d.year / 10 + offset), "decade",
                      true};
  }
  if (w.unit == "century") {
    return TimexValue{"DATE", Format("%02d", d.year / 100 + offset), "century",
                      true};
  }
  return std::nullopt;
}

std::optional<TimexValue> SeasonQuarter(const TimexWords& w, const Doc& doc,
                                        bool ahead) {
  bool explicit_year = w.year != 0;
  if (!explicit_year && !doc) return Unresolved("DATE");
  int year = explicit_year ? w.year : doc->year + RelationOffset(w.relation);
  if (!explicit_year && !w.season.empty() &&
      w.relation == TimexRelation::kNone && w.ordinal == 0) {
    // A bare season ("in the autumn"): the one under way or next when the
    // clause looks ahead, else the one under way or last.
    int start = w.season == "SP"   ? 3
                : w.season == "SU" ? 6
                : w.season == "FA" ? 9
                                   : 12;
    if (ahead && doc->month >= start + 3) year += 1;
    if (!ahead && doc->month < start && start != 12) year -= 1;
    if (!ahead && start == 12) year -= doc->month < 12 ? 1 : 0;
  }
  if (!w.season.empty()) {
    return TimexValue{"DATE", Concat(Format("%04d-", year), w.season), "season",
                      !explicit_year};
  }
  int quarter = w.quarter != 0 ? w.quarter : w.ordinal;
  if (w.unit == "half" && (w.ordinal == 1 || w.ordinal == 2)) {
    return TimexValue{"DATE", Format("%04d-H%d", year, w.ordinal), "half",
                      !explicit_year};
  }
  if (quarter < 1 || quarter > 4) return std::nullopt;
  return TimexValue{"DATE", Format("%04d-Q%d", year, quarter), "quarter",
                    !explicit_year};
}

std::optional<TimexValue> Ago(const TimexWords& w, const Doc& doc) {
  if (!doc || w.count_unknown || w.count != std::floor(w.count) ||
      w.count > 100000) {
    return Unresolved("DATE");
  }
  int n = static_cast<int>(w.count) * (w.ago ? -1 : 1);
  const CivilDate& d = *doc;
  if (w.unit == "day") return Day(AddDays(d, n), true);
  if (w.unit == "hour") return Day(AddDays(d, n / 24), true);
  if (w.unit == "minute" || w.unit == "second") return Day(d, true);
  if (w.unit == "week") {
    return TimexValue{"DATE", IsoWeekValue(IsoWeekOf(AddDays(d, 7L * n))),
                      "week", true};
  }
  if (w.unit == "month") {
    CivilDate m = AddMonths(CivilDate{d.year, d.month, 1}, n);
    return TimexValue{"DATE", Format("%04d-%02d", m.year, m.month), "month",
                      true};
  }
  if (w.unit == "year") {
    return TimexValue{"DATE", Format("%04d", d.year + n), "year", true};
  }
  if (w.unit == "decade") {
    return TimexValue{"DATE", Format("%03d", (d.year + 10 * n) / 10), "decade",
                      true};
  }
  if (w.unit == "century") {
    return TimexValue{"DATE", Format("%02d", (d.year + 100 * n) / 100),
                      "century", true};
  }
  return std::nullopt;
}

std::optional<TimexValue> Duration(const TimexWords& w) {
  if (w.unit.empty() || w.unit == "weekend" || w.unit == "quarter") {
    return std::nullopt;
  }
  bool unknown = w.count_unknown || !w.has_count;
  double n = w.count;
  // (A std::string here drew a false -Werror=restrict from GCC 12 at -O3
  // on the assignments of literals below.)
  const char* letter = "";
  bool time = w.unit == "hour" || w.unit == "minute" || w.unit == "second";
  if (time) {
    letter = w.unit == "hour" ? "H" : w.unit == "minute" ? "M" : "S";
  } else if (w.unit == "decade" || w.unit == "century") {
    letter = unknown ? (w.unit == "decade" ? "DE" : "CE") : "Y";
    n *= w.unit == "decade" ? 10 : 100;
  } else {
    letter = w.unit == "day"     ? "D"
             : w.unit == "week"  ? "W"
             : w.unit == "month" ? "M"
                                 : "Y";
  }
  std::string value(time ? "PT" : "P");
  if (unknown) {
    value += 'X';
  } else if (n >= 1 && n < 1e6 &&
             n == static_cast<double>(static_cast<int>(n))) {
    // What "%g" prints for a whole number below a million, without the
    // cost of snprintf (which was most of a duration's).
    value += std::to_string(static_cast<int>(n));
  } else {
    char amount[32];
    std::snprintf(amount, sizeof amount, "%g", n);
    value += amount;
  }
  value += letter;
  return TimexValue{"DURATION", std::move(value), "", false};
}

std::optional<TimexValue> Holiday(const TimexWords& w, const Doc& doc,
                                  bool ahead) {
  if (!doc) return Unresolved("DATE");
  int month = w.christmas || w.eve ? 12 : 1;
  int day = w.christmas ? (w.eve ? 24 : 25) : (w.eve ? 31 : 1);
  auto date = PlaceMonthDay(month, day, *doc, w.relation, ahead);
  if (!date) return Unresolved("DATE");
  return Day(*date, true);
}

// The digit groups of a numeric date and the separator between them.
struct NumericParts {
  std::vector<std::string> groups;
  char separator = 0;
};

NumericParts SplitNumeric(std::string_view text) {
  NumericParts parts;
  std::string group;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      group += c;
    } else if (!group.empty()) {
      parts.groups.push_back(group);
      group.clear();
      if (!parts.separator) parts.separator = c;
    }
  }
  if (!group.empty()) parts.groups.push_back(group);
  return parts;
}

int TwoDigitYear(int yy) { return yy < 50 ? 2000 + yy : 1900 + yy; }

std::optional<TimexValue> NumericDate(std::string_view text,
                                      NumericDateOrder order) {
  NumericParts p = SplitNumeric(text);
  std::vector<int> n;
  for (const std::string& g : p.groups) n.push_back(std::atoi(g.c_str()));
  if (n.size() == 2) {
    bool year_first = p.groups[0].size() == 4;
    int year = year_first ? n[0] : n[1], month = year_first ? n[1] : n[0];
    // "2010-11" is a season or fiscal year, not November 2010.
    if (year_first && p.separator == '-' && month == (year + 1) % 100) {
      return TimexValue{"DATE", Format("%04d", year), "year", false};
    }
    if (month < 1 || month > 12) return std::nullopt;
    return TimexValue{"DATE", Format("%04d-%02d", year, month), "month", false};
  }
  if (n.size() != 3) return std::nullopt;
  int year, month, day;
  if (p.groups[0].size() == 4) {
    year = n[0], month = n[1], day = n[2];
  } else if (order == NumericDateOrder::kYearMonthDay &&
             p.groups[2].size() == 2) {
    year = TwoDigitYear(n[0]), month = n[1], day = n[2];
  } else {
    year = p.groups[2].size() == 2 ? TwoDigitYear(n[2]) : n[2];
    // Dotted dates ("10.09.2021") are the European day-first form.
    bool day_first =
        order == NumericDateOrder::kDayMonthYear || p.separator == '.';
    month = day_first ? n[1] : n[0];
    day = day_first ? n[0] : n[1];
    if (month > 12 && day <= 12) std::swap(month, day);  // 25/12/2021
  }
  if (!IsValidDate(year, month, day)) return std::nullopt;
  return Day(CivilDate{year, month, day}, false);
}

// A clock time read from an expression: hour, minutes and seconds, with
// how many of them the text gave, and the byte span of the clock.
struct Clock {
  int hour = 0, minute = 0, second = 0;
  int fields = 0;  // 1: "8 p.m.", 2: "8:30", 3: "3:07:35"
  std::size_t begin = 0, end = 0;
};

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<Clock> ReadClock(std::string_view text) {
  std::string lower = Lower(text);
  Clock clock;
  for (std::string_view word : {"noon", "midday", "midnight"}) {
    std::size_t at = lower.find(word);
    if (at != std::string::npos) {
      clock.hour = word == "midnight" ? 0 : 12;
      clock.fields = 1;
      clock.begin = at;
      clock.end = at + word.size();
      return clock;
    }
  }
  // The digits that are followed by ":", "a.m.", "p.m." or "o'clock".
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(lower[i]))) continue;
    if (i > 0 && std::isalnum(static_cast<unsigned char>(lower[i - 1])))
      continue;
    std::size_t j = i;
    int values[3] = {0, 0, 0}, count = 0;
    while (count < 3 && j < lower.size() &&
           std::isdigit(static_cast<unsigned char>(lower[j]))) {
      int v = 0;
      while (j < lower.size() &&
             std::isdigit(static_cast<unsigned char>(lower[j]))) {
        v = v * 10 + (lower[j++] - '0');
      }
      values[count++] = v;
      if (j < lower.size() && lower[j] == ':')
        ++j;
      else
        break;
    }
    std::size_t k = j;
    while (k < lower.size() && lower[k] == ' ') ++k;
    bool am =
        k < lower.size() && lower[k] == 'a' && lower.compare(k, 2, "at") != 0;
    bool pm = k < lower.size() && lower[k] == 'p';
    bool oclock = lower.compare(k, 7, "o'clock") == 0;
    if (count < 2 && !am && !pm && !oclock) continue;
    clock.hour = values[0];
    clock.minute = values[1];
    clock.second = values[2];
    clock.fields = count;
    if (pm && clock.hour < 12) clock.hour += 12;
    if (am && clock.hour == 12) clock.hour = 0;
    clock.begin = i;
    clock.end = k;
    if (am || pm) {  // past "a.m." / "pm"
      clock.end = k + 1;
      while (clock.end < lower.size() &&
             (lower[clock.end] == '.' || lower[clock.end] == 'm' ||
              lower[clock.end] == ' ')) {
        ++clock.end;
      }
    } else if (oclock) {
      clock.end = k + 7;
    }
    if (clock.hour > 23 || clock.minute > 59 || clock.second > 59) {
      return std::nullopt;
    }
    return clock;
  }
  return std::nullopt;
}

std::string ClockSuffix(const Clock& c) {
  std::string out = Format("T%02d", c.hour);
  if (c.fields >= 2) out += Format(":%02d", c.minute);
  if (c.fields >= 3) out += Format(":%02d", c.second);
  return out;
}

// The day an anchored expression counts from: the anchor, else the
// document date.
std::optional<TimexAnchor> Base(const TimexContext& context) {
  if (context.anchor) return context.anchor;
  if (context.document_date) return TimexAnchor{*context.document_date, "day"};
  return std::nullopt;
}

int PrecisionRank(std::string_view precision) {
  return precision == "day"     ? 0
         : precision == "week"  ? 1
         : precision == "month" ? 2
                                : 3;
}

std::string FormatAnchor(const TimexAnchor& a) {
  if (a.precision == "day") return IsoDate(a.date);
  if (a.precision == "week") return IsoWeekValue(IsoWeekOf(a.date));
  if (a.precision == "month")
    return Format("%04d-%02d", a.date.year, a.date.month);
  return Format("%04d", a.date.year);
}

std::optional<TimexValue> Anchored(TimexWords w, std::string_view text,
                                   const TimexContext& context) {
  // "earlier in the day", "later in the week": within the anchor's.
  std::string lower = Lower(text);
  if (lower.find(" in the ") != std::string::npos ||
      lower.find(" of the day") != std::string::npos) {
    w.same = true;
  }
  auto base = Base(context);
  std::string unit(w.unit);
  bool day_part = !w.day_part.empty() && unit.empty();
  if (unit.empty() || unit == "hour" || unit == "minute" || unit == "second") {
    unit = "day";
  }
  if (unit == "weekend") unit = "week";
  const char* type = day_part ? "TIME" : "DATE";
  if (!base) return Unresolved(type);
  int direction = w.same                               ? 0
                  : w.relation == TimexRelation::kNext ? 1
                  : w.relation == TimexRelation::kLast ? -1
                                                       : w.shift;
  bool subday = w.unit == "hour" || w.unit == "minute" || w.unit == "second";
  long n = w.has_count && !w.count_unknown ? static_cast<long>(w.count) : 1;
  if (subday) {  // "hours later": the same day, unless a day or more
    long per_day = w.unit == "hour" ? 24 : w.unit == "minute" ? 1440 : 86400;
    direction = w.has_count && n >= per_day ? direction : 0;
    unit = "day";
    n /= per_day;
  }
  if (w.count_unknown && !subday) return Unresolved(type);
  // A unit finer than the anchor cannot be placed inside it.
  if (PrecisionRank(unit) < PrecisionRank(base->precision)) {
    return TimexValue{"DATE", FormatAnchor(*base), base->precision,
                      true};
  }
  long shift = direction * n;
  const CivilDate& d = base->date;
  if (unit == "day") {
    CivilDate day = AddDays(d, shift);
    return Day(day, true, day_part ? w.day_part : "");
  }
  if (unit == "week") {
    return TimexValue{"DATE", IsoWeekValue(IsoWeekOf(AddDays(d, 7 * shift))),
                      "week", true};
  }
  if (unit == "month") {
    CivilDate m =
        AddMonths(CivilDate{d.year, d.month, 1}, static_cast<int>(shift));
    return TimexValue{"DATE", Format("%04d-%02d", m.year, m.month), "month",
                      true};
  }
  if (unit == "year") {
    return TimexValue{"DATE", Format("%04d", d.year + static_cast<int>(shift)),
                      "year", true};
  }
  return std::nullopt;
}

std::optional<TimexValue> Set(const TimexWords& w) {
  std::string every = w.other ? "2" : "1";
  if (w.weekday != 0) {
    return TimexValue{"SET", Format("XXXX-WXX-%d", w.weekday), "", false};
  }
  if (!w.season.empty())
    return TimexValue{"SET", Concat("XXXX-", w.season), "", false};
  if (!w.day_part.empty()) {
    return TimexValue{"SET", Concat("XXXX-XX-XXT", w.day_part), "", false};
  }
  const std::string_view u = w.unit;
  if (u == "weekend") return TimexValue{"SET", "XXXX-WXX-WE", "", false};
  std::string period = u == "day" || u == "weekday"   ? "P" + every + "D"
                       : u == "night"                 ? "P" + every + "D"
                       : u == "hour"                  ? "PT" + every + "H"
                       : u == "week"                  ? "P" + every + "W"
                       : u == "fortnight"             ? "P2W"
                       : u == "month"                 ? "P" + every + "M"
                       : u == "quarter"               ? "P3M"
                       : u == "half"                  ? "P6M"
                       : u == "year" || u == "season" ? "P" + every + "Y"
                       : u == "biennium"              ? "P2Y"
                       : u == "decade"                ? "P10Y"
                                                      : "";
  if (period.empty()) return std::nullopt;
  return TimexValue{"SET", period, "", false};
}

// A clock time with the day it names, else the anchor's day, else the
// document date.
std::optional<TimexValue> ClockTime(std::string_view text,
                                    const TimexContext& context) {
  auto clock = ReadClock(text);
  if (!clock) return std::nullopt;
  std::string rest(text.substr(0, clock->begin));
  rest += ' ';
  rest += text.substr(clock->end);
  TimexWords w = ReadTimexWords(rest);
  w.day_part = {};
  std::optional<TimexValue> day;
  const auto& doc = context.document_date;
  if (w.weekday != 0) {
    day = Weekday(w, doc, context.looks_ahead);
  } else if (w.has_day_offset) {
    day = RelativeDay(w, doc);
  } else if (w.month != 0) {
    day = CalendarDate(w, doc, context.looks_ahead);
  } else if (auto base = Base(context); base && base->precision == "day") {
    day = Day(base->date, true);
  }
  if (!day || day->value.empty() || day->precision != "day") {
    return Unresolved("TIME");
  }
  return TimexValue{"TIME", day->value + ClockSuffix(*clock), "day",
                    day->anchored};
}

}  // namespace

std::optional<TimexAnchor> AnchorOf(std::string_view value) {
  if (value.size() >= 10 && value[4] == '-' && value[7] == '-') {
    // ParseIsoDate of the first ten bytes, read here: this runs for every
    // DATE and TIME found, and most are days.
    auto digit = [&value](std::size_t i) {
      return static_cast<unsigned>(static_cast<unsigned char>(value[i]) - '0');
    };
    const unsigned y0 = digit(0), y1 = digit(1), y2 = digit(2), y3 = digit(3),
                   m0 = digit(5), m1 = digit(6), d0 = digit(8), d1 = digit(9);
    if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 ||
        d1 > 9) {
      return std::nullopt;
    }
    const int fields[3] = {
        static_cast<int>(y0 * 1000 + y1 * 100 + y2 * 10 + y3),
        static_cast<int>(m0 * 10 + m1), static_cast<int>(d0 * 10 + d1)};
    if (!IsValidDate(fields[0], fields[1], fields[2])) return std::nullopt;
    return TimexAnchor{CivilDate{fields[0], fields[1], fields[2]}, "day"};
  }
  CivilDate first, last;
  if (!TimexDayRange(value, &first, &last)) return std::nullopt;
  if (value.size() >= 6 && value[5] == 'W') return TimexAnchor{first, "week"};
  if (value.size() == 7 && value[4] == '-') return TimexAnchor{first, "month"};
  if (value.size() == 4) return TimexAnchor{first, "year"};
  return std::nullopt;
}

std::optional<TimexValue> NormalizeTimex(TimexKind kind, std::string_view text,
                                         const TimexContext& context) {
  return NormalizeTimex(kind, text, ReadTimexWords(text), context);
}

std::optional<TimexValue> NormalizeTimex(TimexKind kind, std::string_view text,
                                         const TimexWords& w,
                                         const TimexContext& context) {
  const Doc& document_date = context.document_date;
  bool looks_ahead = context.looks_ahead;
  switch (kind) {
    case TimexKind::kNumericDate:
      return NumericDate(text, context.order);
    case TimexKind::kClockTime:
      return ClockTime(text, context);
    case TimexKind::kAnchored:
      return Anchored(w, text, context);
    case TimexKind::kSet:
      return Set(w);
    case TimexKind::kRange:
      return std::nullopt;
    case TimexKind::kIsoDate: {
      auto date = ParseIsoDate(text);
      if (!date) return std::nullopt;
      return Day(*date, false);
    }
    case TimexKind::kCalendarDate:
      return CalendarDate(w, document_date, looks_ahead);
    case TimexKind::kYear:
      return Year(w);
    case TimexKind::kWeekday:
      return Weekday(w, document_date, looks_ahead);
    case TimexKind::kRelativeDay:
      return RelativeDay(w, document_date);
    case TimexKind::kRelativeUnit:
      return RelativeUnit(w, document_date);
    case TimexKind::kSeasonQuarter:
      return SeasonQuarter(w, document_date, looks_ahead);
    case TimexKind::kAgo:
      return Ago(w, document_date);
    case TimexKind::kDuration:
      return Duration(w);
    case TimexKind::kHoliday:
      return Holiday(w, document_date, looks_ahead);
    case TimexKind::kPresent:
      return TimexValue{"DATE", "PRESENT_REF", "", false};
  }
  return std::nullopt;
}

}  // namespace entente
