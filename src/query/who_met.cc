// Who-met walks only the edges of the named actor (or all edges when none
// is named), keeps contact relations, and splits each edge's evidence by
// date into rows.
#include <algorithm>
#include <map>

#include "core/calendar.h"
#include "core/utf8.h"
#include "entente/query.h"

namespace entente {
namespace {

const char* HowOf(const std::string& relation) {
  if (relation == "meeting") return "meeting";
  if (relation == "phone_call") return "call";
  if (relation == "visit" || relation == "host") return "visit";
  if (relation == "talks") return "talks";
  return nullptr;
}

std::string Folded(const std::string& s) {
  std::string out = FoldWord(s);
  std::replace(out.begin(), out.end(), '-', ' ');
  return out;
}

bool InWindow(const std::string& value, const std::optional<CivilDate>& from,
              const std::optional<CivilDate>& to) {
  if (!from && !to) return true;
  CivilDate first, last;
  if (!TimexDayRange(value, &first, &last)) return false;
  if (from && last < *from) return false;
  if (to && *to < first) return false;
  return true;
}

}  // namespace

Result<std::string> ResolveActor(const RelationGraph& graph,
                                 const std::string& text) {
  std::string want = Folded(text);
  std::vector<Actor> exact, partial;
  for (const Actor& a : graph.actors()) {
    std::string id = Folded(a.id), name = Folded(a.name);
    if (id == want || name == want) {
      exact.push_back(a);
      continue;
    }
    // A whole word of the name: "biden" for "Joe Biden".
    std::string padded = " " + name + " ";
    if (padded.find(" " + want + " ") != std::string::npos) {
      partial.push_back(a);
    }
  }
  const std::vector<Actor>& found = exact.empty() ? partial : exact;
  if (found.size() == 1) return found[0].id;
  if (found.empty()) {
    return Status::NotFound("no actor matches '" + text +
                            "' in the graph (try an id such as USA or "
                            "joe-biden)");
  }
  std::string list;
  for (const Actor& a : found) list += "\n  " + a.id + " (" + a.name + ")";
  return Status::InvalidInput("'" + text + "' is ambiguous; candidates:" +
                              list);
}

Result<std::vector<WhoMetRow>> WhoMet(const RelationGraph& graph,
                                      const WhoMetQuery& q) {
  std::optional<CivilDate> from, to;
  if (!q.from.empty() && !(from = ParseIsoDate(q.from))) {
    return Status::Usage("--from: '" + q.from + "' is not a date (YYYY-MM-DD)");
  }
  if (!q.to.empty() && !(to = ParseIsoDate(q.to))) {
    return Status::Usage("--to: '" + q.to + "' is not a date (YYYY-MM-DD)");
  }
  std::string actor, with;
  if (!q.actor.empty()) {
    Result<std::string> r = ResolveActor(graph, q.actor);
    if (!r.ok()) return r.status();
    actor = *r;
  }
  if (!q.with.empty()) {
    Result<std::string> r = ResolveActor(graph, q.with);
    if (!r.ok()) return r.status();
    with = *r;
  }
  std::vector<RelationEdge> edges =
      actor.empty() ? graph.edges() : graph.EdgesOf(actor);
  std::vector<WhoMetRow> rows;
  for (const RelationEdge& e : edges) {
    const char* how = HowOf(e.relation);
    if (!how) continue;
    if (!with.empty() && e.source != with && e.target != with) continue;
    std::map<std::string, WhoMetRow> by_date;
    for (const EvidenceRef& r : e.evidence) {
      if (!InWindow(r.date, from, to)) continue;
      WhoMetRow& row = by_date[r.date];
      row.evidence.push_back(r);
      if (row.where.empty()) row.where = r.location;
    }
    for (auto& [date, row] : by_date) {
      row.date = date;
      row.a = *graph.FindActor(e.source);
      row.b = *graph.FindActor(e.target);
      if (!actor.empty() && row.b.id == actor) std::swap(row.a, row.b);
      row.how = how;
      std::set<std::string> docs;
      for (const EvidenceRef& r : row.evidence) docs.insert(r.doc);
      row.sources = docs.size();
      rows.push_back(std::move(row));
    }
  }
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    return std::tie(x.date, x.a.name, x.b.name, x.how) <
           std::tie(y.date, y.a.name, y.b.name, y.how);
  });
  return rows;
}

}  // namespace entente
