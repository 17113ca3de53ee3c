// RelationGraph: events aggregated into a graph of actors and relations.
//
// Vertices are actors, merged by id. There is one edge per (source,
// relation, target) — symmetric relations once, with the smaller id as
// source — carrying how often it was reported (count), by how many
// documents (sources), its first and last dates, every date, and a
// reference to each supporting sentence. People also get an "affiliation"
// edge to their state. Negated and hypothetical events are not relations
// that happened and stay out of the graph; planned ones are kept under
// "planned_<relation>".
//
// Aggregation is associative and commutative: adding events in any order,
// or merging graphs built from any partition of a corpus, gives the same
// graph.
#ifndef ENTENTE_GRAPH_H_
#define ENTENTE_GRAPH_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "entente/types.h"

namespace entente {

// One supporting sentence of an edge.
struct EvidenceRef {
  std::string doc;
  std::size_t sentence = 0;
  std::string date;      // the event's TIMEX3 date value ("" if unknown)
  std::string location;  // where, if the text said
  friend auto operator<=>(const EvidenceRef&, const EvidenceRef&) = default;
};

struct RelationEdge {
  std::string source, target;  // actor ids
  std::string relation;        // "meeting", "planned_visit", "affiliation"
  std::string cameo, plover;
  int quad = 0;  // 1..4 (GDELT quad class), 0 for affiliation
  bool symmetric = false;
  std::string role;  // affiliation edges: the person's role
  std::size_t count = 0;  // mentions
  std::set<std::string> documents;
  std::set<std::string> dates;
  std::set<EvidenceRef> evidence;

  std::string first() const { return dates.empty() ? "" : *dates.begin(); }
  std::string last() const { return dates.empty() ? "" : *dates.rbegin(); }
};

class RelationGraph {
 public:
  RelationGraph();
  ~RelationGraph();
  RelationGraph(const RelationGraph&);
  RelationGraph& operator=(const RelationGraph&);
  RelationGraph(RelationGraph&&) noexcept;
  RelationGraph& operator=(RelationGraph&&) noexcept;

  // Adds one event (and the affiliation edges of its people). Records the
  // event's document as part of the graph.
  void AddEvent(const Event& event);
  // Records that a document was processed (even if it had no events).
  void AddDocument(const std::string& doc_id);
  // Adds or completes an actor vertex.
  void AddActor(const Actor& actor);
  // Adds an edge as saved (used when loading graph.json and merging).
  void AddEdge(const RelationEdge& edge);
  // Adds everything of `other`.
  void Merge(const RelationGraph& other);

  // Actors sorted by id; edges sorted by (source, target, relation).
  std::vector<Actor> actors() const;
  std::vector<RelationEdge> edges() const;
  const std::set<std::string>& documents() const;
  std::size_t actor_count() const;
  std::size_t edge_count() const;

  // The actor with this id, or nullptr.
  const Actor* FindActor(const std::string& id) const;
  // The edges touching an actor (either end), sorted as edges().
  std::vector<RelationEdge> EdgesOf(const std::string& id) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// CAMEO quad class (1 verbal cooperation .. 4 material conflict) of a code,
// from the built-in CAMEO table; 0 when unknown.
int QuadClassOf(const std::string& cameo);

}  // namespace entente

#endif  // ENTENTE_GRAPH_H_
