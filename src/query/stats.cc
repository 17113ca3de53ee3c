// Summary counts: every relation in the window is split by date into
// events (as the timeline does), and each event is counted under its
// relation, quad class, the countries of its actors and its month.
#include <map>
#include <set>

#include "core/calendar.h"
#include "entente/analysis.h"
#include "query/window.h"

namespace entente {
namespace {

// The month bucket of a TIMEX3 value (see GraphStats::by_month).
std::string MonthOf(const std::string& value) {
  if (value.empty()) return "undated";
  CivilDate first, last;
  if (!TimexDayRange(value, &first, &last)) return value;
  if (value.size() > 5 && value[5] == 'W') first = AddDays(first, 3);
  else if (first.year != last.year || first.month != last.month) return value;
  return FormatIsoDate(first).substr(0, 7);
}

struct DateGroup {
  std::size_t mentions = 0;
  std::set<std::string> docs;
};

// Counts per key, with the documents seen so far so that `sources` counts
// each document once per key.
class Counter {
 public:
  explicit Counter(std::map<std::string, StatCounts>* out) : out_(out) {}
  void Add(const std::string& key, const DateGroup& g) {
    StatCounts& c = (*out_)[key];
    ++c.events;
    c.mentions += g.mentions;
    std::set<std::string>& docs = docs_[key];
    docs.insert(g.docs.begin(), g.docs.end());
    c.sources = docs.size();
  }

 private:
  std::map<std::string, StatCounts>* out_;
  std::map<std::string, std::set<std::string>> docs_;
};

// The events of one relation edge: date -> mentions and documents.
std::map<std::string, DateGroup> EventsOf(const RelationEdge& e) {
  std::map<std::string, DateGroup> by_date;
  for (const EvidenceRef& r : e.evidence) {
    DateGroup& g = by_date[r.date];
    g.mentions += r.mentions;
    g.docs.insert(r.doc);
  }
  if (e.evidence.empty()) {
    // Saved without evidence: one event per date, counts as a whole.
    for (const std::string& d : e.dates) by_date[d].docs = e.documents;
    if (by_date.empty()) by_date[""].docs = e.documents;
    by_date.begin()->second.mentions = e.count;
  }
  return by_date;
}

}  // namespace

Result<GraphStats> ComputeStats(const RelationGraph& graph,
                                const TimeWindow& window) {
  if (Status s = CheckWindow(window); !s.ok()) return s;
  GraphStats st;
  st.documents = graph.documents().size();
  std::set<std::string> actors, all_docs;
  Counter relation(&st.by_relation), quad(&st.by_quad),
      country(&st.by_country), month(&st.by_month);
  for (const RelationEdge& e : EdgesInWindow(graph.edges(), window, true)) {
    if (IsAffiliation(e)) {
      ++st.affiliations;
      continue;
    }
    ++st.relations;
    actors.insert(e.source);
    actors.insert(e.target);
    std::set<std::string> countries = {graph.FindActor(e.source)->country,
                                       graph.FindActor(e.target)->country};
    countries.erase("");
    for (const auto& [date, g] : EventsOf(e)) {
      all_docs.insert(g.docs.begin(), g.docs.end());
      ++st.total.events;
      st.total.mentions += g.mentions;
      relation.Add(e.relation, g);
      quad.Add(std::to_string(e.quad), g);
      for (const std::string& c : countries) country.Add(c, g);
      month.Add(MonthOf(date), g);
    }
  }
  st.total.sources = all_docs.size();
  st.actors = actors.size();
  for (const std::string& id : actors) {
    ++st.actors_by_kind[graph.FindActor(id)->kind];
  }
  return st;
}

}  // namespace entente
