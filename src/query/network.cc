// The Boost.Graph side of the analysis queries: breadth-first search,
// page_rank and brandes_betweenness_centrality over an ActorNetwork.
// Undirected algorithms get a simple graph (one edge per linked pair, added
// in sorted order, so that adjacency lists are in id order and results are
// deterministic); PageRank gets the arcs as they are, parallel arcs counting
// as weight.
#include "query/network.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/graph/visitors.hpp>

namespace entente {
namespace {

using UndirectedGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using DirectedGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

// Distinct unordered pairs, sorted, without self loops.
std::vector<std::pair<std::size_t, std::size_t>> Pairs(
    const ActorNetwork& network) {
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  for (auto [a, b] : network.arcs) {
    if (a != b) pairs.insert({std::min(a, b), std::max(a, b)});
  }
  return {pairs.begin(), pairs.end()};
}

UndirectedGraph SimpleGraph(const ActorNetwork& network) {
  UndirectedGraph g(network.ids.size());
  for (auto [a, b] : Pairs(network)) boost::add_edge(a, b, g);
  return g;
}

// Stops page_rank when a round changes the ranks by less than 1e-12 in
// total, or after 1000 rounds.
class Converged {
 public:
  template <typename RankMap, typename Graph>
  bool operator()(const RankMap& ranks, const Graph& g) {
    double change = 0;
    std::vector<double> now(boost::num_vertices(g));
    for (std::size_t v = 0; v < now.size(); ++v) {
      now[v] = get(ranks, v);
      if (v < last_->size()) change += std::fabs(now[v] - (*last_)[v]);
    }
    bool first = last_->empty();
    *last_ = std::move(now);
    return !first && (change < 1e-12 || ++*rounds_ >= 1000);
  }

 private:
  // Shared: Boost copies the functor.
  std::shared_ptr<std::vector<double>> last_ =
      std::make_shared<std::vector<double>>();
  std::shared_ptr<int> rounds_ = std::make_shared<int>(0);
};

}  // namespace

std::size_t ActorNetwork::IndexOf(const std::string& id) const {
  auto it = std::lower_bound(ids.begin(), ids.end(), id);
  return it != ids.end() && *it == id ? std::size_t(it - ids.begin())
                                      : ids.size();
}

ActorNetwork MakeNetwork(const std::vector<RelationEdge>& edges) {
  ActorNetwork n;
  std::set<std::string> ids;
  for (const RelationEdge& e : edges) {
    ids.insert(e.source);
    ids.insert(e.target);
  }
  n.ids.assign(ids.begin(), ids.end());
  for (const RelationEdge& e : edges) {
    std::size_t s = n.IndexOf(e.source), t = n.IndexOf(e.target);
    n.arcs.push_back({s, t});
    if (e.symmetric) n.arcs.push_back({t, s});
  }
  return n;
}

std::vector<std::size_t> BreadthFirstPredecessors(const ActorNetwork& network,
                                                  std::size_t start) {
  UndirectedGraph g = SimpleGraph(network);
  std::vector<std::size_t> pred(network.ids.size(), kNoVertex);
  boost::breadth_first_search(
      g, start,
      boost::visitor(boost::make_bfs_visitor(boost::record_predecessors(
          pred.data(), boost::on_tree_edge()))));
  return pred;
}

std::vector<double> PageRankScores(const ActorNetwork& network) {
  std::size_t n = network.ids.size();
  if (n == 0) return {};
  DirectedGraph g(n);
  for (auto [a, b] : network.arcs) boost::add_edge(a, b, g);
  std::vector<double> ranks(n);
  boost::graph::page_rank(
      g, boost::make_iterator_property_map(ranks.begin(),
                                           boost::get(boost::vertex_index, g)),
      Converged(), 0.85, n);
  double sum = 0;
  for (double r : ranks) sum += r;
  if (sum > 0) {
    for (double& r : ranks) r /= sum;
  }
  return ranks;
}

std::vector<double> BetweennessScores(const ActorNetwork& network) {
  std::size_t n = network.ids.size();
  std::vector<double> scores(n, 0.0);
  if (n <= 2) return scores;
  UndirectedGraph g = SimpleGraph(network);
  boost::brandes_betweenness_centrality(
      g, boost::make_iterator_property_map(scores.begin(),
                                           boost::get(boost::vertex_index, g)));
  // Boost counts each unordered pair once on an undirected graph.
  double scale = 2.0 / (double(n - 1) * double(n - 2));
  for (double& s : scores) s *= scale;
  return scores;
}

std::vector<std::size_t> DistinctDegrees(const ActorNetwork& network) {
  std::vector<std::size_t> degree(network.ids.size(), 0);
  for (auto [a, b] : Pairs(network)) {
    ++degree[a];
    ++degree[b];
  }
  return degree;
}

}  // namespace entente
