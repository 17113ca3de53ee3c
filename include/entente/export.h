// Writers: every format entente produces. Each returns the serialised text;
// callers write it with an atomic file write (core/files.h) so a failed run
// leaves no partial file. Output is deterministic: the same input gives the
// same bytes.
#ifndef ENTENTE_EXPORT_H_
#define ENTENTE_EXPORT_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/graph.h"
#include "entente/status.h"
#include "entente/types.h"

namespace entente {

// One line of events.jsonl (no trailing newline), per the output contract.
std::string EventToJson(const Event& event);

// One line of `entente annotate`: the document with its sentences, actor
// mentions, time expressions and events; spans in code points.
std::string AnnotationToJson(const DocumentAnalysis& analysis);

struct GraphJsonOptions {
  std::string edges_key = "edges";  // "links" for networkx < 3.4
};

// networkx node-link JSON (directed multigraph), schemas/graph.schema.json.
std::string GraphToNodeLinkJson(const RelationGraph& graph,
                                const GraphJsonOptions& options = {});

// Parses graph JSON written by GraphToNodeLinkJson (either edges key).
// `origin` names the input in messages.
Result<RelationGraph> GraphFromNodeLinkJson(std::string_view json,
                                            const std::string& origin);
// Reads the graph JSON file at `path` (mapped, not copied: the fastest
// way to load a large graph.json). Fails as ReadWholeFile() and
// GraphFromNodeLinkJson() do.
Result<RelationGraph> ReadGraphJsonFile(const std::string& path);

// ---- Maps -------------------------------------------------------------
//
// A map is drawn in three steps, each usable on its own:
//
//   Result<MapSelection> part = SelectForMap(graph, view);  // what to draw
//   std::string dot = GraphToDot(part->graph, dot_options);  // how it looks
//   Result<std::string> svg = RenderDot(dot, "svg", layout); // Graphviz
//
// and DrawMap() does all three (plus the HTML page) for the CLI.

// The sentences behind the evidence references, keyed by (doc, sentence),
// for tooltips that quote them. graph.json keeps only the references; the
// text is in events.jsonl (EvidenceTextsFromEvents) or in memory while a
// graph is being built.
using EvidenceKey = std::pair<std::string, std::size_t>;
using EvidenceTexts = std::map<EvidenceKey, std::string>;

// Which part of a graph a map draws. Filters apply in this order: time
// window, neighbourhood, size limit.
struct MapView {
  // A time window, "YYYY-MM-DD" (inclusive; either may be empty). A relation
  // is drawn with the dates and evidence that overlap the window (a TIMEX3
  // value such as "2021-03" overlaps when any of its days does); undated
  // relations and actors left without relations are not drawn.
  std::string from, to;
  // An actor as a user types it (id, name, short name; see ResolveActor) and
  // how many relation steps around it to draw. Affiliation edges are drawn
  // between the actors kept but do not count as steps.
  std::string focus;
  int depth = 1;
  // At most this many actors (0: no limit): the most central ones by
  // weighted degree (the number of source documents of their relations),
  // ties broken by degree, then by id. The focus actor is always kept.
  std::size_t max_nodes = 0;
};

struct MapSelection {
  RelationGraph graph;  // the actors and edges to draw
  // Actors dropped by max_nodes, most central first (for "left out" notes).
  std::vector<Actor> left_out;
  // One line saying what part this is ("neighbourhood of Joe Biden, depth
  // 1; 2021-01-01 to 2021-06-30"); empty for the whole graph.
  std::string caption;
};

// Applies a view to a graph. Fails (usage) for a bad date or depth; when
// the focus actor is unknown or ambiguous (the message lists the
// candidates); and when the time window leaves nothing (or nothing around
// the focus actor) to draw.
Result<MapSelection> SelectForMap(const RelationGraph& graph,
                                  const MapView& view);

// True when a TIMEX3 date value overlaps [from, to] ("YYYY-MM-DD" bounds,
// either may be empty). Values that name no days (empty, durations) overlap
// only an open window.
bool TimexOverlaps(const std::string& value, const std::string& from,
                   const std::string& to);

// The layout engine entente uses for a graph of this size: "dot" up to
// kDotLayoutLimit actors and kDotEdgeLimit edges, "sfdp" above (dot takes
// tens of seconds on 150 actors with 400 random edges, minutes on 1,000).
inline constexpr std::size_t kDotLayoutLimit = 150;
inline constexpr std::size_t kDotEdgeLimit = 300;
std::string DefaultLayout(std::size_t actor_count, std::size_t edge_count);

struct DotOptions {
  // The engine the map is meant for (written into the DOT as `layout`, and
  // used to pick attributes that suit it); empty: DefaultLayout().
  std::string layout;
  // Relations carry a label with their relation and date range when the map
  // has at most this many actors and relations (labels make larger maps
  // unreadable, and slow dot down several times on dense ones).
  std::size_t edge_label_limit = 80;
  std::size_t edge_label_relation_limit = 150;
  // Draws each state and the people of that country in a box.
  bool cluster_by_country = false;
  // Evidence sentences to quote in edge tooltips (may be null: the tooltip
  // then names the documents). Borrowed; must outlive the call.
  const EvidenceTexts* evidence = nullptr;
  std::size_t evidence_per_edge = 3;
  // A line under the title ("neighbourhood of Joe Biden, depth 1").
  std::string caption;
};

// Graphviz DOT text of the graph, every string escaped. Actors and edges
// get the SVG ids "a<i>" and "e<i>", i the index in actors() and edges().
std::string GraphToDot(const RelationGraph& graph,
                       const DotOptions& options = {});

// Lays out and renders DOT text in-process with Graphviz (libgvc).
// `format`: "svg", "png" or "pdf"; `layout`: "dot", "sfdp", "neato", "fdp"
// or "circo". Returns the rendered bytes, or an error when Graphviz rejects
// the input or is not built in.
Result<std::string> RenderDot(const std::string& dot, const std::string& format,
                              const std::string& layout = "dot");
// The same for several formats from one layout: format -> bytes.
Result<std::map<std::string, std::string>> RenderDotFormats(
    const std::string& dot, const std::vector<std::string>& formats,
    const std::string& layout);

// The interactive page: one self-contained HTML file (no network access
// needed) with `svg` (rendered from GraphToDot(graph, ...)) inline, pan and
// zoom, tooltips quoting the evidence, a search box that highlights an actor
// and its neighbours, and a date filter. The page reads "#search=NAME",
// "#from=DATE" and "#to=DATE" from its URL on load. `graph` must be the
// graph the SVG was drawn from (ids "a<i>"/"e<i>" link the two).
struct MapPageOptions {
  std::string title = "entente relation map";
  std::string caption;
  const EvidenceTexts* evidence = nullptr;  // borrowed, may be null
  std::size_t evidence_per_edge = 3;
};
std::string MapPageHtml(const RelationGraph& graph, const std::string& svg,
                        const MapPageOptions& options = {});

// Everything a map command asks for.
struct MapRequest {
  MapView view;
  // Any of dot, svg, png, pdf, html; Graphviz lays the map out once for all.
  std::vector<std::string> formats = {"svg"};
  std::string layout;  // empty: DefaultLayout() of the actors drawn
  bool cluster_by_country = false;
  const EvidenceTexts* evidence = nullptr;  // borrowed, may be null
};

struct DrawnMap {
  std::map<std::string, std::string> outputs;  // format -> bytes
  std::string layout;                          // the engine used
  std::size_t actors = 0, edges = 0;           // drawn
  std::size_t total_actors = 0;                // in the whole graph
  std::vector<Actor> left_out;  // by the size limit, most central first
};

// Selects, styles and renders a map. Fails like SelectForMap and RenderDot,
// and (usage) for an unknown format or layout.
Result<DrawnMap> DrawMap(const RelationGraph& graph, const MapRequest& request);

// Collects the evidence sentences of events.jsonl text (one event per line)
// into `texts`. Returns the number of lines that could not be parsed (the
// first problem goes to `*first_problem` as "line N: what").
std::size_t EvidenceTextsFromEvents(std::string_view jsonl, EvidenceTexts* texts,
                                    std::string* first_problem);

}  // namespace entente

#endif  // ENTENTE_EXPORT_H_
