// SelectForMap: the part of a graph a map draws. Works on plain lists of
// actors and edges and builds one RelationGraph at the end. Three filters,
// in order: the time window trims each relation to the dates and evidence
// that overlap it (TIMEX3 values are compared as day ranges, so "2021-03"
// overlaps a window that starts on 2021-03-31); the neighbourhood is a
// breadth-first search over relation edges from the focus actor; the size
// limit keeps the actors with the highest weighted degree. Affiliation
// edges never decide what is kept; they are drawn between actors kept.
#include <algorithm>
#include <map>
#include <set>

#include "core/calendar.h"
#include "entente/export.h"
#include "entente/query.h"

namespace entente {
namespace {

struct Part {
  std::map<std::string, Actor> actors;
  std::vector<RelationEdge> edges;  // relations and affiliations
};

bool IsRelation(const RelationEdge& e) { return e.relation != "affiliation"; }

// Keeps the edges between kept actors.
void DropEdgesOutside(Part& part) {
  std::erase_if(part.edges, [&](const RelationEdge& e) {
    return !part.actors.count(e.source) || !part.actors.count(e.target);
  });
}

// Trims a relation to the window; false when nothing of it is left.
bool TrimToWindow(RelationEdge& e, const std::string& from,
                  const std::string& to) {
  std::erase_if(e.dates, [&](const std::string& d) {
    return !TimexOverlaps(d, from, to);
  });
  if (e.dates.empty()) return false;
  if (e.evidence.empty()) return true;  // nothing finer to count by
  std::erase_if(e.evidence, [&](const EvidenceRef& r) {
    return !TimexOverlaps(r.date, from, to);
  });
  e.documents.clear();
  for (const EvidenceRef& r : e.evidence) e.documents.insert(r.doc);
  e.count = e.evidence.size();
  return !e.evidence.empty();
}

void ApplyWindow(Part& part, const std::string& from, const std::string& to) {
  std::set<std::string> linked;
  std::vector<RelationEdge> kept;
  for (RelationEdge& e : part.edges) {
    if (IsRelation(e) && !TrimToWindow(e, from, to)) continue;
    if (IsRelation(e)) linked.insert({e.source, e.target});
    kept.push_back(std::move(e));
  }
  part.edges = std::move(kept);
  std::erase_if(part.actors, [&](const auto& a) { return !linked.count(a.first); });
  DropEdgesOutside(part);
}

void ApplyFocus(Part& part, const std::string& focus, int depth) {
  std::map<std::string, std::vector<std::string>> next;
  for (const RelationEdge& e : part.edges) {
    if (!IsRelation(e)) continue;
    next[e.source].push_back(e.target);
    next[e.target].push_back(e.source);
  }
  std::set<std::string> seen = {focus};
  std::vector<std::string> frontier = {focus};
  for (int step = 0; step < depth && !frontier.empty(); ++step) {
    std::vector<std::string> found;
    for (const std::string& id : frontier) {
      for (const std::string& n : next[id]) {
        if (seen.insert(n).second) found.push_back(n);
      }
    }
    frontier = std::move(found);
  }
  std::erase_if(part.actors, [&](const auto& a) { return !seen.count(a.first); });
  DropEdgesOutside(part);
}

// Drops all but the `limit` most central actors; returns the dropped ones,
// most central first.
std::vector<Actor> ApplyLimit(Part& part, std::size_t limit,
                              const std::string& keep) {
  std::map<std::string, std::pair<std::size_t, std::size_t>> score;
  for (const RelationEdge& e : part.edges) {
    if (!IsRelation(e)) continue;
    for (const std::string& id : {e.source, e.target}) {
      score[id].first += e.documents.size();
      score[id].second += 1;
    }
  }
  std::vector<std::string> order;
  for (const auto& [id, actor] : part.actors) order.push_back(id);
  std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if ((a == keep) != (b == keep)) return a == keep;
    return score[a] > score[b];
  });
  std::vector<Actor> dropped;
  for (std::size_t i = limit; i < order.size(); ++i) {
    dropped.push_back(part.actors[order[i]]);
    part.actors.erase(order[i]);
  }
  DropEdgesOutside(part);
  return dropped;
}

std::string WindowCaption(const std::string& from, const std::string& to) {
  if (from.empty()) return "until " + to;
  if (to.empty()) return "from " + from;
  return from + " to " + to;
}

Status CheckView(const MapView& view) {
  for (const std::string* d : {&view.from, &view.to}) {
    if (!d->empty() && !ParseIsoDate(*d)) {
      return Status::Usage("'" + *d + "' is not a date; give the time "
                           "window as YYYY-MM-DD");
    }
  }
  if (!view.from.empty() && !view.to.empty() && view.to < view.from) {
    return Status::Usage("the time window ends (" + view.to +
                         ") before it starts (" + view.from + ")");
  }
  if (view.depth < 1) {
    return Status::Usage("the depth around the focus actor must be 1 or more");
  }
  return Status::Ok();
}

}  // namespace

bool TimexOverlaps(const std::string& value, const std::string& from,
                   const std::string& to) {
  if (from.empty() && to.empty()) return true;
  CivilDate first, last;
  if (!TimexDayRange(value, &first, &last)) return false;
  if (!from.empty() && FormatIsoDate(last) < from) return false;
  if (!to.empty() && FormatIsoDate(first) > to) return false;
  return true;
}

Result<MapSelection> SelectForMap(const RelationGraph& graph,
                                  const MapView& view) {
  if (Status s = CheckView(view); !s.ok()) return s;
  Part part;
  for (Actor& a : graph.actors()) part.actors.emplace(a.id, std::move(a));
  part.edges = graph.edges();
  std::vector<std::string> caption;
  std::string focus;
  if (!view.focus.empty()) {
    Result<std::string> id = ResolveActor(graph, view.focus);
    if (!id.ok()) return id.status();
    focus = *id;
  }
  bool window = !view.from.empty() || !view.to.empty();
  if (window) {
    ApplyWindow(part, view.from, view.to);
    if (part.actors.empty() && graph.actor_count() > 0) {
      return Status::NotFound("no relation is dated " +
                              WindowCaption(view.from, view.to) +
                              "; widen the time window");
    }
    if (!focus.empty() && !part.actors.count(focus)) {
      return Status::NotFound(graph.FindActor(focus)->name +
                              " has no relations " +
                              WindowCaption(view.from, view.to) +
                              "; widen the time window");
    }
  }
  if (!focus.empty()) {
    ApplyFocus(part, focus, view.depth);
    caption.push_back("around " + graph.FindActor(focus)->name + " (depth " +
                      std::to_string(view.depth) + ")");
  }
  if (window) caption.push_back(WindowCaption(view.from, view.to));
  MapSelection out;
  if (view.max_nodes > 0 && part.actors.size() > view.max_nodes) {
    std::size_t total = part.actors.size();
    out.left_out = ApplyLimit(part, view.max_nodes, focus);
    caption.push_back("the " + std::to_string(view.max_nodes) +
                      " most connected of " + std::to_string(total) +
                      " actors");
  }
  for (const auto& [id, actor] : part.actors) out.graph.AddActor(actor);
  for (const RelationEdge& e : part.edges) {
    out.graph.AddEdge(e);
    for (const std::string& d : e.documents) out.graph.AddDocument(d);
  }
  for (std::size_t i = 0; i < caption.size(); ++i) {
    out.caption += (i ? "; " : "") + caption[i];
  }
  return out;
}

}  // namespace entente
