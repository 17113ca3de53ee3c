// DrawMap: select, style and render a map in every format asked for, laying
// the graph out once; and the evidence sentences that tooltips quote, read
// back from events.jsonl.
#include <algorithm>

#include "entente/export.h"
#include "entente/ingest.h"

namespace entente {
namespace {

bool IsGraphvizFormat(const std::string& f) {
  return f == "svg" || f == "png" || f == "pdf";
}

Status CheckRequest(const MapRequest& request) {
  if (request.formats.empty()) return Status::Usage("no map format given");
  for (const std::string& f : request.formats) {
    if (f != "dot" && f != "html" && !IsGraphvizFormat(f)) {
      return Status::Usage("unknown map format '" + f +
                           "' (use svg, png, pdf, html or dot)");
    }
  }
  const std::string& l = request.layout;
  if (!l.empty() && l != "dot" && l != "sfdp" && l != "neato" && l != "fdp" &&
      l != "circo") {
    return Status::Usage("unknown layout '" + l +
                         "' (use dot, sfdp, neato, fdp or circo)");
  }
  return Status::Ok();
}

bool Wants(const MapRequest& request, const std::string& format) {
  return std::find(request.formats.begin(), request.formats.end(), format) !=
         request.formats.end();
}

}  // namespace

Result<DrawnMap> DrawMap(const RelationGraph& graph, const MapRequest& request) {
  if (Status s = CheckRequest(request); !s.ok()) return s;
  Result<MapSelection> part = SelectForMap(graph, request.view);
  if (!part.ok()) return part.status();
  DrawnMap out;
  out.actors = part->graph.actor_count();
  out.edges = part->graph.edge_count();
  out.total_actors = graph.actor_count();
  out.left_out = std::move(part->left_out);
  out.layout = request.layout.empty() ? DefaultLayout(out.actors, out.edges)
                                      : request.layout;
  DotOptions dot_options;
  dot_options.layout = out.layout;
  dot_options.cluster_by_country = request.cluster_by_country;
  dot_options.evidence = request.evidence;
  dot_options.caption = part->caption;
  std::string dot = GraphToDot(part->graph, dot_options);

  std::vector<std::string> graphviz;
  for (const std::string& f : request.formats) {
    if (IsGraphvizFormat(f)) graphviz.push_back(f);
  }
  if (Wants(request, "html") && !Wants(request, "svg")) graphviz.push_back("svg");
  if (!graphviz.empty()) {
    Result<std::map<std::string, std::string>> rendered =
        RenderDotFormats(dot, graphviz, out.layout);
    if (!rendered.ok()) return rendered.status();
    out.outputs = std::move(*rendered);
  }
  if (Wants(request, "html")) {
    MapPageOptions page;
    page.caption = part->caption;
    page.evidence = request.evidence;
    out.outputs["html"] = MapPageHtml(part->graph, out.outputs["svg"], page);
    if (!Wants(request, "svg")) out.outputs.erase("svg");
  }
  if (Wants(request, "dot")) out.outputs["dot"] = std::move(dot);
  return out;
}

std::size_t EvidenceTextsFromEvents(std::string_view jsonl,
                                    EvidenceTexts* texts,
                                    std::string* first_problem) {
  std::size_t bad = 0, line_number = 0;
  while (!jsonl.empty()) {
    std::size_t end = jsonl.find('\n');
    std::string_view line = jsonl.substr(0, end);
    jsonl.remove_prefix(end == std::string_view::npos ? jsonl.size() : end + 1);
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Result<Event> event = ParseEventJson(line);
    if (!event.ok()) {
      if (bad++ == 0 && first_problem) {
        *first_problem = "line " + std::to_string(line_number) + ": " +
                         event.status().message();
      }
      continue;
    }
    if (event->evidence_text.empty()) continue;
    texts->emplace(EvidenceKey{event->doc, event->sentence},
                   std::move(event->evidence_text));
  }
  return bad;
}

}  // namespace entente
