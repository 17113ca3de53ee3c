// The time window and relation filter that every analysis query shares.
// TIMEX3 values are compared as day ranges, so "2021-03" overlaps a window
// that starts on 2021-03-31 and "2021-W40" one that ends on its Monday.
#include <algorithm>
#include <cctype>
#include <set>

#include "core/calendar.h"
#include "entente/analysis.h"
#include "query/window.h"

namespace entente {
namespace {

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  return s;
}

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isdigit(c);
  });
}

// Trims one relation to the window; false when nothing of it is left.
bool TrimRelation(RelationEdge& e, const TimeWindow& w) {
  std::erase_if(e.dates, [&](const std::string& d) {
    return !OverlapsWindow(d, w);
  });
  if (e.dates.empty()) return false;
  if (e.evidence.empty()) return true;  // nothing finer to count by
  std::erase_if(e.evidence, [&](const EvidenceRef& r) {
    return !OverlapsWindow(r.date, w);
  });
  e.documents.clear();
  for (const EvidenceRef& r : e.evidence) e.documents.insert(r.doc);
  e.count = 0;
  for (const EvidenceRef& r : e.evidence) e.count += r.mentions;
  return !e.evidence.empty();
}

}  // namespace

bool OverlapsWindow(const std::string& value, const TimeWindow& w) {
  if (w.from.empty() && w.to.empty()) return true;
  CivilDate first, last;
  if (!TimexDayRange(value, &first, &last)) return false;
  if (!w.from.empty() && FormatIsoDate(last) < w.from) return false;
  if (!w.to.empty() && FormatIsoDate(first) > w.to) return false;
  return true;
}

bool IsAffiliation(const RelationEdge& e) { return e.relation == "affiliation"; }

Status CheckWindow(const TimeWindow& w) {
  for (const auto& [option, value] :
       {std::pair<const char*, const std::string*>{"--from", &w.from},
        {"--to", &w.to}}) {
    if (!value->empty() && !ParseIsoDate(*value)) {
      return Status::Usage(std::string(option) + ": '" + *value +
                           "' is not a date (YYYY-MM-DD)");
    }
  }
  if (!w.from.empty() && !w.to.empty() && w.to < w.from) {
    return Status::Usage("--to " + w.to + " is before --from " + w.from);
  }
  return Status::Ok();
}

std::vector<RelationEdge> EdgesInWindow(std::vector<RelationEdge> edges,
                                        const TimeWindow& window,
                                        bool keep_affiliations) {
  bool bounded = !window.from.empty() || !window.to.empty();
  std::vector<RelationEdge> kept;
  kept.reserve(edges.size());
  for (RelationEdge& e : edges) {
    if (IsAffiliation(e) && !keep_affiliations) continue;
    // Affiliations saved without dates (older graphs) hold at any time.
    bool undated_affiliation = IsAffiliation(e) && e.dates.empty();
    if (bounded && !undated_affiliation && !TrimRelation(e, window)) continue;
    kept.push_back(std::move(e));
  }
  return kept;
}

Result<RelationGraph> GraphInWindow(const RelationGraph& graph,
                                    const TimeWindow& window) {
  if (Status s = CheckWindow(window); !s.ok()) return s;
  if (window.from.empty() && window.to.empty()) return graph;
  std::vector<RelationEdge> edges = EdgesInWindow(graph.edges(), window, true);
  std::set<std::string> linked;
  for (const RelationEdge& e : edges) {
    if (IsAffiliation(e)) continue;
    linked.insert(e.source);
    linked.insert(e.target);
  }
  RelationGraph out;
  for (const std::string& d : graph.documents()) out.AddDocument(d);
  for (const std::string& id : linked) out.AddActor(*graph.FindActor(id));
  for (const RelationEdge& e : edges) {
    if (linked.count(e.source) && linked.count(e.target)) out.AddEdge(e);
  }
  return out;
}

bool IsPlanned(const RelationEdge& e) {
  return e.relation.rfind("planned_", 0) == 0;
}

bool RelationMatches(const RelationEdge& edge, const std::string& filter) {
  if (filter.empty()) return true;
  if (AllDigits(filter)) return edge.cameo.rfind(filter, 0) == 0;
  std::string f = Upper(filter);
  return f == Upper(edge.relation) || (!edge.plover.empty() &&
                                       f == Upper(edge.plover));
}

Status CheckRelationFilter(const RelationGraph& graph,
                           const std::string& filter) {
  if (filter.empty()) return Status::Ok();
  std::set<std::string> names;
  for (const RelationEdge& e : graph.edges()) {
    if (RelationMatches(e, filter)) return Status::Ok();
    names.insert(e.relation);
  }
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  return Status::NotFound("no relation in the graph matches '" + filter +
                          "' (a relation, PLOVER type or CAMEO code prefix); "
                          "the graph has: " + list);
}

std::size_t Mentions(const RelationEdge& e) {
  if (e.evidence.empty()) return e.count;
  std::size_t n = 0;
  for (const EvidenceRef& r : e.evidence) n += r.mentions;
  return n;
}

}  // namespace entente
