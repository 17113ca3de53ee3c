// Shortest path: the qualifying relations (window, cooperation, optionally
// affiliations) become an ActorNetwork; a breadth-first search from the
// first actor finds the path; each step then lists every qualifying
// relation between its two actors.
#include <algorithm>

#include "entente/analysis.h"
#include "entente/query.h"
#include "query/network.h"
#include "query/window.h"

namespace entente {
namespace {

bool Cooperative(const RelationEdge& e) { return e.quad == 1 || e.quad == 2; }

// The relations of the pair {a, b} among `edges`.
std::vector<RelationEdge> EdgesBetween(const std::vector<RelationEdge>& edges,
                                       const std::string& a,
                                       const std::string& b) {
  std::vector<RelationEdge> out;
  for (const RelationEdge& e : edges) {
    if ((e.source == a && e.target == b) || (e.source == b && e.target == a)) {
      out.push_back(e);
    }
  }
  return out;
}

}  // namespace

Result<PathResult> ShortestPath(const RelationGraph& graph,
                                const PathQuery& q) {
  if (Status s = CheckWindow(q.window); !s.ok()) return s;
  Result<std::string> from = ResolveActor(graph, q.from_actor);
  if (!from.ok()) return from.status();
  Result<std::string> to = ResolveActor(graph, q.to_actor);
  if (!to.ok()) return to.status();
  std::vector<RelationEdge> edges =
      EdgesInWindow(graph.edges(), q.window, q.affiliations);
  if (!q.planned) std::erase_if(edges, IsPlanned);
  if (q.cooperative) {
    std::erase_if(edges, [](const RelationEdge& e) {
      return !Cooperative(e) && !IsAffiliation(e);
    });
  }
  PathResult result;
  if (*from == *to) {
    result.actors.push_back(*graph.FindActor(*from));
    return result;
  }
  ActorNetwork network = MakeNetwork(edges);
  std::size_t start = network.IndexOf(*from), goal = network.IndexOf(*to);
  if (start == network.ids.size() || goal == network.ids.size()) {
    return result;  // one of them has no qualifying relation
  }
  std::vector<std::size_t> pred = BreadthFirstPredecessors(network, start);
  if (pred[goal] == kNoVertex) return result;
  std::vector<std::string> ids;
  for (std::size_t v = goal; v != kNoVertex; v = pred[v]) {
    ids.push_back(network.ids[v]);
  }
  std::reverse(ids.begin(), ids.end());
  for (const std::string& id : ids) {
    result.actors.push_back(*graph.FindActor(id));
  }
  for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
    result.steps.push_back({result.actors[i], result.actors[i + 1],
                            EdgesBetween(edges, ids[i], ids[i + 1])});
  }
  return result;
}

}  // namespace entente
