// ActorNetwork: actors and relations as plain vertex indices and arcs, the
// form the Boost.Graph algorithms take. All Boost.Graph calls of the
// analysis queries live in network.cc (it is slow to compile), so the
// queries themselves stay free of Boost types.
#ifndef ENTENTE_QUERY_NETWORK_H_
#define ENTENTE_QUERY_NETWORK_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "entente/graph.h"

namespace entente {

struct ActorNetwork {
  std::vector<std::string> ids;  // vertex index -> actor id, sorted
  // One arc per relation edge, source to target; symmetric relations give
  // one arc each way.
  std::vector<std::pair<std::size_t, std::size_t>> arcs;

  // The index of an actor id, or ids.size() when absent.
  std::size_t IndexOf(const std::string& id) const;
};

// The network of the given edges: every actor at either end of one of them
// is a vertex. Affiliation edges must have been removed by the caller unless
// they are meant as links.
ActorNetwork MakeNetwork(const std::vector<RelationEdge>& edges);

inline constexpr std::size_t kNoVertex = static_cast<std::size_t>(-1);

// Breadth-first search from `start`, arcs taken in either direction,
// neighbours visited in index (= id) order. Returns each vertex's
// predecessor on a shortest path from `start` (kNoVertex for `start` and
// for vertices not reached).
std::vector<std::size_t> BreadthFirstPredecessors(const ActorNetwork& network,
                                                  std::size_t start);

// PageRank (damping 0.85) over the arcs, iterated until the ranks change by
// less than 1e-12 in total (at most 1000 rounds), scaled to sum to 1.
std::vector<double> PageRankScores(const ActorNetwork& network);

// Betweenness over distinct vertex pairs linked by an arc (undirected),
// divided by the (n-1)(n-2)/2 pairs of other vertices for n > 2 (all zero
// otherwise): networkx's normalized undirected betweenness.
std::vector<double> BetweennessScores(const ActorNetwork& network);

// Distinct neighbours of each vertex (arcs in either direction).
std::vector<std::size_t> DistinctDegrees(const ActorNetwork& network);

}  // namespace entente

#endif  // ENTENTE_QUERY_NETWORK_H_
