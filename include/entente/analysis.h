// Analysis of a RelationGraph: timelines, neighbours, shortest paths,
// centrality rankings and summary counts — the questions researchers ask of
// a saved graph.json after `entente build`.
//
//   Result<RelationGraph> g = ...;                       // a loaded graph
//   auto events = Timeline(*g, {.actor = "Biden", .with = "Xi"});
//   auto path = ShortestPath(*g, {.from_actor = "Blinken", .to_actor = "Kim",
//                                 .cooperative = true});
//   auto top = RankActors(*g, {.by = "pagerank", .kind = "person", .n = 10});
//
// Every query takes an inclusive time window (`from`, `to`: YYYY-MM-DD,
// either may be empty). A relation takes part with the dates and evidence
// that overlap the window (a TIMEX3 value such as "2021-03" overlaps when
// any of its days does); undated evidence drops out of a bounded window.
// Affiliation edges (a person to their state) are not relations between
// actors: the queries leave them out unless a query says otherwise.
//
// Actors are named as users type them (see ResolveActor in query.h).
// Failures: a bad date or option value is a usage error; an unknown actor is
// NotFound; an ambiguous one is InvalidInput with the candidates listed.
#ifndef ENTENTE_ANALYSIS_H_
#define ENTENTE_ANALYSIS_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "entente/graph.h"
#include "entente/status.h"
#include "entente/types.h"

namespace entente {

// An inclusive window of days, "YYYY-MM-DD" bounds, either may be empty.
struct TimeWindow {
  std::string from, to;
};

// Checks that the bounds are dates and in order; the message names the
// option (--from/--to).
Status CheckWindow(const TimeWindow& window);

// The edges of `edges` trimmed to the window: dates and evidence outside it
// removed, documents and count recomputed from the evidence left; relations
// left with nothing are dropped. Affiliation edges are kept when
// `keep_affiliations` (trimmed the same way when they carry the dates of
// their person's events; whole when they carry none), dropped otherwise.
// The window must be valid.
std::vector<RelationEdge> EdgesInWindow(std::vector<RelationEdge> edges,
                                        const TimeWindow& window,
                                        bool keep_affiliations);

// The graph restricted to a window: the relations trimmed as above, the
// actors they link, and the affiliations among those actors. All documents
// of the graph stay recorded. Fails for a bad window.
Result<RelationGraph> GraphInWindow(const RelationGraph& graph,
                                    const TimeWindow& window);

// True when `filter` names the relation of `edge`: its relation name
// ("meeting"), its PLOVER type ("CONSULT"), case-insensitively, or a prefix
// of its CAMEO code made of digits ("04", "042"). An empty filter matches
// every edge.
bool RelationMatches(const RelationEdge& edge, const std::string& filter);

// True for the relations of planned events ("planned_visit").
bool IsPlanned(const RelationEdge& edge);

// ---- Timeline ----------------------------------------------------------

struct TimelineQuery {
  std::string actor;     // as typed; required
  std::string with;      // as typed; empty: any partner
  std::string relation;  // see RelationMatches; empty: all
  TimeWindow window;
};

// One event: a relation between two actors on one date, as reported by one
// or more documents.
struct TimelineEntry {
  std::string date;  // TIMEX3 value, "" when undated
  Actor source, target;
  std::string relation, cameo, plover;
  int quad = 0;
  bool symmetric = false;
  std::string location;       // where, if a text said
  std::size_t mentions = 0;   // supporting sentences
  std::size_t sources = 0;    // distinct documents
  std::vector<EvidenceRef> evidence;
};

// The events of an actor (or of a pair), in date order: values are ordered
// by the first day they cover, finer values first on the same day, undated
// events last.
Result<std::vector<TimelineEntry>> Timeline(const RelationGraph& graph,
                                            const TimelineQuery& query);

// Orders two TIMEX3 values as the timeline does ("" last).
bool TimexBefore(const std::string& a, const std::string& b);

// ---- Neighbours --------------------------------------------------------

struct NeighborQuery {
  std::string actor;     // as typed
  std::string relation;  // see RelationMatches; "affiliation" lists those
  TimeWindow window;
};

// Another actor related to the queried one, with the relations between them.
struct NeighborRow {
  Actor actor;
  std::vector<std::string> relations;  // sorted, distinct
  // "out" (the queried actor is the source of every directed relation),
  // "in", "both", or "mutual" (symmetric relations only).
  std::string direction;
  std::size_t mentions = 0;  // evidence sentences, or counts without evidence
  std::size_t sources = 0;   // distinct documents
  std::string first, last;   // TIMEX3 values, "" when undated
};

// The neighbours of an actor, most sources first (then by name). Fails when
// the actor does not resolve, or when `relation` names no relation of the
// graph (the message lists the relations there are).
Result<std::vector<NeighborRow>> Neighbors(const RelationGraph& graph,
                                           const NeighborQuery& query);

// ---- Shortest path -----------------------------------------------------

struct PathQuery {
  std::string from_actor, to_actor;  // as typed
  // Only relations of CAMEO quad classes 1 and 2 (verbal and material
  // cooperation) count as links.
  bool cooperative = false;
  // Affiliation edges count as links too (a person to their state).
  bool affiliations = false;
  // Planned relations ("planned_visit") count as links too; by default
  // only relations that happened do.
  bool planned = false;
  TimeWindow window;
};

// One link of a path: the relations between two consecutive actors.
struct PathStep {
  Actor from, to;
  std::vector<RelationEdge> edges;  // every qualifying relation of the pair
};

struct PathResult {
  std::vector<Actor> actors;  // from .. to; empty when no path exists
  std::vector<PathStep> steps;
};

// A shortest path (fewest links, relations taken in either direction)
// between two actors. Among paths of equal length the one found first by a
// breadth-first search that visits actors in id order is returned, so the
// answer is deterministic. An empty result (no actors) means the two are
// not connected.
Result<PathResult> ShortestPath(const RelationGraph& graph,
                                const PathQuery& query);

// ---- Centrality ---------------------------------------------------------

struct RankingQuery {
  // degree: number of distinct actors related to the actor.
  // pagerank: Boost.Graph's page_rank (damping 0.85) over relations as arcs
  //   (source to target; symmetric relations both ways; one arc per relation
  //   edge), iterated to convergence and scaled to sum to 1.
  // betweenness: Brandes' betweenness over distinct related pairs
  //   (undirected), normalised as networkx does: divided by (n-1)(n-2)/2.
  std::string by = "degree";
  std::string kind;  // person | state | organization | group; empty: all
  std::size_t n = 10;  // 0: all
  // Planned relations ("planned_visit") count too; by default only
  // relations that happened do.
  bool planned = false;
  TimeWindow window;
};

struct RankedActor {
  Actor actor;
  double score = 0;
  std::size_t degree = 0;   // distinct related actors
  std::size_t sources = 0;  // distinct documents of its relations
};

// The top actors by a centrality measure, highest first (ties by id). The
// measure is computed on the whole (windowed) graph; `kind` only selects
// which actors are listed. Fails (usage) for an unknown measure or kind.
Result<std::vector<RankedActor>> RankActors(const RelationGraph& graph,
                                            const RankingQuery& query);

// ---- Summary counts ----------------------------------------------------

// Counts of events (a relation between two actors on one date), of
// mentions (supporting sentences) and of distinct documents.
struct StatCounts {
  std::size_t events = 0, mentions = 0, sources = 0;
};

struct GraphStats {
  std::size_t actors = 0;        // actors taking part in relations
  std::size_t relations = 0;     // relation edges (no affiliations)
  std::size_t affiliations = 0;  // affiliation edges
  std::size_t documents = 0;     // documents recorded in the graph
  StatCounts total;
  std::map<std::string, std::size_t> actors_by_kind;
  std::map<std::string, StatCounts> by_relation;
  std::map<std::string, StatCounts> by_quad;  // "1".."4", "0" when unknown
  // An event counts for each distinct country of its two actors.
  std::map<std::string, StatCounts> by_country;
  // "YYYY-MM" for values within one month (a week counts for the month of
  // its Thursday), the value itself for coarser ones ("2021-Q3", "2021"),
  // "undated" for events without a date.
  std::map<std::string, StatCounts> by_month;
};

// Summary counts of the (windowed) graph. Fails for a bad window.
Result<GraphStats> ComputeStats(const RelationGraph& graph,
                                const TimeWindow& window);

}  // namespace entente

#endif  // ENTENTE_ANALYSIS_H_
