// The GDELT-style event table. Each relation edge of the graph (affiliations
// and planned relations aside) is split by date into events, as GDELT keeps
// one record per (actors, event code, day) with its mention and source
// counts; the rows are then sorted by date and numbered. Goldstein scores
// come from the built-in CAMEO table, which follows GDELT's.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/calendar.h"
#include "entente/analysis.h"
#include "entente/exports.h"
#include "export/table_text.h"
#include "lexicon/lexicon.h"

namespace entente {
namespace {

const Lexicon& BuiltInCameo() {
  static const Lexicon* lexicon = [] {
    Result<Lexicon> l = Lexicon::LoadDefault();
    return l.ok() ? new Lexicon(std::move(*l)) : new Lexicon();
  }();
  return *lexicon;
}

struct GdeltEvent {
  std::string date;
  const RelationEdge* edge = nullptr;
  std::vector<const EvidenceRef*> evidence;
};

// The sector part of a CAMEO actor code ("GOV" of "USAGOV").
std::string TypeCode(const Actor& a) {
  if (a.code.size() > 3 && a.code.rfind(a.country, 0) == 0) {
    return a.code.substr(a.country.size(), 3);
  }
  return "";
}

std::vector<std::string> DateFields(const std::string& value) {
  CivilDate first, last;
  if (!TimexDayRange(value, &first, &last)) return {"", "", "", ""};
  char day[16], month[16], year[16], fraction[32];
  std::snprintf(day, sizeof day, "%04d%02d%02d", first.year, first.month,
                first.day);
  std::snprintf(month, sizeof month, "%04d%02d", first.year, first.month);
  std::snprintf(year, sizeof year, "%04d", first.year);
  // GDELT's approximation: YEAR + (MONTH * 30 + DAY) / 365.
  std::snprintf(fraction, sizeof fraction, "%.4f",
                first.year + (first.month * 30 + first.day) / 365.0);
  return {day, month, year, fraction};
}

std::vector<std::string> ActorFields(const Actor& a) {
  return {a.code, a.name, a.country, TypeCode(a)};
}

std::vector<std::string> RowOf(const RelationGraph& graph,
                               const GdeltEvent& ev, std::size_t id) {
  const RelationEdge& e = *ev.edge;
  std::set<std::string> docs;
  std::string where;
  bool lead = false;
  std::size_t mention_count = 0;
  for (const EvidenceRef* r : ev.evidence) {
    mention_count += r->mentions;
    docs.insert(r->doc);
    if (where.empty()) where = r->location;
    lead = lead || r->sentence == 0;
  }
  if (ev.evidence.empty()) docs = e.documents;  // saved without evidence
  std::string mentions = std::to_string(
      ev.evidence.empty() ? e.count : mention_count);
  std::string goldstein;
  if (const CameoEntry* c = BuiltInCameo().FindCameo(e.cameo)) {
    char g[16];
    std::snprintf(g, sizeof g, "%.1f", c->goldstein);
    goldstein = g;
  }
  std::string all_docs;
  for (const std::string& d : docs) all_docs += (all_docs.empty() ? "" : ";") + d;
  std::vector<std::string> f = {std::to_string(id)};
  for (auto part : {DateFields(ev.date),
                    ActorFields(*graph.FindActor(e.source)),
                    ActorFields(*graph.FindActor(e.target))}) {
    f.insert(f.end(), part.begin(), part.end());
  }
  f.insert(f.end(),
           {lead ? "1" : "0", e.cameo, e.cameo.substr(0, 3),
            e.cameo.substr(0, 2), std::to_string(e.quad), goldstein, mentions,
            std::to_string(docs.size()), std::to_string(docs.size()), where,
            docs.empty() ? "" : *docs.begin(), ev.date, e.relation, e.plover,
            all_docs});
  return f;
}

}  // namespace

const std::vector<std::string>& GdeltColumns() {
  static const std::vector<std::string> kColumns = {
      "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
      "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
      "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
      "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
      "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
      "NumArticles", "ActionGeo_FullName", "SOURCEURL", "DateValue",
      "Relation", "PloverType", "Documents"};
  return kColumns;
}

std::string GraphToGdeltTable(const RelationGraph& graph, char separator) {
  std::vector<RelationEdge> edges = graph.edges();
  std::vector<GdeltEvent> events;
  for (const RelationEdge& e : edges) {
    if (e.relation == "affiliation" || e.relation.rfind("planned_", 0) == 0) {
      continue;
    }
    std::map<std::string, GdeltEvent> by_date;
    for (const EvidenceRef& r : e.evidence) by_date[r.date].evidence.push_back(&r);
    for (const std::string& d : e.dates) by_date[d];
    if (by_date.empty()) by_date[""];
    for (auto& [date, ev] : by_date) {
      ev.date = date;
      ev.edge = &e;
      events.push_back(std::move(ev));
    }
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const GdeltEvent& x, const GdeltEvent& y) {
                     if (x.date != y.date) return TimexBefore(x.date, y.date);
                     return std::tie(x.edge->source, x.edge->target,
                                     x.edge->relation) <
                            std::tie(y.edge->source, y.edge->target,
                                     y.edge->relation);
                   });
  std::string out = JoinTableRow(GdeltColumns(), separator);
  for (std::size_t i = 0; i < events.size(); ++i) {
    out += JoinTableRow(RowOf(graph, events[i], i + 1), separator);
  }
  return out;
}

}  // namespace entente
