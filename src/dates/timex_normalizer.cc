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
#include "dates/timex_normalizer.h"

#include <cmath>
#include <cstdio>

#include "core/calendar.h"
#include "dates/timex_words.h"

namespace entente {
namespace {

using Doc = std::optional<CivilDate>;

std::string Format(const char* format, int a, int b = 0) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, a, b);
  return buf;
}

TimexValue Unresolved(const char* type) {
  return TimexValue{type, "", "", false};
}

TimexValue Day(const CivilDate& date, bool anchored,
               const std::string& day_part = "") {
  if (day_part.empty()) return {"DATE", FormatIsoDate(date), "day", anchored};
  return {"TIME", FormatIsoDate(date) + "T" + day_part, "day", anchored};
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
  int today = IsoWeekday(*doc);
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
      break;
  }
  return Day(AddDays(*doc, shift), true, w.day_part);
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
int SeasonYear(const std::string& code, TimexRelation relation,
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
        "DATE", Format("%04d-", SeasonYear(w.season, w.relation, d)) + w.season,
        "season", true};
  }
  if (w.unit == "week" || w.unit == "weekend") {
    std::string week = FormatIsoWeek(IsoWeekOf(AddDays(d, 7L * offset)));
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

std::optional<TimexValue> SeasonQuarter(const TimexWords& w, const Doc& doc) {
  bool explicit_year = w.year != 0;
  if (!explicit_year && !doc) return Unresolved("DATE");
  int year = explicit_year ? w.year : doc->year + RelationOffset(w.relation);
  if (!w.season.empty()) {
    return TimexValue{"DATE", Format("%04d-", year) + w.season, "season",
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
    return TimexValue{"DATE", FormatIsoWeek(IsoWeekOf(AddDays(d, 7L * n))),
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
  std::string letter;
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
  char amount[32];
  std::snprintf(amount, sizeof amount, "%g", n);
  return TimexValue{
      "DURATION",
      std::string(time ? "PT" : "P") + (unknown ? "X" : amount) + letter, "",
      false};
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

}  // namespace

std::optional<TimexValue> NormalizeTimex(TimexKind kind, std::string_view text,
                                         const Doc& document_date,
                                         bool looks_ahead) {
  TimexWords w = ReadTimexWords(text);
  switch (kind) {
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
      return SeasonQuarter(w, document_date);
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
