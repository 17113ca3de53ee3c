// GraphML writer. Written by hand (the format is a few XML elements) with
// every string escaped and characters XML 1.0 forbids dropped. Attribute
// keys are declared once with their types so that Gephi and networkx read
// numbers as numbers; `label` and `weight` are the names Gephi recognises.
#include <string>
#include <vector>

#include "entente/exports.h"

namespace entente {
namespace {

struct Key {
  const char* id;
  const char* domain;  // node | edge
  const char* type;    // string | int | double | boolean
};

constexpr Key kKeys[] = {
    {"label", "node", "string"},     {"kind", "node", "string"},
    {"country", "node", "string"},   {"code", "node", "string"},
    {"role", "node", "string"},      {"label", "edge", "string"},
    {"weight", "edge", "double"},    {"relation", "edge", "string"},
    {"cameo", "edge", "string"},     {"plover", "edge", "string"},
    {"quad", "edge", "int"},         {"symmetric", "edge", "boolean"},
    {"role", "edge", "string"},      {"count", "edge", "int"},
    {"sources", "edge", "int"},      {"first", "edge", "string"},
    {"last", "edge", "string"},      {"dates", "edge", "string"},
    {"documents", "edge", "string"}, {"evidence", "edge", "string"},
};

// XML text with &, <, >, " escaped and forbidden control characters removed.
std::string Xml(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// The id a key gets in the file: node and edge keys share a namespace.
std::string KeyId(const char* domain, const char* id) {
  return std::string(domain[0] == 'n' ? "n_" : "e_") + id;
}

void Data(std::string& out, const char* domain, const char* key,
          const std::string& value) {
  if (value.empty()) return;
  out += "      <data key=\"" + KeyId(domain, key) + "\">" + Xml(value) +
         "</data>\n";
}

template <typename Range, typename Fn>
std::string Joined(const Range& items, Fn text) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ';';
    out += text(item);
  }
  return out;
}

void WriteEdge(std::string& out, const RelationEdge& e, std::size_t i) {
  out += "    <edge id=\"e" + std::to_string(i) + "\" source=\"" +
         Xml(e.source) + "\" target=\"" + Xml(e.target) + "\">\n";
  auto d = [&](const char* key, const std::string& v) {
    Data(out, "edge", key, v);
  };
  d("label", e.relation);
  d("weight", std::to_string(e.documents.size()));
  d("relation", e.relation);
  d("cameo", e.cameo);
  d("plover", e.plover);
  d("quad", std::to_string(e.quad));
  d("symmetric", e.symmetric ? "true" : "false");
  d("role", e.role);
  d("count", std::to_string(e.count));
  d("sources", std::to_string(e.documents.size()));
  d("first", e.first());
  d("last", e.last());
  auto same = [](const std::string& s) { return s; };
  d("dates", Joined(e.dates, same));
  d("documents", Joined(e.documents, same));
  d("evidence", Joined(e.evidence, [](const EvidenceRef& r) {
      return r.sentence == kUnknownSentence
                 ? r.doc
                 : r.doc + "#" + std::to_string(r.sentence);
    }));
  out += "    </edge>\n";
}

}  // namespace

std::string GraphToGraphMl(const RelationGraph& graph) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& k : kKeys) {
    out += "  <key id=\"" + KeyId(k.domain, k.id) + "\" for=\"" + k.domain +
           "\" attr.name=\"" + k.id + "\" attr.type=\"" + k.type + "\"/>\n";
  }
  out += "  <graph id=\"entente\" edgedefault=\"directed\">\n";
  for (const Actor& a : graph.actors()) {
    out += "    <node id=\"" + Xml(a.id) + "\">\n";
    Data(out, "node", "label", a.name);
    Data(out, "node", "kind", a.kind);
    Data(out, "node", "country", a.country);
    Data(out, "node", "code", a.code);
    Data(out, "node", "role", a.role);
    out += "    </node>\n";
  }
  std::vector<RelationEdge> edges = graph.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) WriteEdge(out, edges[i], i);
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace entente
