// DOT output: our own writer (Boost's does not escape backslashes), styled
// so a map reads at a glance: shape by kind of actor, fill colour by
// country, edge colour by CAMEO quad class, width by number of sources,
// affiliation edges dashed grey, labels only on small maps, tooltips that
// quote the evidence, and a legend. The legend is the graph's own label (an
// HTML-like table), because every layout engine draws that, whereas a
// legend cluster is scattered by sfdp. Graph attributes suit the layout the
// map is meant for (spline edges for dot; straight edges and
// overlap removal for the force-directed engines, which keeps large maps
// fast), and the DOT names that layout so `dot -Tsvg` draws the same map.
#include <cmath>
#include <cstdio>
#include <map>

#include "entente/export.h"
#include "export/map_text.h"

namespace entente {
namespace {

using map_text::DotQuote;

const char* ShapeOf(const std::string& kind) {
  if (kind == "person") return "ellipse";
  if (kind == "state") return "box";
  if (kind == "organization") return "hexagon";
  return "octagon";
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// Title, caption and legend as one HTML-like table.
std::string LegendLabel(const RelationGraph& graph, const std::string& caption) {
  std::size_t relations = 0;
  for (const RelationEdge& e : graph.edges()) relations += e.quad != 0;
  std::string summary = std::to_string(graph.actor_count()) + " actors, " +
                        std::to_string(relations) + " relations";
  if (!caption.empty()) summary = caption + "; " + summary;
  std::string t =
      "<<table border=\"0\" cellborder=\"0\" cellspacing=\"3\" "
      "cellpadding=\"1\">"
      "<tr><td colspan=\"10\" align=\"left\"><font point-size=\"16\">"
      "entente relation map</font></td></tr>"
      "<tr><td colspan=\"10\" align=\"left\">" +
      map_text::XmlEscape(summary) +
      "</td></tr>"
      "<tr><td align=\"left\"><b>Legend</b></td>"
      "<td colspan=\"9\" align=\"left\">box: state, ellipse: person, "
      "hexagon: organization, octagon: group; fill colour: country; "
      "line width: number of sources</td></tr><tr><td></td>";
  for (int quad = 1; quad <= 4; ++quad) {
    t += std::string("<td bgcolor=\"") + map_text::QuadColour(quad) +
         "\" width=\"24\" height=\"6\" fixedsize=\"true\"></td>"
         "<td align=\"left\">" + map_text::QuadName(quad) + "</td>";
  }
  t += "<td bgcolor=\"#cccccc\" width=\"24\" height=\"2\" "
       "fixedsize=\"true\"></td><td align=\"left\">affiliation</td>"
       "</tr></table>>";
  return t;
}

std::string GraphAttributes(const std::string& layout, bool clusters,
                            const std::string& legend) {
  std::string a = "  graph [layout=" + layout +
                  ", fontname=\"Helvetica\", fontsize=11, labelloc=t, "
                  "labeljust=l, pad=0.3, outputorder=edgesfirst";
  if (layout == "dot") {
    a += ", nodesep=0.25, ranksep=0.6, splines=true";
    // Without newrank, dot 2.42 fails ("trouble in init_rank") and corrupts
    // its heap on clusters that relations cross in both directions.
    if (clusters) a += ", newrank=true";
  } else {
    // prism overlap removal and curved splines are slow on thousands of
    // nodes; straight lines and scaling keep sfdp within seconds.
    a += ", overlap=" + std::string(layout == "sfdp" ? "scale" : "false") +
         ", splines=false";
  }
  return a + ", label=" + legend + "];\n";
}

std::string NodeLine(const Actor& a, std::size_t index) {
  std::string tip = a.name;
  if (!a.role.empty()) tip += ", " + a.role;
  if (!a.code.empty()) tip += " (" + a.code + ")";
  tip += "\n" + a.kind + (a.country.empty() ? "" : ", " + a.country);
  return "  " + DotQuote(a.id) + " [id=\"a" + std::to_string(index) +
         "\", class=" + DotQuote("actor " + a.kind) +
         ", label=" + DotQuote(a.name) + ", shape=" + ShapeOf(a.kind) +
         ", fillcolor=" + DotQuote(map_text::CountryColour(a.country)) +
         ", tooltip=" + DotQuote(tip) + "];\n";
}

std::string RelationTooltip(const RelationEdge& e, const RelationGraph& graph,
                            const DotOptions& options) {
  auto name = [&](const std::string& id) {
    const Actor* a = graph.FindActor(id);
    return a ? a->name : id;
  };
  std::string tip = name(e.source) + " \u2014 " +
                    map_text::RelationWords(e.relation) + " \u2014 " +
                    name(e.target) + "\nCAMEO " + e.cameo + " (" + e.plover +
                    "), " + map_text::QuadName(e.quad);
  std::string dates = map_text::DateRange(e);
  tip += "\n" + (dates.empty() ? std::string("undated") : dates) + "; " +
         std::to_string(e.documents.size()) + " source(s), " +
         std::to_string(e.count) + " mention(s)";
  for (const std::string& q : map_text::EvidenceQuotes(
           e, options.evidence, options.evidence_per_edge)) {
    tip += "\n" + q;
  }
  return tip;
}

std::string EdgeLine(const RelationEdge& e, std::size_t index,
                     const RelationGraph& graph, const DotOptions& options,
                     bool labels) {
  std::string attrs = "id=\"e" + std::to_string(index) + "\"";
  if (e.relation == "affiliation") {
    attrs += ", class=\"affiliation\", style=dashed, color=\"#bbbbbb\", "
             "arrowhead=none, tooltip=" +
             DotQuote(e.role.empty() ? "affiliation" : e.role);
  } else {
    double width = std::min(6.0, 1.0 + std::log2(1.0 + double(e.documents.size())));
    attrs += ", class=" + DotQuote("relation q" + std::to_string(e.quad)) +
             ", color=" + DotQuote(map_text::QuadColour(e.quad)) +
             ", penwidth=" + Fixed(width) +
             ", tooltip=" + DotQuote(RelationTooltip(e, graph, options));
    if (labels) {
      std::string label = map_text::RelationWords(e.relation);
      std::string dates = map_text::DateRange(e);
      if (!dates.empty()) label += "\n" + dates;
      attrs += ", label=" + DotQuote(label);
    }
    if (e.symmetric) attrs += ", dir=none";
  }
  return "  " + DotQuote(e.source) + " -> " + DotQuote(e.target) + " [" +
         attrs + "];\n";
}

// One box per country that has a state on the map, holding the state and
// the other actors of that country; everyone else outside.
void WriteNodesInClusters(const std::vector<Actor>& actors, std::string& out) {
  std::map<std::string, const Actor*> states;
  for (const Actor& a : actors) {
    if (a.kind == "state") states[a.country] = &a;
  }
  std::map<std::string, std::string> boxed;  // country -> node lines
  std::string loose;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    const Actor& a = actors[i];
    if (states.count(a.country)) {
      boxed[a.country] += "  " + NodeLine(a, i);
    } else {
      loose += NodeLine(a, i);
    }
  }
  std::size_t k = 0;
  for (const auto& [country, lines] : boxed) {
    out += "  subgraph \"cluster_" + std::to_string(k++) + "\" {\n" +
           "    label=" + DotQuote(states[country]->name) +
           "; style=\"rounded,filled\"; fillcolor=\"#fafafa\"; color=" +
           DotQuote(map_text::CountryColour(country)) + "; penwidth=2;\n" +
           lines + "  }\n";
  }
  out += loose;
}

}  // namespace

std::string DefaultLayout(std::size_t actor_count, std::size_t edge_count) {
  return actor_count > kDotLayoutLimit || edge_count > kDotEdgeLimit ? "sfdp"
                                                                     : "dot";
}

std::string GraphToDot(const RelationGraph& graph, const DotOptions& options) {
  std::string layout =
      options.layout.empty()
          ? DefaultLayout(graph.actor_count(), graph.edge_count())
          : options.layout;
  std::vector<RelationEdge> edges = graph.edges();
  std::size_t relations = 0;
  for (const RelationEdge& e : edges) relations += e.relation != "affiliation";
  bool labels = graph.actor_count() <= options.edge_label_limit &&
                relations <= options.edge_label_relation_limit;
  std::string out = "digraph entente {\n";
  out += GraphAttributes(layout, options.cluster_by_country,
                         LegendLabel(graph, options.caption));
  out += "  node [fontname=\"Helvetica\", fontsize=11, style=filled, "
         "margin=\"0.08,0.03\"];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=8, fontcolor=\"#555555\", "
         "arrowsize=0.6];\n";
  std::vector<Actor> actors = graph.actors();
  if (options.cluster_by_country) {
    WriteNodesInClusters(actors, out);
  } else {
    for (std::size_t i = 0; i < actors.size(); ++i) out += NodeLine(actors[i], i);
  }
  for (std::size_t i = 0; i < edges.size(); ++i) {
    out += EdgeLine(edges[i], i, graph, options, labels);
  }
  out += "}\n";
  return out;
}

}  // namespace entente
