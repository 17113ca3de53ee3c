// Cytoscape.js elements JSON, in the layout of Cytoscape's .cyjs files (and
// networkx's cytoscape_data), through the shared JsonWriter.
#include <set>
#include <string>
#include <vector>

#include "core/json_writer.h"
#include "entente/exports.h"
#include "entente_config.h"

namespace entente {
namespace {

void WriteNode(JsonWriter& w, const Actor& a) {
  w.BeginObject().Key("data").BeginObject();
  w.Key("id").String(a.id);
  w.Key("value").String(a.id);  // what networkx takes as the node
  w.Key("name").String(a.name);
  w.Key("label").String(a.name);
  w.Key("kind").StringOrNull(a.kind);
  w.Key("country").StringOrNull(a.country);
  w.Key("code").StringOrNull(a.code);
  w.Key("role").StringOrNull(a.role);
  w.EndObject().EndObject();
}

void WriteStrings(JsonWriter& w, const char* key,
                  const std::set<std::string>& items) {
  w.Key(key).BeginArray();
  for (const std::string& s : items) w.String(s);
  w.EndArray();
}

void WriteEdge(JsonWriter& w, const RelationEdge& e, std::size_t i) {
  w.BeginObject().Key("data").BeginObject();
  // Cytoscape needs ids unique among nodes and edges: "e<i>:relation"
  // never looks like the slugs and codes actors get as ids.
  w.Key("id").String("e" + std::to_string(i) + ":" + e.relation);
  w.Key("source").String(e.source);
  w.Key("target").String(e.target);
  w.Key("key").String(e.relation);
  w.Key("label").String(e.relation);
  w.Key("weight").Int(static_cast<long long>(e.documents.size()));
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
  WriteStrings(w, "dates", e.dates);
  WriteStrings(w, "documents", e.documents);
  w.Key("evidence").BeginArray();
  for (const EvidenceRef& r : e.evidence) {
    w.BeginObject().Key("doc").String(r.doc);
    if (r.sentence == kUnknownSentence) {
      w.Key("sentence").Null();
    } else {
      w.Key("sentence").Int(static_cast<long long>(r.sentence));
    }
    w.Key("mentions").Int(static_cast<long long>(r.mentions));
    w.Key("date").StringOrNull(r.date);
    w.Key("location").StringOrNull(r.location).EndObject();
  }
  w.EndArray();
  w.EndObject().EndObject();
}

}  // namespace

std::string GraphToCytoscapeJson(const RelationGraph& graph) {
  JsonWriter w;
  w.BeginObject();
  w.Key("format_version").String("1.0");
  w.Key("generated_by").String(std::string("entente ") + ENTENTE_VERSION);
  w.Key("target_cytoscapejs_version").String("~3");
  w.Key("data").BeginObject();
  w.Key("name").String("entente relation graph");
  WriteStrings(w, "documents", graph.documents());
  w.EndObject();
  w.Key("directed").Bool(true);
  w.Key("multigraph").Bool(true);
  w.Key("elements").BeginObject();
  w.Key("nodes").BeginArray();
  for (const Actor& a : graph.actors()) WriteNode(w, a);
  w.EndArray();
  w.Key("edges").BeginArray();
  std::vector<RelationEdge> edges = graph.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) WriteEdge(w, edges[i], i);
  w.EndArray();
  w.EndObject();
  w.EndObject();
  return w.Take();
}

}  // namespace entente
