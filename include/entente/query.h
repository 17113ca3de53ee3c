// Queries over a RelationGraph: who met whom, when, and actor look-up by
// the names users type.
#ifndef ENTENTE_QUERY_H_
#define ENTENTE_QUERY_H_

#include <string>
#include <vector>

#include "entente/graph.h"
#include "entente/status.h"

namespace entente {

// Finds the actor a user means: an id, a full or short name, or a country
// code, ignoring case and accents. Fails with the list of candidates when
// the text is ambiguous, or with a "no actor" message naming the text.
Result<std::string> ResolveActor(const RelationGraph& graph,
                                 const std::string& text);

struct WhoMetQuery {
  std::string actor;  // as typed; empty: everyone
  std::string with;   // as typed; empty: anyone
  std::string from, to;  // YYYY-MM-DD bounds (inclusive), empty: open
};

// One contact between two actors on one date.
struct WhoMetRow {
  std::string date;  // TIMEX3 value ("" when undated)
  Actor a, b;
  std::string how;    // call | meeting | visit | talks
  std::string where;  // location when the text named one
  std::size_t sources = 0;  // distinct documents
  std::vector<EvidenceRef> evidence;
};

// The affirmed, asserted or reported meetings, calls, visits and talks that
// match the query, sorted by date and names. Fails when an actor name does
// not resolve or a bound is not a date.
Result<std::vector<WhoMetRow>> WhoMet(const RelationGraph& graph,
                                      const WhoMetQuery& query);

}  // namespace entente

#endif  // ENTENTE_QUERY_H_
