// DOT output: our own writer (Boost's does not escape backslashes), styled
// so a map reads at a glance: shape by kind of actor, fill colour by
// country, edge colour by CAMEO quad class, width by number of sources,
// affiliation edges dashed grey, and a legend.
#include <cmath>
#include <cstdio>
#include <map>

#include "entente/export.h"

namespace entente {
namespace {

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      continue;
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

const char* ShapeOf(const std::string& kind) {
  if (kind == "person") return "ellipse";
  if (kind == "state") return "box";
  if (kind == "organization") return "hexagon";
  return "octagon";
}

// A pastel colour per country, stable across runs (FNV-1a of the code).
std::string ColourOf(const std::string& country) {
  static const char* kPalette[] = {
      "#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#ffff99",
      "#8dd3c7", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69",
      "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f", "#e5c494"};
  if (country.empty()) return "#f0f0f0";
  std::uint32_t h = 2166136261u;
  for (char c : country) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return kPalette[h % std::size(kPalette)];
}

const char* QuadColour(int quad) {
  switch (quad) {
    case 1: return "#1a9850";  // verbal cooperation
    case 2: return "#2166ac";  // material cooperation
    case 3: return "#f46d43";  // verbal conflict
    case 4: return "#a50026";  // material conflict
    default: return "#999999";
  }
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

void WriteLegend(std::string& out) {
  out += "  subgraph cluster_legend {\n"
         "    label=\"Legend\"; fontsize=10; color=\"#cccccc\";\n"
         "    node [fontsize=9, style=filled, fillcolor=\"#ffffff\"];\n"
         "    legend_person [label=\"person\", shape=ellipse];\n"
         "    legend_state [label=\"state\", shape=box];\n"
         "    legend_org [label=\"organization\", shape=hexagon];\n"
         "    legend_group [label=\"group\", shape=octagon];\n"
         "    legend_q1 [label=\"verbal cooperation\", shape=plaintext, "
         "fontcolor=\"#1a9850\"];\n"
         "    legend_q2 [label=\"material cooperation\", shape=plaintext, "
         "fontcolor=\"#2166ac\"];\n"
         "    legend_q3 [label=\"verbal conflict\", shape=plaintext, "
         "fontcolor=\"#f46d43\"];\n"
         "    legend_q4 [label=\"material conflict\", shape=plaintext, "
         "fontcolor=\"#a50026\"];\n"
         "    legend_person -> legend_state -> legend_org -> legend_group "
         "[style=invis];\n"
         "    legend_q1 -> legend_q2 -> legend_q3 -> legend_q4 "
         "[style=invis];\n"
         "  }\n";
}

}  // namespace

std::string GraphToDot(const RelationGraph& graph, const DotOptions& options) {
  std::string out;
  out += "digraph entente {\n";
  out += "  graph [rankdir=LR, overlap=false, splines=true, "
         "fontname=\"Helvetica\", label=\"entente relation map\", "
         "labelloc=t];\n";
  out += "  node [fontname=\"Helvetica\", fontsize=11, style=filled];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (const Actor& a : graph.actors()) {
    std::string tip = a.name;
    if (!a.role.empty()) tip += ", " + a.role;
    if (!a.code.empty()) tip += " (" + a.code + ")";
    out += "  " + Quote(a.id) + " [label=" + Quote(a.name) +
           ", shape=" + ShapeOf(a.kind) +
           ", fillcolor=" + Quote(ColourOf(a.country)) +
           ", tooltip=" + Quote(tip) + "];\n";
  }
  for (const RelationEdge& e : graph.edges()) {
    std::string attrs;
    if (e.relation == "affiliation") {
      attrs = "style=dashed, color=\"#bbbbbb\", arrowhead=none, tooltip=" +
              Quote(e.role.empty() ? "affiliation" : e.role);
    } else {
      std::string dates = e.first() == e.last()
                              ? e.first()
                              : e.first() + " to " + e.last();
      std::string label = e.relation;
      if (!dates.empty()) label += "\n" + dates;
      double width = 1.0 + std::log2(1.0 + double(e.documents.size()));
      attrs = "color=" + Quote(QuadColour(e.quad)) +
              ", penwidth=" + Fixed(width) +
              ", tooltip=" + Quote(e.relation + " (CAMEO " + e.cameo + "), " +
                                   dates + ", " +
                                   std::to_string(e.documents.size()) +
                                   " source(s)");
      if (options.edge_labels) attrs += ", label=" + Quote(label);
      if (e.symmetric) attrs += ", dir=both";
    }
    out += "  " + Quote(e.source) + " -> " + Quote(e.target) + " [" + attrs +
           "];\n";
  }
  WriteLegend(out);
  out += "}\n";
  return out;
}

}  // namespace entente
