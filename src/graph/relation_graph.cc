// RelationGraph keeps its actors and aggregated edges in a Boost.Graph
// adjacency_list (bidirectional, so queries can walk in- and out-edges of an
// actor), with maps from actor id to vertex and from edge key to edge.
// Merging is by key: counts add, sets unite, so the result does not depend
// on the order of additions.
#include "entente/graph.h"

#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <mutex>
#include <tuple>

#include "lexicon/lexicon.h"

namespace entente {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS,
                                    boost::bidirectionalS, Actor,
                                    RelationEdge>;
using Vertex = Graph::vertex_descriptor;
using EdgeDesc = Graph::edge_descriptor;
using EdgeKey = std::tuple<std::string, std::string, std::string>;

// Keeps the more informative of two records of the same actor, so that the
// result does not depend on which was seen first.
void Complete(Actor* a, const Actor& b) {
  auto pick = [](std::string* x, const std::string& y) {
    if (x->empty() || (!y.empty() && y < *x)) *x = y;
  };
  if (a->name == a->id && !b.name.empty()) a->name = b.name;
  else if (b.name != b.id && !b.name.empty() && b.name < a->name) a->name = b.name;
  pick(&a->kind, b.kind);
  pick(&a->country, b.country);
  pick(&a->code, b.code);
  pick(&a->role, b.role);
}

// The built-in lexicon, loaded once, for CAMEO classes and state names.
const Lexicon& BuiltIn() {
  static const Lexicon* lexicon = [] {
    Result<Lexicon> l = Lexicon::LoadDefault();
    return l.ok() ? new Lexicon(std::move(*l)) : new Lexicon();
  }();
  return *lexicon;
}

}  // namespace

struct RelationGraph::Impl {
  Graph g;
  std::map<std::string, Vertex> vertices;
  std::map<EdgeKey, EdgeDesc> edges;
  std::set<std::string> documents;

  Vertex VertexFor(const Actor& a) {
    auto it = vertices.find(a.id);
    if (it != vertices.end()) {
      Complete(&g[it->second], a);
      return it->second;
    }
    Vertex v = boost::add_vertex(a, g);
    vertices.emplace(a.id, v);
    return v;
  }

  void AddEdge(const RelationEdge& e) {
    EdgeKey key{e.source, e.target, e.relation};
    auto it = edges.find(key);
    if (it == edges.end()) {
      Vertex s = VertexFor(Actor{e.source, e.source, "", "", "", ""});
      Vertex t = VertexFor(Actor{e.target, e.target, "", "", "", ""});
      EdgeDesc d = boost::add_edge(s, t, e, g).first;
      edges.emplace(key, d);
      return;
    }
    RelationEdge& x = g[it->second];
    x.count += e.count;
    x.documents.insert(e.documents.begin(), e.documents.end());
    x.dates.insert(e.dates.begin(), e.dates.end());
    x.evidence.insert(e.evidence.begin(), e.evidence.end());
    if (x.role.empty() || (!e.role.empty() && e.role < x.role)) x.role = e.role;
  }
};

RelationGraph::RelationGraph() : impl_(std::make_unique<Impl>()) {}
RelationGraph::~RelationGraph() = default;
RelationGraph::RelationGraph(const RelationGraph& o)
    : impl_(std::make_unique<Impl>()) {
  Merge(o);
}
RelationGraph& RelationGraph::operator=(const RelationGraph& o) {
  if (this != &o) {
    impl_ = std::make_unique<Impl>();
    Merge(o);
  }
  return *this;
}
RelationGraph::RelationGraph(RelationGraph&&) noexcept = default;
RelationGraph& RelationGraph::operator=(RelationGraph&&) noexcept = default;

void RelationGraph::AddDocument(const std::string& doc_id) {
  impl_->documents.insert(doc_id);
}

void RelationGraph::AddActor(const Actor& actor) { impl_->VertexFor(actor); }

void RelationGraph::AddEdge(const RelationEdge& edge) { impl_->AddEdge(edge); }

void RelationGraph::AddEvent(const Event& e) {
  AddDocument(e.doc);
  if (e.polarity == "negated" || e.modality == "hypothetical") return;
  AddActor(e.source);
  AddActor(e.target);
  RelationEdge edge;
  edge.source = e.source.id;
  edge.target = e.target.id;
  if (e.symmetric && edge.target < edge.source) {
    std::swap(edge.source, edge.target);
  }
  edge.relation = e.modality == "planned" ? "planned_" + e.relation
                                          : e.relation;
  edge.cameo = e.cameo;
  edge.plover = e.plover;
  edge.quad = QuadClassOf(e.cameo);
  edge.symmetric = e.symmetric;
  edge.count = 1;
  edge.documents.insert(e.doc);
  if (!e.date.value.empty()) edge.dates.insert(e.date.value);
  edge.evidence.insert({e.doc, e.sentence, e.date.value,
                        e.location ? e.location->name : ""});
  impl_->AddEdge(edge);
  // People are affiliated with their state (not with an organisation whose
  // code stands in their country field, such as IGOUNO).
  for (const Actor* a : {&e.source, &e.target}) {
    if (a->kind != "person") continue;
    const StateEntry* state = BuiltIn().FindState(a->country);
    if (!state) continue;
    AddActor(Actor{state->code, state->name, "state", state->code,
                   state->code, ""});
    RelationEdge aff;
    aff.source = a->id;
    aff.target = a->country;
    aff.relation = "affiliation";
    aff.role = a->role;
    aff.count = 1;
    aff.documents.insert(e.doc);
    impl_->AddEdge(aff);
  }
}

void RelationGraph::Merge(const RelationGraph& other) {
  for (const auto& [id, v] : other.impl_->vertices) {
    AddActor(other.impl_->g[v]);
  }
  for (const auto& [key, d] : other.impl_->edges) {
    impl_->AddEdge(other.impl_->g[d]);
  }
  impl_->documents.insert(other.impl_->documents.begin(),
                          other.impl_->documents.end());
}

std::vector<Actor> RelationGraph::actors() const {
  std::vector<Actor> out;
  for (const auto& [id, v] : impl_->vertices) out.push_back(impl_->g[v]);
  return out;
}

std::vector<RelationEdge> RelationGraph::edges() const {
  std::vector<RelationEdge> out;
  for (const auto& [key, d] : impl_->edges) out.push_back(impl_->g[d]);
  return out;
}

const std::set<std::string>& RelationGraph::documents() const {
  return impl_->documents;
}

std::size_t RelationGraph::actor_count() const {
  return impl_->vertices.size();
}
std::size_t RelationGraph::edge_count() const { return impl_->edges.size(); }

const Actor* RelationGraph::FindActor(const std::string& id) const {
  auto it = impl_->vertices.find(id);
  return it == impl_->vertices.end() ? nullptr : &impl_->g[it->second];
}

std::vector<RelationEdge> RelationGraph::EdgesOf(const std::string& id) const {
  std::vector<RelationEdge> out;
  auto it = impl_->vertices.find(id);
  if (it == impl_->vertices.end()) return out;
  const Graph& g = impl_->g;
  for (auto [b, e] = boost::out_edges(it->second, g); b != e; ++b) {
    out.push_back(g[*b]);
  }
  for (auto [b, e] = boost::in_edges(it->second, g); b != e; ++b) {
    if (boost::source(*b, g) != it->second) out.push_back(g[*b]);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.source, a.target, a.relation) <
           std::tie(b.source, b.target, b.relation);
  });
  return out;
}

int QuadClassOf(const std::string& cameo) {
  if (const CameoEntry* c = BuiltIn().FindCameo(cameo)) return c->quad;
  return 0;
}

}  // namespace entente
