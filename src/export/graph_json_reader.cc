// Reading graph.json: a streaming (SAX) parse straight into the interned
// graph store, with no document tree and no per-edge strings or sets, so
// that a graph of a million events loads in a couple of seconds.
//
// Edges written in the layout GraphToNodeLinkJson writes (almost all of a
// large file) are read by a reader of that layout (graph_json_layout.h),
// called by the scanner at each element of the edges array; it hands back
// any edge it does not recognise, which the general scanner then reads.
// For such edges it also skips the work whose result is known: sorting
// evidence that is written in order, and looking up documents and dates
// that the evidence carries.
//
// The reader accepts what the earlier tree-based reader accepted, with the
// same results and messages: members in any order (the first of repeated
// members counts), unknown members skipped, a missing or mistyped field
// read as empty. Errors are reported in the order the tree reader found
// them (bad JSON, then /nodes, then the edges array, then the first bad
// node, then the first bad edge), so the whole text is parsed even after a
// bad record.
#include <fcntl.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <climits>
#include <cstring>
#include <memory>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "entente/export.h"
#include "export/graph_json_layout.h"
#include "export/json_fast_scan.h"
#include "graph/graph_loader.h"
#include "graph/huge_page_allocator.h"

namespace entente {
namespace {

using graph::Id;
using graph::kNoId;
using rapidjson::SizeType;

// Where the next value goes: a member of the open object, or an element
// of the open array (the *Item values).
enum Slot : std::uint8_t {
  kSkip,
  kGraph, kNodes, kEdges, kLinks,          // top-level members
  kGraphDocuments,                         // member of "graph"
  kId, kName, kKind, kCountry, kCode, kRole,  // members of a node
  kSource, kTarget, kRelation, kCameo, kPlover, kEdgeRole, kQuad,
  kSymmetric, kCount, kDates, kDocuments, kEvidence,  // of an edge
  kDoc, kSentence, kDate, kLocation, kMentions,       // of evidence
  kRoot, kGraphDocumentItem, kNodeItem, kEdgeItem, kDateItem,
  kDocumentItem, kEvidenceItem,
};

enum class Frame : std::uint8_t {
  kTop, kGraph, kGraphDocuments, kNodes, kNode, kEdges, kEdge, kDates,
  kDocuments, kEvidenceList, kEvidence,
};

// k == word, as a comparison of a known number of bytes (inlined: keys
// are compared tens of millions of times in a large graph).
template <std::size_t N>
bool Is(std::string_view k, const char (&word)[N]) {
  return k.size() == N - 1 && std::memcmp(k.data(), word, N - 1) == 0;
}

Slot TopMember(std::string_view k) {
  if (Is(k, "nodes")) return kNodes;
  if (Is(k, "edges")) return kEdges;
  if (Is(k, "links")) return kLinks;
  if (Is(k, "graph")) return kGraph;
  return kSkip;
}

Slot NodeMember(std::string_view k) {
  if (Is(k, "id")) return kId;
  if (Is(k, "name")) return kName;
  if (Is(k, "kind")) return kKind;
  if (Is(k, "country")) return kCountry;
  if (Is(k, "code")) return kCode;
  if (Is(k, "role")) return kRole;
  return kSkip;
}

Slot EdgeMember(std::string_view k) {
  if (Is(k, "source")) return kSource;
  if (Is(k, "target")) return kTarget;
  if (Is(k, "relation")) return kRelation;
  if (Is(k, "cameo")) return kCameo;
  if (Is(k, "plover")) return kPlover;
  if (Is(k, "quad")) return kQuad;
  if (Is(k, "symmetric")) return kSymmetric;
  if (Is(k, "role")) return kEdgeRole;
  if (Is(k, "count")) return kCount;
  if (Is(k, "dates")) return kDates;
  if (Is(k, "documents")) return kDocuments;
  if (Is(k, "evidence")) return kEvidence;
  return kSkip;
}

Slot EvidenceMember(std::string_view k) {
  if (Is(k, "doc")) return kDoc;
  if (Is(k, "sentence")) return kSentence;
  if (Is(k, "date")) return kDate;
  if (Is(k, "location")) return kLocation;
  if (Is(k, "mentions")) return kMentions;
  return kSkip;
}

// A string of up to 16 bytes as two words (zero-padded) and its size,
// compared and hashed without a call to memcmp.
struct ShortKey {
  std::uint64_t lo = 0, hi = 0;
  std::uint32_t size = UINT32_MAX;  // UINT32_MAX: none

  static bool Fits(std::string_view s) { return s.size() <= 16; }
  explicit ShortKey(std::string_view s)
      : size(static_cast<std::uint32_t>(s.size())) {
    if (s.size() < 8) {
      std::memcpy(&lo, s.data(), s.size());
      return;
    }
    // Fixed-size loads (inlined); the last eight bytes, shifted, give the
    // bytes after the eighth (little-endian; else byte by byte).
    std::memcpy(&lo, s.data(), 8);
    if (s.size() == 8) return;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&hi, s.data() + s.size() - 8, 8);
      hi >>= 8 * (16 - s.size());
    } else {
      std::memcpy(&hi, s.data() + 8, s.size() - 8);
    }
  }
  ShortKey() = default;
  std::string_view View() const {
    return std::string_view(reinterpret_cast<const char*>(this), size);
  }
  bool operator==(const ShortKey& o) const {
    return lo == o.lo && hi == o.hi && size == o.size;
  }
  std::size_t Hash() const {
    std::uint64_t h = lo * 0x9E3779B97F4A7C15ull;
    h ^= (hi + size) * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 32;
    h *= 0x165667B19E3779F9ull;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

// The ids of the last few strings interned, to skip hashing (and the
// cache misses of a large pool) for values that repeat: an edge's
// documents and dates are those of its evidence, and consecutive edges
// share a source.
template <int N>
class RecentIds {
 public:
  template <typename Intern>
  Id Get(std::string_view s, Intern intern) {
    if (!ShortKey::Fits(s)) return intern(s);
    ShortKey key(s);
    for (const Entry& e : entries_) {
      if (e.key == key) return e.id;
    }
    Entry& e = entries_[next_];
    next_ = (next_ + 1) % N;
    e.id = intern(s);
    e.key = key;
    return e.id;
  }

 private:
  struct Entry {
    ShortKey key;
    Id id = kNoId;
  };
  Entry entries_[N];
  int next_ = 0;
};

// A JSON number as the tree reader saw it: as an unsigned 64-bit value
// (IsUint64) and as an int (IsInt), when it is one.
struct Number {
  std::optional<std::uint64_t> u64;
  std::optional<int> i;
};

// Ids of strings of up to 16 bytes (document ids, dates), held in the table
// itself: a look-up costs one cache miss instead of the pool's three
// (slot, offset, characters), which matters for the hundreds of thousands
// of documents of a large graph. Longer strings go to `intern` directly.
//
// A look-up is in two steps so that the miss can be hidden: Prepare() when
// the string is read (it starts loading the slot), Resolve() when the edge
// ends and the slot is in the cache.
class ShortStringIds {
 public:
  struct Ref {
    ShortKey key;
    std::size_t hash = 0;
  };

  Ref Prepare(std::string_view s) const {
    Ref r{ShortKey(s), 0};
    r.hash = r.key.Hash();
    if (!slots_.empty()) {
      __builtin_prefetch(&slots_[r.hash & (slots_.size() - 1)]);
    }
    return r;
  }

  template <typename Intern>
  Id Get(std::string_view s, Intern intern) {
    if (!ShortKey::Fits(s)) return intern(s);
    return Resolve(Prepare(s), [&](const ShortKey&) { return intern(s); });
  }

  template <typename Intern>
  Id Resolve(const Ref& r, Intern intern) {
    if (2 * (count_ + 1) > slots_.size()) Grow();
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = r.hash & mask;; i = (i + 1) & mask) {
      Slot& x = slots_[i];
      if (x.id == kNoId) {
        x = {r.key, intern(r.key)};
        ++count_;
        return x.id;
      }
      if (x.key == r.key) return x.id;
    }
  }

 private:
  struct Slot {
    ShortKey key;
    Id id = kNoId;  // kNoId: empty
  };
  void Grow() {
    Slots old(slots_.empty() ? 1024 : 2 * slots_.size());
    old.swap(slots_);
    std::size_t mask = slots_.size() - 1;
    for (const Slot& x : old) {
      if (x.id == kNoId) continue;
      std::size_t i = x.key.Hash() & mask;
      while (slots_[i].id != kNoId) i = (i + 1) & mask;
      slots_[i] = x;
    }
  }
  using Slots = std::vector<Slot, graph::HugePageAllocator<Slot>>;
  Slots slots_;
  std::size_t count_ = 0;
};

// One edges array ("edges" or "links"): its edges, and its first error.
struct EdgeList {
  bool is_array = false;
  std::size_t size = 0;
  graph::EdgeBatch batch;
  RecentIds<1> sources, targets;
  ShortStringIds endpoint_ids;  // of the batch's endpoints
  // The first error: the edge's index and what is wrong.
  bool has_error = false;
  std::size_t error_index = 0;
  std::string error;
};

class Handler {
 public:
  explicit Handler(RelationGraph* g) : loader_(g) {}

  // The graph is built; returns the error of the text, if any. `part`:
  // the handler that read part of an edges array (see Adopt).
  Status Finish(const std::string& origin, const Handler* part = nullptr) {
    if (!root_is_object_ || !nodes_is_array_) {
      return Status::InvalidInput(
          origin + ": /nodes: missing; not a graph written by `entente build`");
    }
    EdgeList& list = lists_[has_edges_key_ ? 0 : 1];
    if (!list.is_array) {
      return Status::InvalidInput(origin + ": /edges: missing or not an array");
    }
    if (!node_error_.empty()) {
      return Status::InvalidInput(origin + ": " + node_error_);
    }
    if (list.has_error) {
      return Status::InvalidInput(
          origin + (&list == &lists_[0] ? ": /edges/" : ": /links/") +
          std::to_string(list.error_index) + ": " + list.error);
    }
    const graph::EdgeBatch* more = nullptr;
    if (part != nullptr && adopted_list_ == (&list == &lists_[0] ? 0 : 1)) {
      more = &part->lists_[0].batch;
    }
    std::size_t mentions =
        list.batch.mention_count() + (more ? more->mention_count() : 0);
    if (mentions > std::numeric_limits<std::uint32_t>::max()) {
      return Status::InvalidInput(origin +
                                  ": /edges: more mentions than a graph can "
                                  "hold");
    }
    loader_.ReserveEdges(list.batch.edge_count() +
                         (more ? more->edge_count() : 0));
    loader_.Commit(list.batch);
    if (more != nullptr) {
      // Documents through this reader's table of them (see ShortStringIds).
      loader_.CommitFrom(part->loader_, *more, [&](std::string_view d) {
        return doc_ids_.Get(
            d, [&](std::string_view x) { return loader_.Doc(x); });
      });
    }
    return Status::Ok();
  }

  // ---- reading an edges array in two parts ----
  // Starts inside an edges array, before an element (for ScanElements).
  void StartInEdges() {
    root_is_object_ = true;
    stack_[0] = {Frame::kTop, 0};
    stack_[1] = {Frame::kEdges, 0};
    depth_ = 2;
    list_ = 0;
    lists_[0].is_array = true;
  }
  // True when the last value read was an element of an edges array.
  bool InEdges() const {
    return depth_ == 2 && stack_[1].frame == Frame::kEdges &&
           skip_depth_ == 0;
  }
  // Takes the counts and first error of the edges `part` read (from
  // StartInEdges() on) as the next elements of the array being read;
  // Finish() commits them.
  void Adopt(const Handler& part) {
    EdgeList& list = lists_[list_];
    const EdgeList& more = part.lists_[0];
    if (!list.has_error && more.has_error) {
      list.has_error = true;
      list.error_index = list.size + more.error_index;
      list.error = more.error;
    }
    list.size += more.size;
    adopted_list_ = list_;
  }

  // ---- edges in the layout GraphToNodeLinkJson writes ----
  // JsonFastScanner's hook, at the start of an element of an array: reads
  // edges written in the known layout (graph_json_layout.h) up to `stop`
  // or the end of the array, and returns where it stopped (`*after`: after
  // an element; else at the start of one for the general scanner).
  const char* FastElements(const char* p, const char* end, const char* stop,
                           bool* after) {
    *after = false;
    if (!InEdges() || lists_[list_].has_error) return p;
    LayoutCursor c(p, end);
    for (;;) {
      const char* start = c.position();
      if (!ReadLayoutEdge(c, &layout_)) return start;
      ApplyLayoutEdge();
      if (c.position() == stop || !c.At(',')) {
        *after = true;
        return c.position();
      }
      c.Next(',');
    }
  }

  // ---- rapidjson::Reader's handler interface ----
  bool Null() {
    Slot s = ScalarSlot();
    if (s == kSentence) evidence_.sentence = kUnknownSentence;
    return true;
  }
  bool Bool(bool b) {
    Slot s = ScalarSlot();
    if (s == kSymmetric) edge_.symmetric = b;
    return true;
  }
  bool Int(int i) {
    return Put(Number{i >= 0 ? std::optional<std::uint64_t>(i) : std::nullopt,
                      i});
  }
  bool Uint(unsigned u) {
    return Put(Number{u, u <= INT_MAX ? std::optional<int>(static_cast<int>(u))
                                      : std::nullopt});
  }
  bool Int64(std::int64_t i) {
    return Put(Number{i >= 0 ? std::optional<std::uint64_t>(i) : std::nullopt,
                      i >= INT_MIN && i <= INT_MAX
                          ? std::optional<int>(static_cast<int>(i))
                          : std::nullopt});
  }
  bool Uint64(std::uint64_t u) {
    return Put(Number{u, u <= INT_MAX ? std::optional<int>(static_cast<int>(u))
                                      : std::nullopt});
  }
  bool Double(double) { return Put(Number{}); }
  bool RawNumber(const char*, SizeType, bool) { return Put(Number{}); }
  bool String(const char* str, SizeType length, bool) {
    if (skip_depth_ > 0) return true;
    std::string_view s(str, length);
    auto endpoint = [&](std::string_view x) {
      return lists_[list_].batch.Endpoint(x);
    };
    auto label = [&](std::string_view x) { return loader_.Label(x); };
    auto date = [&](std::string_view x) { return loader_.Date(x); };
    auto doc = [&](std::string_view x, DocRef* ref) { return DocNow(x, ref); };
    switch (Where()) {
      case kGraphDocumentItem:
        if (graph_documents_ok_) {
          DocRef r;
          r.id = doc(s, &r);
          loader_.AddDocument(ResolveDoc(r));
        }
        break;
      case kId: actor_.id = s; break;
      case kName: actor_.name = s; break;
      case kKind: actor_.kind = s; break;
      case kCountry: actor_.country = s; break;
      case kCode: actor_.code = s; break;
      case kRole: actor_.role = s; break;
      case kSource:
        if (!s.empty()) edge_.source = lists_[list_].sources.Get(s, endpoint);
        break;
      case kTarget:
        if (!s.empty()) edge_.target = lists_[list_].targets.Get(s, endpoint);
        break;
      case kRelation: edge_.relation = relations_.Get(s, label); break;
      case kCameo: edge_.cameo = labels_.Get(s, label); break;
      case kPlover: edge_.plover = labels_.Get(s, label); break;
      case kEdgeRole: edge_.role = labels_.Get(s, label); break;
      case kDateItem: edge_.dates.push_back(dates_.Get(s, date)); break;
      case kDocumentItem: {
        DocRef& r = document_refs_.emplace_back();
        r.id = doc(s, &r);
        break;
      }
      case kDoc:
        evidence_doc_.id = doc(s, &evidence_doc_);
        break;
      case kDate: evidence_.date = dates_.Get(s, date); break;
      case kLocation:
        evidence_.location = locations_.Get(
            s, [&](std::string_view x) { return loader_.Location(x); });
        break;
      default:
        Mismatch(Where());
    }
    return true;
  }
  bool StartObject() {
    if (skip_depth_ > 0) return ++skip_depth_, true;
    switch (Slot s = Where()) {
      case kRoot:
        root_is_object_ = true;
        return Push(Frame::kTop);
      case kGraph:
        return Push(Frame::kGraph);
      case kNodeItem:
        ++node_count_;
        actor_ = Actor{};
        return Push(Frame::kNode);
      case kEdgeItem:
        ++lists_[list_].size;
        edge_.Clear();
        document_refs_.clear();
        evidence_doc_refs_.clear();
        edge_strings_ok_ = true;
        return Push(Frame::kEdge);
      case kEvidenceItem:
        evidence_ = graph::SavedEvidence{};
        evidence_.sentence = kUnknownSentence;
        evidence_doc_ = DocRef{};
        evidence_doc_.id = 0;  // "" when absent
        return Push(Frame::kEvidence);
      default:
        Mismatch(s);
        skip_depth_ = 1;
        return true;
    }
  }
  bool Key(const char* str, SizeType length, bool) {
    if (skip_depth_ > 0) return true;
    std::string_view k(str, length);
    Open& open = stack_[depth_ - 1];
    Slot s = kSkip;
    switch (open.frame) {
      case Frame::kTop:
        s = TopMember(k);
        if (s == kEdges) has_edges_key_ = true;
        break;
      case Frame::kGraph:
        s = k == "documents" ? kGraphDocuments : kSkip;
        break;
      case Frame::kNode: s = NodeMember(k); break;
      case Frame::kEdge: s = EdgeMember(k); break;
      case Frame::kEvidence: s = EvidenceMember(k); break;
      default: break;
    }
    // The first of repeated members counts, as for FindMember().
    std::uint64_t bit = std::uint64_t{1} << s;
    if (s != kSkip && (open.seen & bit) != 0) s = kSkip;
    open.seen |= bit;
    member_ = s;
    if (s == kSentence) evidence_.sentence = 0;  // present: known
    if (s == kMentions) evidence_.mentions = 0;  // present: its value
    return true;
  }
  bool EndObject(SizeType) {
    if (skip_depth_ > 0) return --skip_depth_, true;
    Frame f = stack_[--depth_].frame;
    if (f == Frame::kNode) EndNode();
    if (f == Frame::kEdge) EndEdge();
    if (f == Frame::kEvidence) {
      edge_.evidence.push_back(evidence_);
      evidence_doc_refs_.push_back(evidence_doc_);
    }
    return true;
  }
  bool StartArray() {
    if (skip_depth_ > 0) return ++skip_depth_, true;
    switch (Slot s = Where()) {
      case kNodes:
        nodes_is_array_ = true;
        return Push(Frame::kNodes);
      case kEdges:
      case kLinks:
        list_ = s == kEdges ? 0 : 1;
        lists_[list_].is_array = true;
        return Push(Frame::kEdges);
      case kGraphDocuments:
        graph_documents_ok_ = true;
        return Push(Frame::kGraphDocuments);
      case kDates:
        return Push(Frame::kDates);
      case kDocuments:
        return Push(Frame::kDocuments);
      case kEvidence:
        return Push(Frame::kEvidenceList);
      default:
        Mismatch(s);
        skip_depth_ = 1;
        return true;
    }
  }
  bool EndArray(SizeType) {
    if (skip_depth_ > 0) return --skip_depth_, true;
    --depth_;
    return true;
  }

 private:
  struct Open {
    Frame frame;
    std::uint64_t seen;  // objects: the members met, by Slot
  };

  bool Push(Frame f) {
    stack_[depth_++] = {f, 0};
    return true;
  }

  // Where a value starting now goes.
  Slot Where() const {
    if (depth_ == 0) return kRoot;
    switch (stack_[depth_ - 1].frame) {
      case Frame::kGraphDocuments: return kGraphDocumentItem;
      case Frame::kNodes: return kNodeItem;
      case Frame::kEdges: return kEdgeItem;
      case Frame::kDates: return kDateItem;
      case Frame::kDocuments: return kDocumentItem;
      case Frame::kEvidenceList: return kEvidenceItem;
      default: return member_;
    }
  }

  // Where a scalar that is not a string goes, after noting what it breaks.
  Slot ScalarSlot() {
    if (skip_depth_ > 0) return kSkip;
    Slot s = Where();
    Mismatch(s);
    return s;
  }
  // A value of the wrong type for slot `s` is starting.
  void Mismatch(Slot s) {
    switch (s) {
      case kGraphDocumentItem:
        graph_documents_ok_ = false;  // the strings before it count
        break;
      case kDates:
      case kDocuments:
      case kDateItem:
      case kDocumentItem:
        edge_strings_ok_ = false;
        break;
      case kNodeItem:
        NodeError(node_count_++);
        break;
      case kEdgeItem:
        EdgeError(lists_[list_].size++, "needs source, target and relation");
        break;
      case kSentence:
        evidence_.sentence = 0;
        break;
      default:
        break;
    }
  }

  bool Put(const Number& n) {
    if (skip_depth_ > 0) return true;
    Slot s = Where();
    Mismatch(s);
    switch (s) {
      case kQuad: edge_.quad = n.i.value_or(0); break;
      case kCount: edge_.count = n.u64.value_or(0); break;
      case kSentence: evidence_.sentence = n.u64.value_or(0); break;
      case kMentions: evidence_.mentions = n.u64.value_or(0); break;
      default: break;
    }
    return true;
  }

  void NodeError(std::size_t index) {
    if (node_error_.empty()) {
      node_error_ = "/nodes/" + std::to_string(index) +
                    "/id: missing or not a string";
    }
  }

  void EdgeError(std::size_t index, const std::string& what) {
    EdgeList& list = lists_[list_];
    if (!list.has_error) {
      list.has_error = true;
      list.error_index = index;
      list.error = what;
    }
  }

  void EndNode() {
    if (actor_.id.empty()) {
      NodeError(node_count_ - 1);
    } else if (node_error_.empty()) {
      loader_.AddActor(actor_);
    }
  }

  void EndEdge() {
    EdgeList& list = lists_[list_];
    bool ok = edge_strings_ok_;
    if (list.has_error) return;
    for (const DocRef& r : document_refs_) {
      edge_.documents.push_back(ResolveDoc(r));
    }
    for (std::size_t i = 0; i < evidence_doc_refs_.size(); ++i) {
      edge_.evidence[i].doc = ResolveDoc(evidence_doc_refs_[i]);
    }  // the first error is reported
    std::size_t index = list.size - 1;
    if (edge_.source == kNoId || edge_.target == kNoId || edge_.relation == 0) {
      return EdgeError(index, "needs source, target and relation");
    }
    if (!ok) {
      return EdgeError(index, "dates and documents must be arrays of strings");
    }
    bool in_range = edge_.count <= graph::GraphLoader::kMaxMentions;
    for (const graph::SavedEvidence& r : edge_.evidence) {
      in_range = in_range && r.mentions <= graph::GraphLoader::kMaxMentions;
    }
    if (!in_range) {
      return EdgeError(index, "count and mentions must be at most " +
                                  std::to_string(
                                      graph::GraphLoader::kMaxMentions));
    }
    if (!loader_.Stage(edge_, &list.batch)) {
      EdgeError(index, "more mentions than a graph can hold");
    }
  }

  // A document id read, resolved when the edge ends (see ShortStringIds).
  struct DocRef {
    Id id = kNoId;  // kNoId: look `ref` up
    ShortStringIds::Ref ref;
  };
  // A document id now, or kNoId and a Ref to resolve when the edge ends.
  Id DocNow(std::string_view x, DocRef* ref) {
    if (!ShortKey::Fits(x)) return loader_.Doc(x);
    ref->ref = doc_ids_.Prepare(x);
    return kNoId;
  }

  void Stamp(Id date) {
    if (date >= date_stamps_.size()) date_stamps_.resize(date + 1, 0);
    date_stamps_[date] = stamp_;
  }

  // What the SAX calls for the edge in `layout_` would do.
  void ApplyLayoutEdge() {
    EdgeList& list = lists_[list_];
    ++list.size;
    edge_.Clear();
    document_refs_.clear();
    evidence_doc_refs_.clear();
    edge_strings_ok_ = true;
    auto endpoint = [&](std::string_view x) {
      return list.endpoint_ids.Get(
          x, [&](std::string_view y) { return list.batch.Endpoint(y); });
    };
    auto label = [&](std::string_view x) {
      return x.empty() ? Id{0} : label_ids_.Get(x, [&](std::string_view y) {
        return loader_.Label(y);
      });
    };
    auto date = [&](std::string_view x) {
      return x.empty() ? Id{0} : dates_.Get(x, [&](std::string_view y) {
        return loader_.Date(y);
      });
    };
    const LayoutEdge& e = layout_;
    edge_.source = list.sources.Get(e.source, endpoint);
    edge_.target = list.targets.Get(e.target, endpoint);
    edge_.relation = label(e.relation);
    edge_.cameo = label(e.cameo);
    edge_.plover = label(e.plover);
    edge_.role = label(e.role);
    edge_.quad = static_cast<int>(e.quad);
    edge_.symmetric = e.symmetric;
    edge_.count = e.count;
    // Evidence in the order graph.json writes it needs no sorting, and
    // documents that its evidence carries (all of them, as written) add
    // nothing: they need not even be looked up.
    edge_.evidence_in_order = LayoutEvidenceInOrder(e.evidence);
    if (!edge_.evidence_in_order ||
        !LayoutDocumentsCarried(e.documents, e.evidence)) {
      for (std::string_view d : e.documents) {
        DocRef& r = document_refs_.emplace_back();
        r.id = DocNow(d, &r);
      }
    }
    for (const LayoutEvidence& x : e.evidence) {
      graph::SavedEvidence& r = edge_.evidence.emplace_back();
      r.sentence = x.null_sentence ? kUnknownSentence : x.sentence;
      r.date = date(x.date);
      r.location = x.location.empty()
                       ? Id{0}
                       : location_ids_.Get(x.location, [&](std::string_view y) {
                           return loader_.Location(y);
                         });
      r.mentions = x.mentions;
      DocRef& d = evidence_doc_refs_.emplace_back();
      d.id = DocNow(x.doc, &d);
    }
    // Dates that the evidence carries (all of them, as written) add
    // nothing either; they are marked with this edge's stamp.
    ++stamp_;
    for (const graph::SavedEvidence& r : edge_.evidence) Stamp(r.date);
    bool carried = true;
    for (std::string_view d : e.dates) {
      Id id = date(d);
      edge_.dates.push_back(id);
      carried = carried && id < date_stamps_.size() &&
                date_stamps_[id] == stamp_;
    }
    if (carried) edge_.dates.clear();
    EndEdge();
  }
  Id ResolveDoc(const DocRef& r) {
    if (r.id != kNoId) return r.id;
    return doc_ids_.Resolve(
        r.ref, [&](const ShortKey& k) { return loader_.Doc(k.View()); });
  }

  graph::GraphLoader loader_;
  // The containers read (others are skipped): at most top, edges, edge,
  // evidence list, evidence.
  Open stack_[5];
  int depth_ = 0;
  Slot member_ = kSkip;  // the member whose value comes next
  int skip_depth_ = 0;   // > 0: inside a value nobody reads
  bool root_is_object_ = false;
  bool nodes_is_array_ = false;
  bool has_edges_key_ = false;
  bool graph_documents_ok_ = true;
  std::size_t node_count_ = 0;
  std::string node_error_;  // the first, without the origin
  Actor actor_;
  EdgeList lists_[2];       // "edges", "links"
  std::uint8_t list_ = 0;   // the list being read
  std::uint8_t adopted_list_ = 2;  // the list Adopt() added to, if any
  graph::SavedEdge edge_;
  bool edge_strings_ok_ = true;
  graph::SavedEvidence evidence_;
  RecentIds<2> relations_;  // with planned_ ones
  RecentIds<4> labels_;
  ShortStringIds doc_ids_, dates_;
  std::vector<DocRef> document_refs_;      // of the edge's "documents"
  std::vector<DocRef> evidence_doc_refs_;  // of its evidence, in order
  DocRef evidence_doc_;
  RecentIds<1> locations_;
  // The layout reader's edge, and its look-up tables (all strings are
  // short, and there are few distinct labels and locations).
  LayoutEdge layout_;
  ShortStringIds label_ids_, location_ids_;
  std::vector<std::uint32_t> date_stamps_;  // by date id: the last edge's
  std::uint32_t stamp_ = 0;                 // that carried it
};

// Texts from this size on are read by two threads.
constexpr std::size_t kSplitBytes = std::size_t{1} << 20;

// A read-only mapping of a whole file, unmapped when it goes.
class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(data_, size_);
  }

  // Fails with the messages of ReadWholeFile().
  Status Open(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      return Status::NotFound(path + ": cannot open: " + std::strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) {
      return Status::InvalidInput(path + ": is a directory, not a file");
    }
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      return Status::IoError(path + ": cannot open: " + std::strerror(errno));
    }
    Status s = Status::Ok();
    if (::fstat(fd, &st) != 0) {
      s = Status::IoError(path + ": read error");
    } else if (st.st_size > 0) {
      size_ = static_cast<std::size_t>(st.st_size);
      // Not MAP_POPULATE: mapping every page up front takes the main
      // thread 0.05-0.1 s on a 635 MB file, while faults (16 pages at a
      // time) cost half that and are shared by the two reading threads.
      void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p == MAP_FAILED) {
        s = Status::IoError(path + ": read error: " + std::strerror(errno));
      } else {
        data_ = p;
        ::madvise(data_, size_, MADV_SEQUENTIAL);
      }
    }
    ::close(fd);
    return s;
  }

  std::string_view text() const {
    return data_ ? std::string_view(static_cast<const char*>(data_), size_)
                 : std::string_view();
  }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

// The fast path: JsonFastScanner, the second half of a large edges array
// read by a second thread into a graph of its own and merged. Nothing when
// the text needs RapidJSON.
std::optional<Result<RelationGraph>> FastRead(std::string_view json,
                                              const std::string& origin) {
  RelationGraph g;
  auto handler = std::make_unique<Handler>(&g);
  JsonFastScanner<Handler> scanner(json, handler.get());
  struct Part {
    RelationGraph graph;
    std::unique_ptr<Handler> handler;
    bool ok = false;
    const char* close = nullptr;
  };
  std::unique_ptr<Part> part;
  std::thread worker;
  bool adopted = false;
  // An edge that starts after the middle, as GraphToNodeLinkJson writes
  // them. In valid JSON this is an object after an object in an array;
  // the main scan checks that the array is the edges one.
  std::size_t cut = json.size() >= kSplitBytes
                        ? json.find("},{\"source\":", json.size() / 2)
                        : std::string_view::npos;
  if (cut != std::string_view::npos) {
    part = std::make_unique<Part>();
    part->handler = std::make_unique<Handler>(&part->graph);
    part->handler->StartInEdges();
    worker = std::thread([json, cut, p = part.get()] {
      JsonFastScanner<Handler> rest(json.substr(cut + 2), p->handler.get());
      p->ok = rest.ScanElements(&p->close);
    });
    scanner.SplitAt(json.data() + cut + 1, [&]() -> const char* {
      if (!handler->InEdges()) return nullptr;
      worker.join();
      if (!part->ok) return nullptr;
      handler->Adopt(*part->handler);
      adopted = true;
      return part->close;
    });
  }
  bool ok = scanner.Scan();
  if (worker.joinable()) worker.join();
  if (!ok) return std::nullopt;
  Status s = handler->Finish(origin, adopted ? part->handler.get() : nullptr);
  if (!s.ok()) return Result<RelationGraph>(s);
  return Result<RelationGraph>(std::move(g));
}

}  // namespace

Result<RelationGraph> GraphFromNodeLinkJson(std::string_view json,
                                            const std::string& origin) {
  if (std::optional<Result<RelationGraph>> r = FastRead(json, origin)) {
    return std::move(*r);
  }
  // Something the fast scanner leaves to RapidJSON (or bad JSON): start
  // again.
  RelationGraph g;
  Handler handler(&g);
  rapidjson::Reader reader;
  // The stream of rapidjson::Document::Parse(), so that error offsets are
  // the ones the tree reader gave.
  rapidjson::MemoryStream memory(json.data(), json.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream>
      stream(memory);
  rapidjson::ParseResult parsed =
      reader.Parse<rapidjson::kParseDefaultFlags>(stream, handler);
  if (parsed.IsError()) {
    return Status::InvalidInput(
        origin + ": not valid JSON at byte " + std::to_string(parsed.Offset()) +
        ": " + rapidjson::GetParseError_En(parsed.Code()));
  }
  if (Status s = handler.Finish(origin); !s.ok()) return s;
  return g;
}

Result<RelationGraph> ReadGraphJsonFile(const std::string& path) {
  MappedFile file;
  if (Status s = file.Open(path); !s.ok()) return s;
  return GraphFromNodeLinkJson(file.text(), path);
}

}  // namespace entente
