// RelationGraph's public methods: thin wrappers over the resident store
// (graph_store.cc builds it, graph_index.cc answers from it). Writers
// append; readers first make the store Ready().
#include <algorithm>

#include "graph/graph_store.h"
#include "lexicon/lexicon.h"

namespace entente {

using graph::Id;
using graph::kNoId;
using graph::Mention;

RelationGraph::RelationGraph() : impl_(std::make_unique<Impl>()) {}
RelationGraph::~RelationGraph() = default;
RelationGraph::RelationGraph(const RelationGraph& o)
    : impl_(std::make_unique<Impl>(*o.impl_)) {}
RelationGraph& RelationGraph::operator=(const RelationGraph& o) {
  if (this != &o) impl_ = std::make_unique<Impl>(*o.impl_);
  return *this;
}
RelationGraph::RelationGraph(RelationGraph&&) noexcept = default;
RelationGraph& RelationGraph::operator=(RelationGraph&&) noexcept = default;

void RelationGraph::AddDocument(const std::string& doc_id) {
  Id d = impl_->DocId(doc_id);
  if (!impl_->is_document[d]) {
    impl_->is_document[d] = true;
    impl_->Changed();
  }
}

void RelationGraph::AddActor(const Actor& actor) { impl_->AddActor(actor); }

void RelationGraph::AddEvent(const Event& e) {
  Impl& g = *impl_;
  Id doc = g.DocId(e.doc);
  if (!g.is_document[doc]) {
    g.is_document[doc] = true;
    g.Changed();
  }
  if (e.polarity == "negated" || e.modality == "hypothetical") return;
  Id s = g.AddActor(e.source), t = g.AddActor(e.target);
  if (e.symmetric && e.target.id < e.source.id) std::swap(s, t);
  Id relation = e.modality == "planned"
                    ? g.labels.Intern("planned_" + e.relation)
                    : g.labels.Intern(e.relation);
  Id cameo = g.labels.Intern(e.cameo);
  graph::EdgeRecord key{s,
                        t,
                        relation,
                        cameo,
                        g.labels.Intern(e.plover),
                        0,
                        static_cast<std::uint8_t>(g.QuadOf(cameo)),
                        e.symmetric};
  Id edge = g.EdgeFor(key);
  Id sentence = e.sentence < kNoId ? static_cast<Id>(e.sentence) : kNoId;
  Id context = g.ContextId(e.date.value, e.location ? e.location->name : "");
  g.AddMention(edge, Mention{doc, sentence, context});
  g.AddAffiliations(e, doc, sentence, g.contexts[context].date);
}

void RelationGraph::AddEdge(const RelationEdge& e) {
  Impl& g = *impl_;
  Id edge = g.EdgeFor({g.ActorFor(e.source), g.ActorFor(e.target),
                       g.labels.Intern(e.relation), g.labels.Intern(e.cameo),
                       g.labels.Intern(e.plover), g.labels.Intern(e.role),
                       static_cast<std::uint8_t>(e.quad), e.symmetric});
  std::vector<std::pair<Mention, std::size_t>> added;
  std::set<std::string> docs_seen, dates_seen;
  for (const EvidenceRef& r : e.evidence) {
    Id sentence = r.sentence < kNoId ? static_cast<Id>(r.sentence) : kNoId;
    added.push_back({Mention{g.DocId(r.doc), sentence,
                             g.ContextId(r.date, r.location)},
                     std::max<std::size_t>(r.mentions, 1)});
    docs_seen.insert(r.doc);
    dates_seen.insert(r.date);
  }
  // Documents and dates no evidence carries (graphs saved before evidence
  // was kept for every edge): evidence of unknown sentence. The dates go
  // with the first such document.
  std::vector<std::string> docs, dates;
  for (const std::string& d : e.documents) {
    if (!docs_seen.count(d)) docs.push_back(d);
  }
  for (const std::string& d : e.dates) {
    if (!dates_seen.count(d)) dates.push_back(d);
  }
  std::string dates_doc = !docs.empty() ? docs[0]
                          : !e.evidence.empty() ? e.evidence.begin()->doc
                                                : "";
  for (const std::string& d : dates) {
    added.push_back({Mention{g.DocId(dates_doc), kNoId, g.ContextId(d, "")}, 1});
  }
  for (std::size_t i = dates.empty() ? 0 : 1; i < docs.size(); ++i) {
    added.push_back({Mention{g.DocId(docs[i]), kNoId, g.ContextId("", "")}, 1});
  }
  std::size_t total = 0;
  for (const auto& [m, times] : added) total += times;
  if (e.count > total) {
    if (added.empty()) added.push_back({Mention{0, kNoId, g.ContextId("", "")}, 0});
    added[0].second += e.count - total;
  }
  for (const auto& [m, times] : added) g.AddMention(edge, m, times);
}

void RelationGraph::Merge(const RelationGraph& other) {
  if (&other == this) {
    RelationGraph copy(other);
    Merge(copy);
    return;
  }
  Impl& o = *other.impl_;
  impl_->Import(o, [](const Mention&) { return true; }, true, true);
  for (Id d = 1; d < o.docs.size(); ++d) {
    if (o.is_document[d]) AddDocument(o.docs.Str(d));
  }
}

std::vector<std::string> RelationGraph::MergeNewDocuments(
    const RelationGraph& other) {
  Impl& o = *other.impl_;
  if (&other == this) return {documents().begin(), documents().end()};
  std::vector<bool> known(o.docs.size(), false);
  std::vector<std::string> skipped;
  for (Id d = 1; d < o.docs.size(); ++d) {
    if (!o.is_document[d]) continue;
    Id here = impl_->docs.Find(o.docs.View(d));
    known[d] = here != kNoId && impl_->is_document[here];
    if (known[d]) skipped.push_back(o.docs.Str(d));
  }
  impl_->Import(o, [&](const Mention& m) { return !known[m.doc]; }, true,
                skipped.empty());
  for (Id d = 1; d < o.docs.size(); ++d) {
    if (o.is_document[d] && !known[d]) AddDocument(o.docs.Str(d));
  }
  std::sort(skipped.begin(), skipped.end());
  return skipped;
}

std::vector<Actor> RelationGraph::actors() const {
  impl_->Ready();
  std::vector<Actor> out(impl_->actors.size());
  for (Id a = 0; a < out.size(); ++a) {
    out[impl_->actor_rank[a]] = impl_->actors[a];
  }
  return out;
}

std::vector<RelationEdge> RelationGraph::edges() const {
  std::vector<RelationEdge> out;
  ForEachEdge([&](const RelationEdge& e) { out.push_back(e); });
  return out;
}

const std::set<std::string>& RelationGraph::documents() const {
  Impl& g = *impl_;
  std::lock_guard<std::mutex> lock(g.ready_mutex);
  if (!g.documents_cache_valid) {
    g.documents_cache.clear();
    for (Id d = 1; d < g.docs.size(); ++d) {
      if (g.is_document[d]) g.documents_cache.insert(g.docs.Str(d));
    }
    g.documents_cache_valid = true;
  }
  return g.documents_cache;
}

bool RelationGraph::HasDocument(const std::string& doc_id) const {
  Id d = impl_->docs.Find(doc_id);
  return d != kNoId && impl_->is_document[d];
}

std::size_t RelationGraph::document_count() const {
  return static_cast<std::size_t>(std::count(impl_->is_document.begin(),
                                             impl_->is_document.end(), true));
}

std::size_t RelationGraph::actor_count() const { return impl_->actors.size(); }
std::size_t RelationGraph::edge_count() const { return impl_->edges.size(); }
std::size_t RelationGraph::mention_count() const {
  return impl_->mentions.size() + impl_->pending.size();
}

const Actor* RelationGraph::FindActor(const std::string& id) const {
  Id a = impl_->actor_ids.Find(id);
  return a == kNoId ? nullptr : &impl_->actors[a];
}

std::vector<RelationEdge> RelationGraph::EdgesOf(const std::string& id) const {
  EdgeFilter filter;
  filter.actor = id;
  std::vector<RelationEdge> out;
  ForEachEdge(filter, [&](const RelationEdge& e) { out.push_back(e); });
  return out;
}

void RelationGraph::ForEachEdge(
    const EdgeFilter& filter,
    const std::function<void(const RelationEdge&)>& fn) const {
  impl_->Ready();
  std::vector<std::vector<Mention>> kept;
  std::vector<Id> edges = impl_->Select(filter, &kept);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    fn(impl_->Materialize(edges[i], kept[i].data(),
                          kept[i].data() + kept[i].size()));
  }
}

void RelationGraph::ForEachEdge(
    const std::function<void(const RelationEdge&)>& fn) const {
  Impl& g = *impl_;
  g.Ready();
  std::vector<Id> order(g.edges.size());
  for (Id e = 0; e < order.size(); ++e) order[e] = e;
  std::sort(order.begin(), order.end(),
            [&](Id a, Id b) { return g.EdgeLess(a, b); });
  for (Id e : order) fn(g.Materialize(e));
}

void RelationGraph::Compact() const { impl_->Ready(); }

std::size_t RelationGraph::MemoryBytes() const {
  return sizeof(Impl) + impl_->MemoryBytes();
}

Result<RelationGraph> FilterByTime(const RelationGraph& graph,
                                   const TimeFilter& filter) {
  if (Status s = CheckTimeFilter(filter); !s.ok()) return s;
  if (filter.empty()) return graph;
  RelationGraph out;
  graph::DayWindow w = graph::DayWindow::Of(filter);
  RelationGraph::Impl& source = *graph.impl_;
  out.impl_->Import(
      source, [&](const Mention& m) { return w.Keeps(source.SpanOf(m)); },
      false, false);
  return out;
}

int QuadClassOf(const std::string& cameo) {
  if (const CameoEntry* c = graph::BuiltInLexicon().FindCameo(cameo)) {
    return c->quad;
  }
  return 0;
}

}  // namespace entente
