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
  // Only these kinds of contact (call, meeting, visit, talks); empty: all.
  std::vector<std::string> how = {};
  // Only contacts reported by at least this many distinct documents.
  std::size_t min_sources = 0;
  // The graph as it stood on this day (TimeFilter::as_of); empty: today.
  std::string as_of = {};
  // Scan every edge instead of using the actor index (benchmarks, tests).
  bool scan_all_edges = false;
};

// The kinds of contact who-met knows, in the order --help lists them.
const std::vector<std::string>& ContactKinds();

// One contact between two actors on one date: the reports of every
// document that gives that date (a visit and its hosting are one contact).
struct WhoMetRow {
  std::string date;  // TIMEX3 value ("" when undated)
  Actor a, b;         // a: the actor asked about, else the visitor, else
                      // the edge's source
  std::string how;    // call | meeting | visit | talks
  std::string where;  // location when the text named one
  std::size_t sources = 0;  // distinct documents
  std::size_t mentions = 0;  // reports: the sum of the evidence's mentions
  std::vector<EvidenceRef> evidence;
};

// The affirmed, asserted or reported meetings, calls, visits and talks that
// match the query, sorted by date and names. Fails when an actor name does
// not resolve, a bound is not a date or a kind of contact is unknown.
Result<std::vector<WhoMetRow>> WhoMet(const RelationGraph& graph,
                                      const WhoMetQuery& query);

}  // namespace entente

#endif  // ENTENTE_QUERY_H_
