// The resident form of a RelationGraph (RelationGraph::Impl), shared by the
// files of src/graph/.
//
// Every report of an edge is a 12-byte Mention (document, sentence, and a
// context id naming its date and location). An edge's mentions form a
// multiset: the same (document, sentence, date, location) twice is one
// piece of evidence mentioned twice. Everything an edge shows — count,
// documents, dates, events, evidence — is computed from that multiset, so
// merging graphs is appending multisets and the result cannot depend on
// the order of additions.
//
// New mentions are appended to `pending`; Ready() (run by every reader)
// moves them into `mentions`, grouped by edge (`offsets`) and sorted by date
// within an edge, and rebuilds the index: actor -> incident edges, in
// compressed-sparse-row arrays sorted by relation and month of evidence.
#ifndef ENTENTE_GRAPH_GRAPH_STORE_H_
#define ENTENTE_GRAPH_GRAPH_STORE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "entente/graph.h"
#include "graph/huge_page_allocator.h"
#include "graph/string_pool.h"

namespace entente {

class Lexicon;

namespace graph {

// The built-in lexicon, loaded once: CAMEO classes and state names.
const Lexicon& BuiltInLexicon();

struct Mention {
  Id doc;
  Id sentence;  // kNoId: unknown
  Id context;
  friend bool operator==(const Mention&, const Mention&) = default;
};

// Where and when: a (date, location) pair, interned.
struct Context {
  Id date, location;
};

// The days a date value covers, as days since 1970-01-01. Values that name
// no days (empty, durations, seasons) have first = kUndated and sort last.
struct DateSpan {
  std::int32_t first, last;
};
inline constexpr std::int32_t kUndated = INT32_MAX;

struct EdgeRecord {
  Id source, target;  // actor ids
  Id relation;        // labels
  Id cameo, plover, role;
  std::uint8_t quad;
  bool symmetric;
};

// From this many mentions on, Ready() folds and indexes on two threads (a
// variable so that tests can take the two-thread path on small graphs).
inline std::size_t two_thread_mentions = std::size_t{1} << 18;

// The query index (defined in graph_index.cc).
struct Index;
struct IndexDeleter {
  void operator()(Index* index) const;
};

// A checked TimeFilter in days; answers "is this date kept" for date ids.
struct DayWindow {
  bool bounded = false;
  std::int32_t from = INT32_MIN, to = INT32_MAX;  // overlap bounds
  std::int32_t as_of = INT32_MAX;                 // last day bound
  static DayWindow Of(const TimeFilter& filter);
  bool Keeps(const DateSpan& d) const {
    if (!bounded) return true;
    return d.first != kUndated && d.last >= from && d.first <= to &&
           d.last <= as_of;
  }
};

}  // namespace graph

struct RelationGraph::Impl {
  using Id = graph::Id;
  using Mention = graph::Mention;

  // Strings. docs and labels, dates and locations hold "" as id 0.
  graph::StringPool docs, actor_ids, labels, dates, locations;
  std::vector<bool> is_document;    // by doc id: in documents()
  std::deque<Actor> actors;         // by actor id
  std::vector<graph::DateSpan> spans;  // by date id
  std::vector<graph::Context> contexts;
  std::vector<Id> context_slots;  // open addressing over contexts

  std::vector<graph::EdgeRecord> edges;
  // Open addressing over edges: the high half of an edge's hash, then its
  // id (a probe reads the edge only when the halves match); kNoEdgeSlot:
  // empty. Dropped by Ready() to save memory, rebuilt by the next EdgeFor().
  static constexpr std::uint64_t kNoEdgeSlot = UINT64_MAX;
  std::vector<std::uint64_t, graph::HugePageAllocator<std::uint64_t>>
      edge_slots;

  struct Pending {
    Id edge;
    Mention mention;
  };
  std::vector<Pending> pending;
  std::vector<std::uint32_t> offsets;  // edge e: mentions[offsets[e], [e+1])
  std::vector<Mention> mentions;

  // The index, valid when !dirty.
  std::vector<std::uint32_t> actor_rank;  // by actor id: rank of the id
  std::unique_ptr<graph::Index, graph::IndexDeleter> index;
  std::int32_t max_span = 0;  // longest date span, in days
  bool dirty = true;
  std::mutex ready_mutex;

  std::set<std::string> documents_cache;
  bool documents_cache_valid = false;

  // Per-label facts looked up once: CAMEO quad class, state of a country.
  std::unordered_map<Id, int> quad_cache;
  std::unordered_map<Id, Id> state_cache;  // country label -> actor or kNoId

  Impl();
  Impl(const Impl& other);

  // ---- building (graph_store.cc) ----
  Id DocId(std::string_view doc);
  Id AddActor(const Actor& actor);
  Id ActorFor(const std::string& id);  // adds a bare vertex when new
  Id ContextId(std::string_view date, std::string_view location);
  Id DateId(std::string_view date);  // interns, with its day span
  Id ContextOf(Id date, Id location);
  // The edge with this key, created (with the given attributes) when new;
  // else its attributes are completed deterministically.
  Id EdgeFor(const graph::EdgeRecord& key_and_attributes);
  // Room for `count` edges in all, so that adding them does not grow the
  // edge table step by step.
  void ReserveEdges(std::size_t count);
  void RebuildEdgeSlots(std::size_t count);
  void AddMention(Id edge, Mention m, std::size_t times = 1);
  void AddAffiliations(const Event& e, Id doc, Id sentence, Id date);
  int QuadOf(Id cameo_label);
  void Changed() {
    dirty = true;
    documents_cache_valid = false;
  }

  // ---- reading (graph_index.cc) ----
  // Folds pending mentions in and rebuilds the index if anything changed.
  void Ready();
  void FoldPending();
  void RankActors();
  void BuildIndex();
  std::size_t MentionBegin(Id edge) const { return offsets[edge]; }
  std::size_t MentionEnd(Id edge) const { return offsets[edge + 1]; }
  const graph::DateSpan& SpanOf(const Mention& m) const {
    return spans[contexts[m.context].date];
  }
  // The mentions of an edge that a window keeps, as [begin, end) into
  // `mentions` to check one by one (binary search on dates).
  std::pair<std::size_t, std::size_t> Candidates(
      Id edge, const graph::DayWindow& w) const;
  // The edges a filter selects, sorted as edges(); kept mentions go to
  // `kept` (one vector per edge, same order) when it is not null.
  std::vector<Id> Select(const EdgeFilter& filter,
                         std::vector<std::vector<Mention>>* kept) const;
  // An edge with the given mentions (sorted as in `mentions`).
  RelationEdge Materialize(Id edge, const Mention* begin,
                           const Mention* end) const;
  RelationEdge Materialize(Id edge) const {
    return Materialize(edge, mentions.data() + MentionBegin(edge),
                       mentions.data() + MentionEnd(edge));
  }
  bool EdgeLess(Id a, Id b) const;

  // Copies edges, mentions and actors of `other` that `keep` selects.
  // `all_actors`: every actor of other, else only ends of copied edges;
  // `empty_edges`: also edges of other that have no mentions at all.
  // Documents of copied mentions that are documents of `other` become
  // documents of this graph.
  void Import(Impl& other, const std::function<bool(const Mention&)>& keep,
              bool all_actors, bool empty_edges);

  std::size_t MemoryBytes() const;
  std::size_t IndexBytes() const;
};

}  // namespace entente

#endif  // ENTENTE_GRAPH_GRAPH_STORE_H_
