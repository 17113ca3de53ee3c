// Time filters: "--from/--to" keep evidence whose date overlaps the window;
// "--as-of" keeps evidence whose date was wholly past on that day. Dates
// are compared as day ranges (core/calendar.h), so every granularity of
// TIMEX3 value is handled alike.
#include <optional>

#include "core/calendar.h"
#include "graph/graph_store.h"

namespace entente {
namespace graph {
namespace {

std::int32_t Days(const std::string& iso, std::int32_t open) {
  if (iso.empty()) return open;
  std::optional<CivilDate> d = ParseIsoDate(iso);
  return d ? static_cast<std::int32_t>(DaysFromCivil(*d)) : open;
}

}  // namespace

DayWindow DayWindow::Of(const TimeFilter& f) {
  DayWindow w;
  w.bounded = !f.empty();
  w.from = Days(f.from, INT32_MIN);
  w.to = Days(f.to, INT32_MAX - 1);
  w.as_of = Days(f.as_of, INT32_MAX - 1);
  return w;
}

}  // namespace graph

Status CheckTimeFilter(const TimeFilter& f) {
  for (auto [option, value] : {std::pair{"--from", &f.from},
                               std::pair{"--to", &f.to},
                               std::pair{"--as-of", &f.as_of}}) {
    if (!value->empty() && !ParseIsoDate(*value)) {
      return Status::Usage(std::string(option) + ": '" + *value +
                           "' is not a date (YYYY-MM-DD)");
    }
  }
  if (!f.from.empty() && !f.to.empty() && f.to < f.from) {
    return Status::Usage("--from " + f.from + " is after --to " + f.to);
  }
  if (!f.from.empty() && !f.as_of.empty() && f.as_of < f.from) {
    return Status::Usage("--from " + f.from + " is after --as-of " + f.as_of);
  }
  return Status::Ok();
}

bool TimeFilterKeeps(const TimeFilter& filter, const std::string& timex) {
  graph::DayWindow w = graph::DayWindow::Of(filter);
  if (!w.bounded) return true;
  CivilDate first, last;
  if (timex.empty() || !TimexDayRange(timex, &first, &last)) return false;
  return w.Keeps({static_cast<std::int32_t>(DaysFromCivil(first)),
                  static_cast<std::int32_t>(DaysFromCivil(last))});
}

}  // namespace entente
