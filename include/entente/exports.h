// Exports for other tools: GraphML (Gephi, networkx, igraph), Cytoscape.js
// elements JSON, events as CSV/TSV tables (pandas, R, spreadsheets), and a
// GDELT-style event table for pipelines built around GDELT's event fields.
// Like the writers of export.h, each returns the serialised text (or one
// row of it) and callers write it atomically. Output is deterministic.
#ifndef ENTENTE_EXPORTS_H_
#define ENTENTE_EXPORTS_H_

#include <string>
#include <vector>

#include "entente/graph.h"
#include "entente/types.h"

namespace entente {

// GraphML of the graph: a directed graph with parallel edges (one per
// relation). Nodes carry `label` (the actor's name, what Gephi shows),
// kind, country, code and role; edges carry `label` (the relation),
// `weight` (the number of source documents, what Gephi sizes edges by),
// relation, cameo, plover, quad, symmetric, role, count, sources, first,
// last, and the lists dates, documents and evidence ("doc#sentence", or
// "doc" when the sentence is not known) joined with ";". Empty values are left out (GraphML has no null). Node ids are
// actor ids; edge ids are "e<i>", i the index in graph.edges().
std::string GraphToGraphMl(const RelationGraph& graph);

// Cytoscape.js elements JSON, as Cytoscape's .cyjs files and networkx's
// cytoscape_data() write it: {"data", "directed", "multigraph", "elements":
// {"nodes": [{"data": {"id", "value", "name", "label", ...}}], "edges":
// [{"data": {"id", "source", "target", "key", "label", "weight", ...}}]}}.
// Node data holds the actor fields; edge data the fields of graph.json's
// edges (lists as JSON arrays). Loads with cytoscape.add(json.elements) and
// networkx.cytoscape_graph().
std::string GraphToCytoscapeJson(const RelationGraph& graph);

// ---- Event tables ----------------------------------------------------------
//
// `separator` ',' writes CSV (RFC 4180: fields with a comma, quote or line
// break are quoted, quotes doubled); '\t' writes TSV (tabs and line breaks
// inside fields become spaces, nothing is quoted). Lines end with "\n".

// The columns of the events table, one row per event of events.jsonl:
// doc, sentence, date, date_precision, date_basis, date_text, source_id,
// source_name, source_kind, source_country, source_code, source_role,
// relation, cameo, plover, quad, symmetric, trigger, target_id, ...
// (as for source), polarity, modality, location, location_country,
// evidence_start, evidence_end, evidence_text.
const std::vector<std::string>& EventTableColumns();
std::string EventTableHeader(char separator);
std::string EventTableRow(const Event& event, char separator);

// The GDELT-style event table: one row per event that happened (affirmed,
// asserted or reported: the graph's relations without affiliations and
// planned_* ones), i.e. per relation edge and date, with GDELT 1.0/2.0
// column names: GlobalEventID (1.. in date order), Day (YYYYMMDD, the first
// day of the event's date; empty when undated), MonthYear, Year,
// FractionDate, Actor1Code, Actor1Name, Actor1CountryCode, Actor1Type1Code,
// Actor2... (the same), IsRootEvent (1 when a lead sentence reports it),
// EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale
// (GDELT's CAMEO table), NumMentions (sentences), NumSources and
// NumArticles (both: distinct documents; entente knows no outlets),
// ActionGeo_FullName, SOURCEURL (the first document id); then entente's
// own: DateValue (the TIMEX3 value), Relation, PloverType, Documents (all
// ids, ";"-joined).
const std::vector<std::string>& GdeltColumns();
std::string GraphToGdeltTable(const RelationGraph& graph, char separator);

}  // namespace entente

#endif  // ENTENTE_EXPORTS_H_
