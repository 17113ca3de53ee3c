// MapPageHtml: the interactive map as one self-contained HTML file. The page
// is a template (map_page.html, with its script and style in map_page.js and
// map_page.css) compiled into the binary by tools/embed_files.py. This file
// fills it in one pass: the SVG inline (without its XML prologue), the graph
// as JSON for the script (actor i and edge i match the SVG ids "a<i>" and
// "e<i>" that GraphToDot writes), title and caption escaped. The JSON goes
// into a <script> element, so every "<" in it is written as \u003c: no
// actor name can close the element.
#include <map>
#include <string_view>

#include "core/calendar.h"
#include "core/embedded.h"
#include "core/json_writer.h"
#include "entente/export.h"
#include "export/map_text.h"

namespace entente {

// src/export/map_page.*, compiled in by tools/embed_files.py.
extern const EmbeddedFile kMapPageFiles[];
extern const std::size_t kMapPageFilesCount;

namespace {

std::string PageFile(std::string_view name) {
  for (std::size_t i = 0; i < kMapPageFilesCount; ++i) {
    if (name == kMapPageFiles[i].name) return kMapPageFiles[i].Content();
  }
  return "";  // the build embeds all three; a test checks the page is whole
}

void WriteActors(const RelationGraph& graph, JsonWriter& w) {
  w.Key("actors").BeginArray();
  for (const Actor& a : graph.actors()) {
    w.BeginObject().Key("id").String(a.id).Key("name").String(a.name);
    w.Key("kind").String(a.kind).Key("country").String(a.country);
    w.Key("code").String(a.code).Key("role").String(a.role).EndObject();
  }
  w.EndArray();
}

// The days each date value covers, for the page's date filter.
void WriteRanges(const RelationEdge& e, JsonWriter& w) {
  w.Key("ranges").BeginArray();
  for (const std::string& d : e.dates) {
    CivilDate first, last;
    if (!TimexDayRange(d, &first, &last)) continue;
    w.BeginArray().String(FormatIsoDate(first)).String(FormatIsoDate(last));
    w.EndArray();
  }
  w.EndArray();
}

void WriteEdges(const RelationGraph& graph, const MapPageOptions& options,
                JsonWriter& w) {
  std::map<std::string, long long> index;
  long long i = 0;
  for (const Actor& a : graph.actors()) index[a.id] = i++;
  w.Key("edges").BeginArray();
  for (const RelationEdge& e : graph.edges()) {
    w.BeginObject().Key("s").Int(index[e.source]).Key("t").Int(index[e.target]);
    w.Key("relation").String(map_text::RelationWords(e.relation));
    w.Key("cameo").String(e.cameo).Key("plover").String(e.plover);
    w.Key("quad").Int(e.quad).Key("quad_name").String(map_text::QuadName(e.quad));
    w.Key("dates").BeginArray();
    for (const std::string& d : e.dates) w.String(d);
    w.EndArray();
    WriteRanges(e, w);
    w.Key("sources").Int(static_cast<long long>(e.documents.size()));
    w.Key("count").Int(static_cast<long long>(e.count));
    w.Key("evidence").BeginArray();
    std::size_t n = 0;
    for (const EvidenceRef& r : e.evidence) {
      if (n++ == options.evidence_per_edge) break;
      w.BeginObject().Key("doc").String(r.doc);
      w.Key("sentence").Int(static_cast<long long>(r.sentence));
      w.Key("text").String(map_text::EvidenceSentence(options.evidence, r));
      w.EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
}

std::string DataJson(const RelationGraph& graph, const MapPageOptions& options) {
  JsonWriter w;
  w.BeginObject();
  WriteActors(graph, w);
  WriteEdges(graph, options, w);
  w.EndObject();
  std::string json;
  for (char c : w.text()) {
    if (c == '<') {
      json += "\\u003c";
    } else {
      json.push_back(c);
    }
  }
  return json;
}

// The <svg> element alone: Graphviz puts an XML declaration, a DOCTYPE and
// comments before it, which do not belong inside HTML.
std::string InlineSvg(const std::string& svg) {
  std::size_t start = svg.find("<svg");
  if (start == std::string::npos) return "<p>(no map was drawn)</p>";
  return svg.substr(start);
}

}  // namespace

std::string MapPageHtml(const RelationGraph& graph, const std::string& svg,
                        const MapPageOptions& options) {
  const std::map<std::string, std::string> fill = {
      {"TITLE", map_text::XmlEscape(options.title)},
      {"CAPTION", map_text::XmlEscape(options.caption)},
      {"CSS", PageFile("map_page.css")},
      {"JS", PageFile("map_page.js")},
      {"SVG", InlineSvg(svg)},
      {"DATA", DataJson(graph, options)},
  };
  const std::string page = PageFile("map_page.html");
  constexpr std::string_view kOpen = "@@ENTENTE_", kClose = "@@";
  std::string out;
  std::size_t at = 0;
  while (true) {
    std::size_t open = page.find(kOpen, at);
    std::size_t close = open == std::string::npos
                            ? open
                            : page.find(kClose, open + kOpen.size());
    if (close == std::string::npos) break;
    out.append(page, at, open - at);
    std::string key = page.substr(open + kOpen.size(),
                                  close - open - kOpen.size());
    auto it = fill.find(key);
    if (it != fill.end()) out += it->second;
    at = close + kClose.size();
  }
  out.append(page, at, std::string::npos);
  return out;
}

}  // namespace entente
