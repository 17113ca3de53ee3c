// RelationGraph: events aggregated into a graph of actors and relations.
//
// Vertices are actors, merged by id. There is one edge per (source,
// relation, target) — symmetric relations once, with the smaller id as
// source — carrying how often it was reported (count), by how many
// documents (sources), its first and last dates, every date, and a
// reference to each supporting sentence. People also get an "affiliation"
// edge to their state, dated by the events they took part in (so it has a
// date range). Negated and hypothetical events are not relations that
// happened and stay out of the graph; planned ones are kept under
// "planned_<relation>".
//
// Several documents reporting the same event — same actors, relation and
// date value (so the same granularity: "2021-09-09" and "2021-09" are two
// events) — make one dated event of the edge with several sources: each
// edge lists its events with their mentions and distinct documents, as
// GDELT keeps NumMentions and NumSources.
//
// Aggregation is associative and commutative: adding events in any order,
// or merging graphs built from any partition of a corpus, gives the same
// graph (and the same graph.json, byte for byte).
//
// Resident form: strings are interned, dates are small ids with their day
// ranges, and each mention is a 12-byte record, so a graph of a million
// events fits in under 100 MB. Queries go through an index (for each
// actor, its incident edges in compressed-sparse-row arrays sorted by
// relation and by the months of their evidence; each edge's evidence
// sorted by date) that is rebuilt lazily after changes. edges(), EdgesOf()
// and ForEachEdge() hand out RelationEdge values made on demand.
//
//   RelationGraph g;
//   for (const Event& e : events) g.AddEvent(e);
//   EdgeFilter f;
//   f.actor = "joe-biden";
//   f.relations = {"meeting"};
//   f.time.from = "2021-06-01";
//   g.ForEachEdge(f, [](const RelationEdge& e) { ... });
#ifndef ENTENTE_GRAPH_H_
#define ENTENTE_GRAPH_H_

#include <compare>
#include <cstddef>
#include <functional>
#include <limits>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "entente/status.h"
#include "entente/types.h"

namespace entente {

namespace graph {
class GraphLoader;  // bulk loading of saved graphs (src/graph/graph_loader.h)
}  // namespace graph

// The sentence index of evidence whose sentence is not known (graphs saved
// before evidence was kept for affiliations); graph.json writes null.
inline constexpr std::size_t kUnknownSentence =
    std::numeric_limits<std::size_t>::max();

// One supporting sentence of an edge. Ordered and compared by (doc,
// sentence, date, location); `mentions` says how many times that sentence
// reported the edge (usually once) and does not take part.
struct EvidenceRef {
  std::string doc;
  std::size_t sentence = 0;
  std::string date;      // the event's TIMEX3 date value ("" if unknown)
  std::string location;  // where, if the text said
  std::size_t mentions = 1;

  friend bool operator==(const EvidenceRef& a, const EvidenceRef& b) {
    return a.doc == b.doc && a.sentence == b.sentence && a.date == b.date &&
           a.location == b.location;
  }
  friend std::strong_ordering operator<=>(const EvidenceRef& a,
                                          const EvidenceRef& b) {
    if (auto c = a.doc <=> b.doc; c != 0) return c;
    if (auto c = a.sentence <=> b.sentence; c != 0) return c;
    if (auto c = a.date <=> b.date; c != 0) return c;
    return a.location <=> b.location;
  }
};

// One event of an edge: the relation on one date value, with how many
// times it was reported and by how many distinct documents.
struct DatedEvent {
  std::string date;  // TIMEX3 value, never empty
  std::size_t mentions = 0;
  std::size_t sources = 0;
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
  // The dated events, sorted by date. Filled when the graph hands an edge
  // out; AddEdge() ignores it (it follows from the evidence).
  std::vector<DatedEvent> events;

  std::string first() const { return dates.empty() ? "" : *dates.begin(); }
  std::string last() const { return dates.empty() ? "" : *dates.rbegin(); }
};

// Which evidence a time-bounded query or export keeps, by the event's own
// date (not the date of the report). Bounds are "YYYY-MM-DD"; empty is open.
//  - from/to: evidence whose date overlaps [from, to] ("2021-03" is kept by
//    a window that ends on 2021-03-01), as --from/--to do everywhere;
//  - as_of: the graph as it stood on that day: evidence whose date lies
//    wholly on or before it ("2021-03" is not yet kept on 2021-03-15).
// A bounded filter drops undated evidence (and dates it cannot read).
struct TimeFilter {
  std::string from, to;
  std::string as_of;
  bool empty() const { return from.empty() && to.empty() && as_of.empty(); }
};

// Checks the bounds: a usage error naming the option ("--from: 'x' is not
// a date (YYYY-MM-DD)") or saying that --from is after --to.
Status CheckTimeFilter(const TimeFilter& filter);

// True when a filter (already checked) keeps evidence dated `timex`.
bool TimeFilterKeeps(const TimeFilter& filter, const std::string& timex);

// Which edges, and which of their evidence, a query wants. The graph's
// index answers it touching only the actor's edges of those relations and
// their evidence in the window.
struct EdgeFilter {
  std::string actor;  // an actor id (see ResolveActor); empty: any
  std::string other;  // the id at the other end; empty: any
  std::vector<std::string> relations;  // empty: every relation
  TimeFilter time;                     // must be checked
  // Answer by scanning every edge instead of using the index (the
  // benchmark's baseline; tests check that both agree).
  bool scan_all_edges = false;
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
  // Adds or completes an actor vertex. Of two records of one actor, each
  // field keeps the more informative value (a name other than the id; else
  // the smaller non-empty one), so the order of additions does not matter.
  void AddActor(const Actor& actor);
  // Adds an edge as saved (used when loading graph.json and merging). Its
  // evidence is added `mentions` times each; documents and dates that no
  // evidence carries are kept as evidence of unknown sentence; a count
  // above the evidence's mentions is added to the first evidence.
  void AddEdge(const RelationEdge& edge);
  // Adds everything of `other`.
  void Merge(const RelationGraph& other);
  // Adds what `other` has from documents this graph does not have yet;
  // returns the ids of the documents skipped (sorted).
  std::vector<std::string> MergeNewDocuments(const RelationGraph& other);

  // Actors sorted by id; edges sorted by (source, target, relation).
  std::vector<Actor> actors() const;
  std::vector<RelationEdge> edges() const;
  // The document ids, made on first use after a change (prefer
  // HasDocument() and document_count() on large graphs).
  const std::set<std::string>& documents() const;
  bool HasDocument(const std::string& doc_id) const;
  std::size_t document_count() const;
  std::size_t actor_count() const;
  std::size_t edge_count() const;
  // Mentions in all (the number of evidence records).
  std::size_t mention_count() const;

  // The actor with this id, or nullptr. Valid until the graph changes.
  const Actor* FindActor(const std::string& id) const;
  // The edges touching an actor (either end), sorted as edges().
  std::vector<RelationEdge> EdgesOf(const std::string& id) const;
  // Calls `fn` for each edge the filter selects, sorted as edges(), with
  // only the evidence it keeps (count, documents, dates and events are of
  // that evidence). With a time bound, edges left without evidence are not
  // passed. Unknown actor ids select nothing.
  void ForEachEdge(const EdgeFilter& filter,
                   const std::function<void(const RelationEdge&)>& fn) const;
  // Every edge, sorted as edges(), made one at a time (for writers).
  void ForEachEdge(const std::function<void(const RelationEdge&)>& fn) const;

  // Builds the query index now instead of on the first query after a
  // change (benchmarks; servers before taking queries).
  void Compact() const;
  // Bytes the graph holds (its arrays and strings, not allocator overhead).
  std::size_t MemoryBytes() const;

 private:
  friend Result<RelationGraph> FilterByTime(const RelationGraph& graph,
                                            const TimeFilter& filter);
  friend class graph::GraphLoader;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The graph with only the evidence `filter` keeps, counts recomputed from
// it; edges without evidence left, and actors without edges left, are
// dropped, and documents() lists the documents of the evidence kept. An
// empty filter gives a copy. Fails (usage) when the filter's dates are bad.
Result<RelationGraph> FilterByTime(const RelationGraph& graph,
                                   const TimeFilter& filter);

// CAMEO quad class (1 verbal cooperation .. 4 material conflict) of a code,
// from the built-in CAMEO table; 0 when unknown.
int QuadClassOf(const std::string& cameo);

}  // namespace entente

#endif  // ENTENTE_GRAPH_H_
