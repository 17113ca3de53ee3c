// Timeline: the edges of the actor (or of the pair), trimmed to the window,
// each split by date into events; every event keeps its evidence so that
// the caller can quote the sentences.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/calendar.h"
#include "entente/analysis.h"
#include "entente/query.h"
#include "query/window.h"

namespace entente {
namespace {

// Sort key of a TIMEX3 value: (has no days, first day, last day).
std::tuple<bool, std::string, std::string> DayKey(const std::string& v) {
  CivilDate first, last;
  if (!TimexDayRange(v, &first, &last)) return {true, "", ""};
  return {false, FormatIsoDate(first), FormatIsoDate(last)};
}

// The events of one edge, one per date.
void SplitByDate(const RelationGraph& graph, const RelationEdge& e,
                 std::vector<TimelineEntry>* out) {
  std::map<std::string, TimelineEntry> by_date;
  for (const EvidenceRef& r : e.evidence) {
    TimelineEntry& t = by_date[r.date];
    t.evidence.push_back(r);
    if (t.location.empty()) t.location = r.location;
  }
  // Relations saved without evidence still have their dates.
  for (const std::string& d : e.dates) by_date[d];
  for (auto& [date, t] : by_date) {
    t.date = date;
    t.source = *graph.FindActor(e.source);
    t.target = *graph.FindActor(e.target);
    t.relation = e.relation;
    t.cameo = e.cameo;
    t.plover = e.plover;
    t.quad = e.quad;
    t.symmetric = e.symmetric;
    std::set<std::string> docs;
    for (const EvidenceRef& r : t.evidence) docs.insert(r.doc);
    t.mentions = 0;
    for (const EvidenceRef& r : t.evidence) t.mentions += r.mentions;
    t.sources = docs.size();
    out->push_back(std::move(t));
  }
}

}  // namespace

bool TimexBefore(const std::string& a, const std::string& b) {
  auto ka = DayKey(a), kb = DayKey(b);
  if (ka != kb) return ka < kb;
  return a < b;
}

Result<std::vector<TimelineEntry>> Timeline(const RelationGraph& graph,
                                            const TimelineQuery& q) {
  if (Status s = CheckWindow(q.window); !s.ok()) return s;
  if (q.actor.empty()) return Status::Usage("timeline needs an ACTOR");
  Result<std::string> actor = ResolveActor(graph, q.actor);
  if (!actor.ok()) return actor.status();
  std::string with;
  if (!q.with.empty()) {
    Result<std::string> w = ResolveActor(graph, q.with);
    if (!w.ok()) return w.status();
    with = *w;
  }
  if (Status s = CheckRelationFilter(graph, q.relation); !s.ok()) return s;
  std::vector<TimelineEntry> rows;
  for (const RelationEdge& e :
       EdgesInWindow(graph.EdgesOf(*actor), q.window, false)) {
    if (!with.empty() && e.source != with && e.target != with) continue;
    if (!with.empty() && with == *actor && e.source != e.target) continue;
    if (!RelationMatches(e, q.relation)) continue;
    SplitByDate(graph, e, &rows);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    if (x.date != y.date) return TimexBefore(x.date, y.date);
    return std::tie(x.source.name, x.relation, x.target.name) <
           std::tie(y.source.name, y.relation, y.target.name);
  });
  return rows;
}

}  // namespace entente
