// The members of a relation edge as graph.json writes them, shared by the
// node-link JSON and the Cytoscape.js export so the two stay the same.
#ifndef ENTENTE_EXPORT_EDGE_JSON_H_
#define ENTENTE_EXPORT_EDGE_JSON_H_

#include "core/json_writer.h"
#include "entente/graph.h"

namespace entente {

// Writes "source", "target", "key", "relation", the codes, counts, dates,
// dated events, documents and evidence of `e` into the open object.
void WriteEdgeMembers(JsonWriter& w, const RelationEdge& e);

}  // namespace entente

#endif  // ENTENTE_EXPORT_EDGE_JSON_H_
