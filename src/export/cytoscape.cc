// Cytoscape.js elements JSON, in the layout of Cytoscape's .cyjs files (and
// networkx's cytoscape_data), through the shared JsonWriter.
#include <set>
#include <string>
#include <vector>

#include "core/json_writer.h"
#include "entente/exports.h"
#include "entente_config.h"
#include "export/edge_json.h"

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
  WriteEdgeMembers(w, e);
  w.Key("label").String(e.relation);
  w.Key("weight").Int(static_cast<long long>(e.documents.size()));
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
