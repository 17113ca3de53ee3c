// networkx node-link JSON, both ways. Edges carry their full aggregate
// (documents, dates, evidence) so that graphs can be merged exactly and a
// saved graph answers queries without re-extraction.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/json_reader.h"
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

namespace {

using rapidjson::Value;

std::string Str(const Value& v, const char* key) { return JsonString(v, key); }

std::size_t Size(const Value& v, const char* key) {
  auto it = v.FindMember(key);
  return it != v.MemberEnd() && it->value.IsUint64() ? it->value.GetUint64()
                                                     : 0;
}

}  // namespace

Result<RelationGraph> GraphFromNodeLinkJson(std::string_view json,
                                            const std::string& origin) {
  rapidjson::Document v;
  v.Parse(json.data(), json.size());
  if (v.HasParseError()) {
    return Status::InvalidInput(
        origin + ": not valid JSON at byte " +
        std::to_string(v.GetErrorOffset()) + ": " +
        rapidjson::GetParseError_En(v.GetParseError()));
  }
  if (!v.IsObject() || !v.HasMember("nodes") || !v["nodes"].IsArray()) {
    return Status::InvalidInput(
        origin + ": /nodes: missing; not a graph written by `entente build`");
  }
  const char* edges_key = v.HasMember("edges") ? "edges" : "links";
  if (!v.HasMember(edges_key) || !v[edges_key].IsArray()) {
    return Status::InvalidInput(origin + ": /edges: missing or not an array");
  }
  RelationGraph g;
  if (auto it = v.FindMember("graph");
      it != v.MemberEnd() && it->value.IsObject()) {
    std::set<std::string> docs;
    JsonStrings(it->value, "documents", &docs);
    for (const auto& d : docs) g.AddDocument(d);
  }
  const auto& nodes = v["nodes"].GetArray();
  for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) {
    const Value& n = nodes[i];
    if (!n.IsObject() || Str(n, "id").empty()) {
      return Status::InvalidInput(origin + ": /nodes/" + std::to_string(i) +
                                  "/id: missing or not a string");
    }
    g.AddActor(Actor{Str(n, "id"), Str(n, "name"), Str(n, "kind"),
                     Str(n, "country"), Str(n, "code"), Str(n, "role")});
  }
  const auto& edges = v[edges_key].GetArray();
  for (rapidjson::SizeType i = 0; i < edges.Size(); ++i) {
    const Value& e = edges[i];
    std::string where = origin + ": /" + edges_key + "/" + std::to_string(i);
    if (!e.IsObject() || Str(e, "source").empty() ||
        Str(e, "target").empty() || Str(e, "relation").empty()) {
      return Status::InvalidInput(where +
                                  ": needs source, target and relation");
    }
    RelationEdge edge;
    edge.source = Str(e, "source");
    edge.target = Str(e, "target");
    edge.relation = Str(e, "relation");
    edge.cameo = Str(e, "cameo");
    edge.plover = Str(e, "plover");
    edge.role = Str(e, "role");
    auto quad = e.FindMember("quad");
    edge.quad = quad != e.MemberEnd() && quad->value.IsInt()
                    ? quad->value.GetInt()
                    : 0;
    auto sym = e.FindMember("symmetric");
    edge.symmetric = sym != e.MemberEnd() && sym->value.IsBool() &&
                     sym->value.GetBool();
    edge.count = Size(e, "count");
    if (!JsonStrings(e, "dates", &edge.dates) ||
        !JsonStrings(e, "documents", &edge.documents)) {
      return Status::InvalidInput(where + ": dates and documents must be "
                                          "arrays of strings");
    }
    if (auto ev = e.FindMember("evidence");
        ev != e.MemberEnd() && ev->value.IsArray()) {
      for (const auto& r : ev->value.GetArray()) {
        if (!r.IsObject()) continue;
        auto sentence = r.FindMember("sentence");
        bool known = sentence != r.MemberEnd() && !sentence->value.IsNull();
        auto mentions = r.FindMember("mentions");
        edge.evidence.insert(
            {Str(r, "doc"), known ? Size(r, "sentence") : kUnknownSentence,
             Str(r, "date"), Str(r, "location"),
             mentions != r.MemberEnd() ? Size(r, "mentions") : 1});
      }
    }
    g.AddEdge(edge);
  }
  return g;
}

}  // namespace entente
