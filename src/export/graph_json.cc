// networkx node-link JSON, both ways. Edges carry their full aggregate
// (documents, dates, evidence) so that graphs can be merged exactly and a
// saved graph answers queries without re-extraction.
#include "core/json_writer.h"
#include "entente/export.h"
#include "export/actor_json.h"
#include "export/edge_json.h"
#include "entente_config.h"

namespace entente {
namespace {

void WriteEdge(JsonWriter& w, const RelationEdge& e) {
  w.BeginObject();
  WriteEdgeMembers(w, e);
  w.EndObject();
}

}  // namespace

void WriteEdgeMembers(JsonWriter& w, const RelationEdge& e) {
  w.Key("source").String(e.source);
  w.Key("target").String(e.target);
  w.Key("key").String(e.relation);
  w.Key("relation").String(e.relation);
  w.Key("cameo").StringOrNull(e.cameo);
  w.Key("plover").StringOrNull(e.plover);
  w.Key("quad").Int(e.quad);
  w.Key("symmetric").Bool(e.symmetric);
  w.Key("role").StringOrNull(e.role);
  w.Key("count").Int(static_cast<long long>(e.count));
  w.Key("sources").Int(static_cast<long long>(e.documents.size()));
  w.Key("first").StringOrNull(e.first());
  w.Key("last").StringOrNull(e.last());
  w.Key("dates").BeginArray();
  for (const std::string& d : e.dates) w.String(d);
  w.EndArray();
  w.Key("events").BeginArray();
  for (const DatedEvent& d : e.events) {
    w.BeginObject().Key("date").String(d.date);
    w.Key("mentions").Int(static_cast<long long>(d.mentions));
    w.Key("sources").Int(static_cast<long long>(d.sources)).EndObject();
  }
  w.EndArray();
  w.Key("documents").BeginArray();
  for (const std::string& d : e.documents) w.String(d);
  w.EndArray();
  w.Key("evidence").BeginArray();
  for (const EvidenceRef& r : e.evidence) {
    w.BeginObject();
    w.Key("doc").String(r.doc);
    w.Key("sentence");
    if (r.sentence == kUnknownSentence) {
      w.Null();
    } else {
      w.Int(static_cast<long long>(r.sentence));
    }
    w.Key("date").StringOrNull(r.date);
    w.Key("location").StringOrNull(r.location);
    w.Key("mentions").Int(static_cast<long long>(r.mentions));
    w.EndObject();
  }
  w.EndArray();
}

std::string GraphToNodeLinkJson(const RelationGraph& graph,
                                const GraphJsonOptions& options) {
  JsonWriter w;
  w.BeginObject();
  w.Key("directed").Bool(true);
  w.Key("multigraph").Bool(true);
  w.Key("graph").BeginObject();
  w.Key("name").String("entente relation graph");
  w.Key("generator").String(std::string("entente ") + ENTENTE_VERSION);
  w.Key("documents").BeginArray();
  for (const std::string& d : graph.documents()) w.String(d);
  w.EndArray();
  w.EndObject();
  w.Key("nodes").BeginArray();
  for (const Actor& a : graph.actors()) WriteActorJson(w, a);
  w.EndArray();
  w.Key(options.edges_key).BeginArray();
  graph.ForEachEdge([&](const RelationEdge& e) { WriteEdge(w, e); });
  w.EndArray();
  w.EndObject();
  return w.Take();
}

// GraphFromNodeLinkJson() is in graph_json_reader.cc.

}  // namespace entente
