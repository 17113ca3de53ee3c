// Neighbours: the edges of one actor, trimmed to the window and filtered by
// relation, folded into one row per actor at the other end.
#include <algorithm>
#include <map>
#include <set>

#include "entente/analysis.h"
#include "entente/query.h"
#include "query/window.h"

namespace entente {
namespace {

struct Tally {
  std::set<std::string> relations, documents, dates;
  bool out = false, in = false, mutual = false;
  std::size_t mentions = 0;
};

std::string Direction(const Tally& t) {
  if (t.out && t.in) return "both";
  if (t.out) return "out";
  if (t.in) return "in";
  return "mutual";
}

}  // namespace

Result<std::vector<NeighborRow>> Neighbors(const RelationGraph& graph,
                                           const NeighborQuery& q) {
  if (Status s = CheckWindow(q.window); !s.ok()) return s;
  Result<std::string> actor = ResolveActor(graph, q.actor);
  if (!actor.ok()) return actor.status();
  if (Status s = CheckRelationFilter(graph, q.relation); !s.ok()) return s;
  // Affiliations are listed only when asked for by name.
  RelationEdge affiliation;
  affiliation.relation = "affiliation";
  bool affiliations =
      !q.relation.empty() && RelationMatches(affiliation, q.relation);
  std::map<std::string, Tally> by_actor;
  for (const RelationEdge& e :
       EdgesInWindow(graph.EdgesOf(*actor), q.window, affiliations)) {
    if (!RelationMatches(e, q.relation)) continue;
    bool outgoing = e.source == *actor;
    Tally& t = by_actor[outgoing ? e.target : e.source];
    t.relations.insert(e.relation);
    t.documents.insert(e.documents.begin(), e.documents.end());
    t.dates.insert(e.dates.begin(), e.dates.end());
    t.mentions += Mentions(e);
    if (e.symmetric) {
      t.mutual = true;
    } else {
      (outgoing ? t.out : t.in) = true;
    }
  }
  std::vector<NeighborRow> rows;
  for (auto& [id, t] : by_actor) {
    NeighborRow r;
    r.actor = *graph.FindActor(id);
    r.relations.assign(t.relations.begin(), t.relations.end());
    r.direction = Direction(t);
    r.mentions = t.mentions;
    r.sources = t.documents.size();
    if (!t.dates.empty()) {
      r.first = *std::min_element(t.dates.begin(), t.dates.end(), TimexBefore);
      r.last = *std::max_element(t.dates.begin(), t.dates.end(), TimexBefore);
    }
    rows.push_back(std::move(r));
  }
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    if (x.sources != y.sources) return x.sources > y.sources;
    if (x.actor.name != y.actor.name) return x.actor.name < y.actor.name;
    return x.actor.id < y.actor.id;
  });
  return rows;
}

}  // namespace entente
