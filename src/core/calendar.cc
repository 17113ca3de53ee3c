// Calendar arithmetic: everything goes through days since the epoch using
// <chrono>'s civil calendar (sys_days <-> year_month_day).
#include "core/calendar.h"

#include <chrono>
#include <cstdio>

namespace entente {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

year_month_day ToChrono(const CivilDate& d) {
  return year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)},
                        day{static_cast<unsigned>(d.day)}};
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool IsValidDate(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1) return false;
  return ToChrono(CivilDate{y, m, d}).ok();
}

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::string_view ys = text.substr(0, 4), ms = text.substr(5, 2),
                   ds = text.substr(8, 2);
  if (!AllDigits(ys) || !AllDigits(ms) || !AllDigits(ds)) return std::nullopt;
  CivilDate date{ToInt(ys), ToInt(ms), ToInt(ds)};
  if (!IsValidDate(date.year, date.month, date.day)) return std::nullopt;
  return date;
}

std::string FormatIsoDate(const CivilDate& d) {
  // The usual case, digits written directly: snprintf costs some 1,500
  // instructions a call, and every event's date goes through here.
  if (d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 &&
      d.day >= 0 && d.day <= 99) {
    std::string s(10, '-');
    s[0] = static_cast<char>('0' + d.year / 1000);
    s[1] = static_cast<char>('0' + d.year / 100 % 10);
    s[2] = static_cast<char>('0' + d.year / 10 % 10);
    s[3] = static_cast<char>('0' + d.year % 10);
    s[5] = static_cast<char>('0' + d.month / 10);
    s[6] = static_cast<char>('0' + d.month % 10);
    s[8] = static_cast<char>('0' + d.day / 10);
    s[9] = static_cast<char>('0' + d.day % 10);
    return s;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

long DaysFromCivil(const CivilDate& d) {
  return sys_days{ToChrono(d)}.time_since_epoch().count();
}

CivilDate CivilFromDays(long days) {
  year_month_day ymd{sys_days{std::chrono::days{days}}};
  return CivilDate{static_cast<int>(ymd.year()),
                   static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

CivilDate AddDays(const CivilDate& d, long days) {
  return CivilFromDays(DaysFromCivil(d) + days);
}

int DaysInMonth(int y, int m) {
  auto last = std::chrono::year_month_day_last{
      year{y}, std::chrono::month_day_last{month{static_cast<unsigned>(m)}}};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

CivilDate AddMonths(const CivilDate& d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  int y = total / 12, m = total % 12 + 1;
  if (total < 0 && total % 12 != 0) {
    y = (total - 11) / 12;
    m = total - y * 12 + 1;
  }
  int dd = d.day;
  if (dd > DaysInMonth(y, m)) dd = DaysInMonth(y, m);
  return CivilDate{y, m, dd};
}

int IsoWeekday(const CivilDate& d) {
  std::chrono::weekday wd{sys_days{ToChrono(d)}};
  return static_cast<int>(wd.iso_encoding());
}

IsoWeek IsoWeekOf(const CivilDate& d) {
  // The ISO week belongs to the year of its Thursday.
  CivilDate thursday = AddDays(d, 4 - IsoWeekday(d));
  CivilDate jan1{thursday.year, 1, 1};
  int week = static_cast<int>((DaysFromCivil(thursday) - DaysFromCivil(jan1)) / 7) + 1;
  return IsoWeek{thursday.year, week};
}

std::string FormatIsoWeek(const IsoWeek& w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", w.year, w.week);
  return buf;
}


bool TimexDayRange(std::string_view v, CivilDate* first, CivilDate* last) {
  auto digits = [&](std::size_t pos, std::size_t n, int* out) {
    if (v.size() < pos + n) return false;
    int x = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      if (v[i] < '0' || v[i] > '9') return false;
      x = x * 10 + (v[i] - '0');
    }
    *out = x;
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, &y)) return false;
  if (v.size() == 4) {
    *first = {y, 1, 1};
    *last = {y, 12, 31};
    return true;
  }
  if (v.size() == 10 && ParseIsoDate(v)) {
    *first = *last = *ParseIsoDate(v);
    return true;
  }
  if (v.size() == 7 && v[4] == '-' && digits(5, 2, &m) && m >= 1 && m <= 12) {
    *first = {y, m, 1};
    *last = {y, m, DaysInMonth(y, m)};
    return true;
  }
  if (v.size() == 7 && v[4] == '-' && v[5] == 'Q' && digits(6, 1, &d) &&
      d >= 1 && d <= 4) {
    *first = {y, (d - 1) * 3 + 1, 1};
    *last = {y, d * 3, DaysInMonth(y, d * 3)};
    return true;
  }
  if (v.size() == 8 && v[4] == '-' && v[5] == 'W' && digits(6, 2, &d) &&
      d >= 1 && d <= 53) {
    // Monday of ISO week 1 is the Monday on or before January 4.
    CivilDate jan4{y, 1, 4};
    CivilDate monday = AddDays(jan4, 1 - IsoWeekday(jan4) + 7L * (d - 1));
    *first = monday;
    *last = AddDays(monday, 6);
    return true;
  }
  return false;
}

}  // namespace entente
