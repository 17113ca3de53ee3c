// Writers: every format entente produces. Each returns the serialised text;
// callers write it with an atomic file write (core/files.h) so a failed run
// leaves no partial file. Output is deterministic: the same input gives the
// same bytes.
#ifndef ENTENTE_EXPORT_H_
#define ENTENTE_EXPORT_H_

#include <string>

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

struct DotOptions {
  bool edge_labels = true;  // relation and date range on each edge
};

// Graphviz DOT text of the graph, every string escaped.
std::string GraphToDot(const RelationGraph& graph,
                       const DotOptions& options = {});

// Lays out and renders DOT text in-process with Graphviz (libgvc).
// `format`: "svg", "png" or "pdf"; `layout`: "dot" or "sfdp". Returns the
// rendered bytes, or an error when Graphviz rejects the input or is not
// built in.
Result<std::string> RenderDot(const std::string& dot, const std::string& format,
                              const std::string& layout = "dot");

}  // namespace entente

#endif  // ENTENTE_EXPORT_H_
