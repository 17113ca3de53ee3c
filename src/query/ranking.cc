// Centrality rankings: the relations in the window become an ActorNetwork;
// the measure is computed over all of it (network.cc); the actors of the
// requested kind are then sorted by score.
#include <algorithm>
#include <map>
#include <set>

#include "entente/analysis.h"
#include "query/network.h"
#include "query/window.h"

namespace entente {
namespace {

Status CheckRanking(const RankingQuery& q) {
  if (q.by != "degree" && q.by != "pagerank" && q.by != "betweenness") {
    return Status::Usage("--by takes degree, pagerank or betweenness (got '" +
                         q.by + "')");
  }
  if (!q.kind.empty() && q.kind != "person" && q.kind != "state" &&
      q.kind != "organization" && q.kind != "group") {
    return Status::Usage(
        "--kind takes person, state, organization or group (got '" + q.kind +
        "')");
  }
  return CheckWindow(q.window);
}

std::vector<double> Scores(const ActorNetwork& network, const std::string& by,
                           const std::vector<std::size_t>& degree) {
  if (by == "pagerank") return PageRankScores(network);
  if (by == "betweenness") return BetweennessScores(network);
  return {degree.begin(), degree.end()};
}

}  // namespace

Result<std::vector<RankedActor>> RankActors(const RelationGraph& graph,
                                            const RankingQuery& q) {
  if (Status s = CheckRanking(q); !s.ok()) return s;
  std::vector<RelationEdge> edges = EdgesInWindow(graph.edges(), q.window,
                                                  false);
  if (!q.planned) std::erase_if(edges, IsPlanned);
  ActorNetwork network = MakeNetwork(edges);
  std::vector<std::size_t> degree = DistinctDegrees(network);
  std::vector<double> scores = Scores(network, q.by, degree);
  std::map<std::string, std::set<std::string>> documents;
  for (const RelationEdge& e : edges) {
    documents[e.source].insert(e.documents.begin(), e.documents.end());
    documents[e.target].insert(e.documents.begin(), e.documents.end());
  }
  std::vector<RankedActor> rows;
  for (std::size_t v = 0; v < network.ids.size(); ++v) {
    const Actor& a = *graph.FindActor(network.ids[v]);
    if (!q.kind.empty() && a.kind != q.kind) continue;
    rows.push_back({a, scores[v], degree[v], documents[a.id].size()});
  }
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.actor.id < y.actor.id;
  });
  if (q.n > 0 && rows.size() > q.n) rows.resize(q.n);
  return rows;
}

}  // namespace entente
