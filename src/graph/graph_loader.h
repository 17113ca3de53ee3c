// Bulk loading of a saved graph (graph.json) into the resident store.
//
// RelationGraph::AddEdge takes a RelationEdge of strings and sets; loading a
// million edges that way costs a few allocations per string and per set
// node. The reader of graph.json instead interns each string as it parses
// it and hands over edges of ids (SavedEdge). Edges are collected in an
// EdgeBatch and committed at the end, after the file's nodes: an actor
// named only by an edge is then made exactly as AddEdge makes it, whatever
// the order of "nodes" and "edges" in the file, and a batch that turns out
// not to be wanted (a "links" array beside an "edges" one) is dropped.
//
// The result is the graph AddEdge would build from the same edges.
#ifndef ENTENTE_GRAPH_GRAPH_LOADER_H_
#define ENTENTE_GRAPH_GRAPH_LOADER_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "graph/graph_store.h"

namespace entente::graph {

// One piece of evidence as saved, its strings interned in the graph.
struct SavedEvidence {
  Id doc = 0;
  std::size_t sentence = kUnknownSentence;
  Id date = 0, location = 0;
  std::size_t mentions = 1;
};

// An edge as saved. Endpoints are ids of the batch's endpoint pool; the
// labels, documents and dates are ids of the graph's pools.
struct SavedEdge {
  Id source = kNoId, target = kNoId;
  Id relation = 0, cameo = 0, plover = 0, role = 0;
  int quad = 0;
  bool symmetric = false;
  std::size_t count = 0;
  std::vector<Id> documents, dates;     // may repeat
  std::vector<SavedEvidence> evidence;  // may repeat (the first one counts)
  // Set by a reader that checked the evidence to be strictly increasing by
  // (doc, sentence, date, location) as strings, as graph.json writes it:
  // Stage() then has nothing to sort or drop.
  bool evidence_in_order = false;

  // Empties the edge, keeping the vectors' memory for the next one.
  void Clear();
};

// Edges waiting to be committed.
class EdgeBatch {
 public:
  // The endpoint id of an actor id.
  Id Endpoint(std::string_view actor_id) { return endpoints_.Intern(actor_id); }
  std::size_t mention_count() const { return mention_count_; }
  std::size_t edge_count() const { return edges_.size(); }

 private:
  friend class GraphLoader;
  struct Added {
    Mention mention;
    std::uint32_t times;
  };
  StringPool endpoints_;
  std::vector<EdgeRecord> edges_;       // source, target: endpoint ids
  std::vector<std::uint32_t> ends_;     // edge i's mentions end at ends_[i]
  std::vector<Added> added_;
  std::size_t mention_count_ = 0;       // the sum of times
};

class GraphLoader {
 public:
  // The most mentions one edge's count or one piece of evidence may give:
  // each is stored, and a corrupt count must not exhaust memory.
  static constexpr std::size_t kMaxMentions = std::size_t{1} << 24;

  explicit GraphLoader(RelationGraph* graph);

  Id Doc(std::string_view doc) { return g_.DocId(doc); }
  Id Label(std::string_view label) { return g_.labels.Intern(label); }
  Id Date(std::string_view date) { return g_.DateId(date); }
  Id Location(std::string_view location) {
    return g_.locations.Intern(location);
  }
  void AddDocument(Id doc);  // an id of Doc()
  void AddActor(const Actor& actor) { g_.AddActor(actor); }

  // Adds `e` to the batch as RelationGraph::AddEdge would add it (the
  // evidence of `e` gets sorted and deduplicated). Counts must not exceed
  // kMaxMentions. False when the batch would hold more mentions than the
  // store can index.
  bool Stage(SavedEdge& e, EdgeBatch* batch);
  // Room for `count` more edges (those of the batches to commit).
  void ReserveEdges(std::size_t count) {
    g_.ReserveEdges(g_.edges.size() + count);
  }
  // Adds the batch's edges and mentions to the graph.
  void Commit(const EdgeBatch& batch);
  // The same for a batch staged by `other` (into another graph, by another
  // thread): its ids are translated through the strings.
  void CommitFrom(const GraphLoader& other, const EdgeBatch& batch);
  // The same, with `doc_id(s)` giving the id of document `s` here (a faster
  // look-up than this graph's pool; it must give what Doc(s) gives).
  void CommitFrom(const GraphLoader& other, const EdgeBatch& batch,
                  const std::function<Id(std::string_view)>& doc_id);

 private:
  template <typename LabelMap, typename MentionMap>
  void CommitEdges(const EdgeBatch& batch, LabelMap label, MentionMap mention);
  void AddMention(EdgeBatch* batch, Mention m, std::size_t times);
  Id Undated();  // the context ("", "")
  // The store's ContextOf(), through a table holding the pairs themselves
  // (one cache miss a look-up instead of two).
  Id Context(Id date, Id location);

  RelationGraph::Impl& g_;
  Id undated_context_ = kNoId;
  struct ContextSlot {
    Id date, location, context;  // context kNoId: empty
  };
  std::vector<ContextSlot> context_slots_;
  std::size_t contexts_cached_ = 0;
  std::vector<Id> no_location_by_date_;  // contexts without location
  // Scratch space of Stage().
  std::vector<Id> seen_, missing_docs_, missing_dates_;
};

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_GRAPH_LOADER_H_
