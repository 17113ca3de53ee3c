// The rules are those of RelationGraph::AddEdge (relation_graph.cc), on
// ids: evidence is a set ordered by (doc, sentence, date, location) as
// strings, the first of equal records kept; documents and dates that no
// evidence carries become evidence of unknown sentence; a count above the
// mentions goes to the first record added.
#include "graph/graph_loader.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace entente::graph {
namespace {

std::size_t Hash(Id a, Id b) {
  std::uint64_t h = (std::uint64_t{a} << 32 | b) * 0x9E3779B97F4A7C15ull;
  return static_cast<std::size_t>(h ^ (h >> 29));
}

}  // namespace

void SavedEdge::Clear() {
  source = target = kNoId;
  relation = cameo = plover = role = 0;
  quad = 0;
  symmetric = false;
  count = 0;
  documents.clear();
  dates.clear();
  evidence.clear();
  evidence_in_order = false;
}

GraphLoader::GraphLoader(RelationGraph* graph)
    : g_(*graph->impl_) {}

Id GraphLoader::Context(Id date, Id location) {
  if (location == 0) {  // most evidence: a flat array by date
    if (date >= no_location_by_date_.size()) {
      no_location_by_date_.resize(g_.dates.size(), kNoId);
    }
    Id& c = no_location_by_date_[date];
    if (c == kNoId) c = g_.ContextOf(date, 0);
    return c;
  }
  if (2 * (contexts_cached_ + 1) > context_slots_.size()) {
    std::vector<ContextSlot> old(
        std::max<std::size_t>(1024, 2 * context_slots_.size()),
        ContextSlot{0, 0, kNoId});
    old.swap(context_slots_);
    std::size_t mask = context_slots_.size() - 1;
    for (const ContextSlot& x : old) {
      if (x.context == kNoId) continue;
      std::size_t i = Hash(x.date, x.location) & mask;
      while (context_slots_[i].context != kNoId) i = (i + 1) & mask;
      context_slots_[i] = x;
    }
  }
  std::size_t mask = context_slots_.size() - 1;
  for (std::size_t i = Hash(date, location) & mask;; i = (i + 1) & mask) {
    ContextSlot& x = context_slots_[i];
    if (x.context == kNoId) {
      x = {date, location, g_.ContextOf(date, location)};
      ++contexts_cached_;
      return x.context;
    }
    if (x.date == date && x.location == location) return x.context;
  }
}

Id GraphLoader::Undated() {
  if (undated_context_ == kNoId) undated_context_ = g_.ContextOf(0, 0);
  return undated_context_;
}

void GraphLoader::AddDocument(Id d) {
  if (!g_.is_document[d]) {
    g_.is_document[d] = true;
    g_.Changed();
  }
}

void GraphLoader::AddMention(EdgeBatch* batch, Mention m, std::size_t times) {
  batch->added_.push_back({m, static_cast<std::uint32_t>(times)});
  batch->mention_count_ += times;
}

bool GraphLoader::Stage(SavedEdge& e, EdgeBatch* batch) {
  std::vector<SavedEvidence>& ev = e.evidence;
  if (ev.size() > 1 && !e.evidence_in_order) {
    // Equal ids are equal strings: drop repeated records by ids (stable,
    // so the first one saved is kept), then bring the smallest record by
    // strings to the front, which is all that the order decides.
    auto key = [](const SavedEvidence& x) {
      return std::make_tuple(x.doc, x.sentence, x.date, x.location);
    };
    std::stable_sort(ev.begin(), ev.end(),
                     [&](const SavedEvidence& x, const SavedEvidence& y) {
                       return key(x) < key(y);
                     });
    ev.erase(std::unique(ev.begin(), ev.end(),
                         [&](const SavedEvidence& x, const SavedEvidence& y) {
                           return key(x) == key(y);
                         }),
             ev.end());
    auto less = [&](const SavedEvidence& x, const SavedEvidence& y) {
      if (x.doc != y.doc) return g_.docs.View(x.doc) < g_.docs.View(y.doc);
      if (x.sentence != y.sentence) return x.sentence < y.sentence;
      if (x.date != y.date) {
        return g_.dates.View(x.date) < g_.dates.View(y.date);
      }
      return g_.locations.View(x.location) < g_.locations.View(y.location);
    };
    std::iter_swap(ev.begin(), std::min_element(ev.begin(), ev.end(), less));
  }
  // The documents, then the dates, that no evidence carries; each set
  // sorted by id, its smallest string first.
  auto missing = [&](const std::vector<Id>& saved, Id SavedEvidence::*field,
                     const StringPool& pool, std::vector<Id>* out) {
    out->clear();
    bool few = ev.size() <= 8;  // else binary search
    if (!few && !saved.empty()) {
      seen_.clear();
      for (const SavedEvidence& r : ev) seen_.push_back(r.*field);
      std::sort(seen_.begin(), seen_.end());
    }
    for (Id x : saved) {
      bool carried = false;
      if (few) {
        for (const SavedEvidence& r : ev) carried = carried || r.*field == x;
      } else {
        carried = std::binary_search(seen_.begin(), seen_.end(), x);
      }
      if (!carried) out->push_back(x);
    }
    if (out->size() < 2) return;
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
    auto smallest = std::min_element(
        out->begin(), out->end(),
        [&](Id a, Id b) { return pool.View(a) < pool.View(b); });
    std::iter_swap(out->begin(), smallest);
  };
  missing(e.documents, &SavedEvidence::doc, g_.docs, &missing_docs_);
  missing(e.dates, &SavedEvidence::date, g_.dates, &missing_dates_);

  std::size_t before = batch->mention_count_;
  std::size_t first = batch->added_.size();
  for (const SavedEvidence& r : ev) {
    Id sentence = r.sentence < kNoId ? static_cast<Id>(r.sentence) : kNoId;
    AddMention(batch, Mention{r.doc, sentence, Context(r.date, r.location)},
               std::max<std::size_t>(r.mentions, 1));
  }
  // The dates go with the first document no evidence carries (else the
  // first evidence's), the other such documents get undated evidence.
  Id dates_doc = !missing_docs_.empty() ? missing_docs_[0]
                 : !ev.empty()          ? ev[0].doc
                                        : 0;
  for (Id d : missing_dates_) {
    AddMention(batch, Mention{dates_doc, kNoId, Context(d, 0)}, 1);
  }
  for (std::size_t i = missing_dates_.empty() ? 0 : 1;
       i < missing_docs_.size(); ++i) {
    AddMention(batch, Mention{missing_docs_[i], kNoId, Undated()}, 1);
  }
  std::size_t total = batch->mention_count_ - before;
  if (e.count > total) {
    if (batch->added_.size() == first) {
      AddMention(batch, Mention{0, kNoId, Undated()}, 0);
    }
    batch->added_[first].times += static_cast<std::uint32_t>(e.count - total);
    batch->mention_count_ += e.count - total;
  }
  batch->edges_.push_back({e.source, e.target, e.relation, e.cameo, e.plover,
                           e.role, static_cast<std::uint8_t>(e.quad),
                           e.symmetric});
  batch->ends_.push_back(static_cast<std::uint32_t>(batch->added_.size()));
  std::size_t held = g_.mentions.size() + g_.pending.size();
  return batch->mention_count_ <=
         std::numeric_limits<std::uint32_t>::max() - held;
}

template <typename LabelMap, typename MentionMap>
void GraphLoader::CommitEdges(const EdgeBatch& batch, LabelMap label,
                              MentionMap mention) {
  std::vector<Id> actor(batch.endpoints_.size());
  for (Id a = 0; a < actor.size(); ++a) {
    actor[a] = g_.ActorFor(batch.endpoints_.Str(a));
  }
  g_.pending.reserve(g_.pending.size() + batch.mention_count_);
  g_.ReserveEdges(g_.edges.size() + batch.edges_.size());
  std::uint32_t begin = 0;
  for (std::size_t i = 0; i < batch.edges_.size(); ++i) {
    EdgeRecord r = batch.edges_[i];
    r.source = actor[r.source];
    r.target = actor[r.target];
    r.relation = label(r.relation);
    r.cameo = label(r.cameo);
    r.plover = label(r.plover);
    r.role = label(r.role);
    Id edge = g_.EdgeFor(r);
    for (std::uint32_t k = begin; k < batch.ends_[i]; ++k) {
      const EdgeBatch::Added& a = batch.added_[k];
      Mention m = mention(a.mention);
      for (std::uint32_t t = 0; t < a.times; ++t) {
        g_.pending.push_back({edge, m});
      }
    }
    begin = batch.ends_[i];
  }
  g_.Changed();
}

void GraphLoader::Commit(const EdgeBatch& batch) {
  CommitEdges(
      batch, [](Id l) { return l; }, [](const Mention& m) { return m; });
}

void GraphLoader::CommitFrom(const GraphLoader& other,
                             const EdgeBatch& batch) {
  CommitFrom(other, batch, [&](std::string_view s) { return g_.DocId(s); });
}

void GraphLoader::CommitFrom(
    const GraphLoader& other, const EdgeBatch& batch,
    const std::function<Id(std::string_view)>& doc_id) {
  const RelationGraph::Impl& o = other.g_;
  // Each id of `other` is translated once, when first met.
  std::vector<Id> labels(o.labels.size(), kNoId), docs(o.docs.size(), kNoId),
      contexts(o.contexts.size(), kNoId);
  auto label = [&](Id l) {
    if (labels[l] == kNoId) labels[l] = g_.labels.Intern(o.labels.View(l));
    return labels[l];
  };
  auto mention = [&](Mention m) {
    if (docs[m.doc] == kNoId) docs[m.doc] = doc_id(o.docs.View(m.doc));
    if (contexts[m.context] == kNoId) {
      const graph::Context& c = o.contexts[m.context];
      contexts[m.context] = Context(g_.DateId(o.dates.View(c.date)),
                                    g_.locations.Intern(
                                        o.locations.View(c.location)));
    }
    m.doc = docs[m.doc];
    m.context = contexts[m.context];
    return m;
  };
  CommitEdges(batch, label, mention);
}

}  // namespace entente::graph
