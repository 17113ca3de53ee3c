// Building the resident graph: interning, actor completion, edge look-up
// and attribute merging. Every attribute of an actor or edge is combined
// with a commutative, associative and idempotent rule (keep the "better"
// of two values under a fixed total order), which is what makes the graph
// independent of the order in which events and graphs are added.
#include <algorithm>
#include <tuple>

#include "core/calendar.h"
#include "graph/graph_store.h"
#include "lexicon/lexicon.h"

namespace entente {
namespace {

using graph::Id;
using graph::kNoId;

const Lexicon& BuiltIn() { return graph::BuiltInLexicon(); }

// Keeps the smaller non-empty value.
void Pick(std::string* x, const std::string& y) {
  if (x->empty() || (!y.empty() && y < *x)) *x = y;
}

// A name other than the id beats the id, which beats nothing; then the
// smaller one.
auto NameKey(const Actor& a) {
  int grade = a.name.empty() ? 2 : a.name == a.id ? 1 : 0;
  return std::make_pair(grade, std::string_view(a.name));
}

void Complete(Actor* a, const Actor& b) {
  if (NameKey(b) < NameKey(*a)) a->name = b.name;
  Pick(&a->kind, b.kind);
  Pick(&a->country, b.country);
  Pick(&a->code, b.code);
  Pick(&a->role, b.role);
}

std::size_t EdgeHash(Id s, Id t, Id r) {
  std::uint64_t h = (std::uint64_t{s} * 0x9E3779B97F4A7C15ull) ^
                    (std::uint64_t{t} * 0xC2B2AE3D27D4EB4Full) ^
                    (std::uint64_t{r} * 0x165667B19E3779F9ull);
  return static_cast<std::size_t>(h ^ (h >> 29));
}

graph::DateSpan SpanOfValue(std::string_view value) {
  CivilDate first, last;
  if (value.empty() || !TimexDayRange(value, &first, &last)) {
    return {graph::kUndated, graph::kUndated};
  }
  return {static_cast<std::int32_t>(DaysFromCivil(first)),
          static_cast<std::int32_t>(DaysFromCivil(last))};
}

}  // namespace

const Lexicon& graph::BuiltInLexicon() {
  static const Lexicon* lexicon = [] {
    Result<Lexicon> l = Lexicon::LoadDefault();
    return l.ok() ? new Lexicon(std::move(*l)) : new Lexicon();
  }();
  return *lexicon;
}

RelationGraph::Impl::Impl() {
  for (graph::StringPool* p : {&docs, &labels, &dates, &locations}) {
    p->Intern("");
  }
  is_document.push_back(false);
  spans.push_back(SpanOfValue(""));
  offsets.push_back(0);
}

RelationGraph::Impl::Impl(const Impl& o)
    : docs(o.docs),
      actor_ids(o.actor_ids),
      labels(o.labels),
      dates(o.dates),
      locations(o.locations),
      is_document(o.is_document),
      actors(o.actors),
      spans(o.spans),
      contexts(o.contexts),
      context_slots(o.context_slots),
      edges(o.edges),
      edge_slots(o.edge_slots),
      pending(o.pending),
      offsets(o.offsets),
      mentions(o.mentions),
      quad_cache(o.quad_cache),
      state_cache(o.state_cache) {}

Id RelationGraph::Impl::DocId(std::string_view doc) {
  Id id = docs.Intern(doc);
  if (id == is_document.size()) is_document.push_back(false);
  return id;
}

Id RelationGraph::Impl::AddActor(const Actor& actor) {
  Id id = actor_ids.Intern(actor.id);
  Changed();
  if (id == actors.size()) {
    actors.push_back(actor);
  } else {
    Complete(&actors[id], actor);
  }
  return id;
}

Id RelationGraph::Impl::ActorFor(const std::string& id) {
  Id found = actor_ids.Find(id);
  if (found != kNoId) return found;
  return AddActor(Actor{id, id, "", "", "", ""});
}

Id RelationGraph::Impl::ContextId(std::string_view date,
                                  std::string_view location) {
  Id d = DateId(date);
  return ContextOf(d, locations.Intern(location));
}

Id RelationGraph::Impl::DateId(std::string_view date) {
  Id d = dates.Intern(date);
  if (d == spans.size()) spans.push_back(SpanOfValue(date));
  return d;
}

Id RelationGraph::Impl::ContextOf(Id d, Id l) {
  auto hash = [](Id date_id, Id location_id) {
    return EdgeHash(date_id, location_id, 0x5bd1e995u);
  };
  if (2 * (contexts.size() + 1) > context_slots.size()) {
    std::vector<Id> slots(std::max<std::size_t>(64, 2 * context_slots.size()),
                          kNoId);
    std::size_t mask = slots.size() - 1;
    for (Id c = 0; c < contexts.size(); ++c) {
      std::size_t i = hash(contexts[c].date, contexts[c].location) & mask;
      while (slots[i] != kNoId) i = (i + 1) & mask;
      slots[i] = c;
    }
    context_slots.swap(slots);
  }
  std::size_t mask = context_slots.size() - 1;
  std::size_t i = hash(d, l) & mask;
  for (; context_slots[i] != kNoId; i = (i + 1) & mask) {
    const graph::Context& c = contexts[context_slots[i]];
    if (c.date == d && c.location == l) return context_slots[i];
  }
  context_slots[i] = static_cast<Id>(contexts.size());
  contexts.push_back({d, l});
  return context_slots[i];
}

void RelationGraph::Impl::ReserveEdges(std::size_t count) {
  edges.reserve(count);
  if (2 * count > edge_slots.size()) RebuildEdgeSlots(count);
}

// The edge table sized for `count` edges (at most half full), filled with
// the edges there are.
void RelationGraph::Impl::RebuildEdgeSlots(std::size_t count) {
  std::size_t size = 64;
  while (size < 2 * count) size *= 2;
  decltype(edge_slots) slots(size, kNoEdgeSlot);
  std::size_t mask = slots.size() - 1;
  for (Id e = 0; e < edges.size(); ++e) {
    const graph::EdgeRecord& x = edges[e];
    std::uint64_t h = EdgeHash(x.source, x.target, x.relation);
    std::size_t i = h & mask;
    while (slots[i] != kNoEdgeSlot) i = (i + 1) & mask;
    slots[i] = (h >> 32 << 32) | e;
  }
  edge_slots.swap(slots);
}

Id RelationGraph::Impl::EdgeFor(const graph::EdgeRecord& r) {
  if (2 * (edges.size() + 1) > edge_slots.size()) {
    // Also after Ready() dropped the table: size it for all the edges.
    RebuildEdgeSlots(edges.size() + 1);
  }
  Changed();
  std::size_t mask = edge_slots.size() - 1;
  std::uint64_t h = EdgeHash(r.source, r.target, r.relation);
  std::uint64_t tag = h >> 32 << 32;
  std::size_t i = h & mask;
  for (;; i = (i + 1) & mask) {
    std::uint64_t slot = edge_slots[i];
    if (slot == kNoEdgeSlot) break;
    if ((slot & ~std::uint64_t{0xffffffff}) != tag) continue;
    Id e = static_cast<Id>(slot);
    graph::EdgeRecord& x = edges[e];
    if (x.source != r.source || x.target != r.target ||
        x.relation != r.relation) {
      continue;
    }
    // The CAMEO coding with a code beats none; then the smallest.
    auto coding = [&](const graph::EdgeRecord& y) {
      std::string_view cameo = labels.View(y.cameo);
      std::string_view plover = labels.View(y.plover);
      return std::make_tuple(cameo.empty(), cameo, plover.empty(), plover,
                             y.quad);
    };
    if (coding(r) < coding(x)) {
      x.cameo = r.cameo;
      x.plover = r.plover;
      x.quad = r.quad;
    }
    x.symmetric = x.symmetric || r.symmetric;
    std::string_view role = labels.View(r.role);
    if (x.role == 0 || (!role.empty() && role < labels.View(x.role))) {
      x.role = r.role;
    }
    return e;
  }
  Id e = static_cast<Id>(edges.size());
  edges.push_back(r);
  edge_slots[i] = tag | e;
  return e;
}

void RelationGraph::Impl::AddMention(Id edge, Mention m, std::size_t times) {
  Changed();
  for (std::size_t k = 0; k < times; ++k) pending.push_back({edge, m});
}

int RelationGraph::Impl::QuadOf(Id cameo) {
  auto [it, added] = quad_cache.emplace(cameo, 0);
  if (added) {
    const CameoEntry* c = BuiltIn().FindCameo(labels.View(cameo));
    it->second = c ? c->quad : 0;
  }
  return it->second;
}

// People are affiliated with their state (not with an organisation whose
// code stands in their country field, such as IGOUNO), dated by the event.
void RelationGraph::Impl::AddAffiliations(const Event& e, Id doc,
                                          Id sentence, Id date) {
  Id context = ContextId(dates.View(date), "");
  for (const Actor* a : {&e.source, &e.target}) {
    if (a->kind != "person") continue;
    Id country = labels.Intern(a->country);
    auto [it, added] = state_cache.emplace(country, kNoId);
    if (added) {
      if (const StateEntry* s = BuiltIn().FindState(a->country)) {
        it->second = AddActor(
            Actor{s->code, s->name, "state", s->code, s->code, ""});
      }
    }
    if (it->second == kNoId) continue;
    graph::EdgeRecord aff{ActorFor(a->id), ActorFor(a->country),
                          labels.Intern("affiliation"), 0, 0,
                          labels.Intern(a->role), 0, false};
    AddMention(EdgeFor(aff), Mention{doc, sentence, context});
  }
}

void RelationGraph::Impl::Import(
    Impl& other, const std::function<bool(const Mention&)>& keep,
    bool all_actors, bool empty_edges) {
  other.Ready();
  std::vector<Id> actor_map(other.actors.size(), kNoId);
  auto actor = [&](Id a) {
    if (actor_map[a] == kNoId) actor_map[a] = AddActor(other.actors[a]);
    return actor_map[a];
  };
  if (all_actors) {
    for (Id a = 0; a < other.actors.size(); ++a) actor(a);
  }
  std::vector<Id> doc_map(other.docs.size(), kNoId);
  std::vector<Id> context_map(other.contexts.size(), kNoId);
  std::vector<Id> label_map(other.labels.size(), kNoId);
  auto label = [&](Id l) {
    if (label_map[l] == kNoId) label_map[l] = labels.Intern(other.labels.View(l));
    return label_map[l];
  };
  std::vector<Mention> kept;
  for (Id e = 0; e < other.edges.size(); ++e) {
    kept.clear();
    for (std::size_t i = other.MentionBegin(e); i < other.MentionEnd(e); ++i) {
      const Mention& m = other.mentions[i];
      if (!keep(m)) continue;
      if (doc_map[m.doc] == kNoId) doc_map[m.doc] = DocId(other.docs.View(m.doc));
      if (context_map[m.context] == kNoId) {
        const graph::Context& c = other.contexts[m.context];
        context_map[m.context] = ContextId(other.dates.View(c.date),
                                           other.locations.View(c.location));
      }
      kept.push_back({doc_map[m.doc], m.sentence, context_map[m.context]});
    }
    bool empty = other.MentionBegin(e) == other.MentionEnd(e);
    if (kept.empty() && !(empty && empty_edges)) continue;
    const graph::EdgeRecord& x = other.edges[e];
    Id id = EdgeFor({actor(x.source), actor(x.target), label(x.relation),
                     label(x.cameo), label(x.plover), label(x.role), x.quad,
                     x.symmetric});
    for (const Mention& m : kept) AddMention(id, m);
  }
  for (Id d = 0; d < doc_map.size(); ++d) {
    if (doc_map[d] != kNoId && other.is_document[d]) {
      is_document[doc_map[d]] = true;
    }
  }
}

std::size_t RelationGraph::Impl::MemoryBytes() const {
  std::size_t n = 0;
  for (const graph::StringPool* p :
       {&docs, &actor_ids, &labels, &dates, &locations}) {
    n += p->MemoryBytes();
  }
  n += is_document.capacity() / 8;
  for (const Actor& a : actors) {
    n += sizeof(Actor);
    for (const std::string* s : {&a.id, &a.name, &a.kind, &a.country, &a.code,
                                 &a.role}) {
      if (s->size() > 15) n += s->capacity() + 1;
    }
  }
  n += spans.capacity() * sizeof(graph::DateSpan) +
       contexts.capacity() * sizeof(graph::Context) +
       context_slots.capacity() * sizeof(Id) +
       edges.capacity() * sizeof(graph::EdgeRecord) +
       edge_slots.capacity() * sizeof(std::uint64_t) +
       pending.capacity() * sizeof(Pending) +
       offsets.capacity() * sizeof(std::uint32_t) +
       mentions.capacity() * sizeof(Mention) +
       actor_rank.capacity() * sizeof(std::uint32_t);
  return n + IndexBytes();
}

}  // namespace entente
