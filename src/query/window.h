// Internal helpers of the analysis queries (src/query/): window overlap of
// one TIMEX3 value, and checks shared by several queries.
#ifndef ENTENTE_QUERY_WINDOW_H_
#define ENTENTE_QUERY_WINDOW_H_

#include <string>

#include "entente/analysis.h"

namespace entente {

// True when a TIMEX3 value overlaps the window (always, for an open
// window; never, for a value naming no days in a bounded one).
bool OverlapsWindow(const std::string& value, const TimeWindow& window);

bool IsAffiliation(const RelationEdge& edge);

// Fails (NotFound) when no edge of the graph matches a non-empty filter,
// listing the relations the graph has.
Status CheckRelationFilter(const RelationGraph& graph,
                           const std::string& filter);

// Mentions of an edge: the reports of its evidence sentences (its count when
// it keeps no evidence).
std::size_t Mentions(const RelationEdge& edge);

}  // namespace entente

#endif  // ENTENTE_QUERY_WINDOW_H_
