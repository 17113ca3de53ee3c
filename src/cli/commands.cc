// The subcommand handlers. Each is a short sequence of library calls; output
// files are written atomically.
#include "cli/commands.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "core/files.h"
#include "core/json_writer.h"
#include "entente/export.h"
#include "entente/query.h"

namespace entente::cli {
namespace {

std::string ExtensionOf(const std::string& path) {
  std::size_t dot = path.rfind('.');
  std::size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return "";
  }
  std::string e = path.substr(dot + 1);
  std::transform(e.begin(), e.end(), e.begin(), ::tolower);
  return e;
}

// Graph JSON options from --edges-key.
Result<GraphJsonOptions> JsonOptions(const Args& args) {
  GraphJsonOptions o;
  o.edges_key = args.Get("--edges-key", "edges");
  if (o.edges_key != "edges" && o.edges_key != "links") {
    return Status::Usage("--edges-key must be 'edges' or 'links'");
  }
  return o;
}

// Builds a graph from INPUTs (articles and/or events files).
Result<RelationGraph> BuildFromInputs(const Args& args,
                                      ExtractionTotals* totals) {
  RelationGraph graph;
  Status s = RunExtraction(
      args,
      [&](DocumentAnalysis& a) {
        graph.AddDocument(a.document.id);
        for (const Event& e : a.events) graph.AddEvent(e);
        return Status::Ok();
      },
      [&](const Event& e) {
        graph.AddEvent(e);
        return Status::Ok();
      },
      totals);
  if (!s.ok()) return s;
  return graph;
}

Result<std::string> Render(const RelationGraph& graph,
                           const std::string& format,
                           const std::string& layout_arg) {
  std::string dot = GraphToDot(graph);
  if (format == "dot") return dot;
  std::string layout = layout_arg;
  if (layout.empty()) layout = graph.actor_count() > 150 ? "sfdp" : "dot";
  return RenderDot(dot, format, layout);
}

}  // namespace

namespace {

// Streams one output line per document (or per event) to -o or stdout.
Status WriteLinesPerDocument(
    const Args& args, const char* command,
    const std::function<std::string(const DocumentAnalysis&)>& lines) {
  std::string out = args.Get("-o", "-");
  AtomicFile file;
  if (Status s = file.Open(out); !s.ok()) return s;
  ExtractionTotals totals;
  Status s = RunExtraction(
      args,
      [&](DocumentAnalysis& a) { return file.Append(lines(a)); }, nullptr,
      &totals);
  if (!s.ok()) return s;
  if (Status c = file.Commit(); !c.ok()) return c;
  if (out != "-") {
    std::cerr << command << ": " << totals.documents << " documents, "
              << totals.events << " events -> " << out << "\n";
  }
  return Status::Ok();
}

}  // namespace

Status RunExtract(const Args& args) {
  return WriteLinesPerDocument(args, "extract", [](const DocumentAnalysis& a) {
    std::string lines;
    for (const Event& e : a.events) lines += EventToJson(e) + "\n";
    return lines;
  });
}

Status RunAnnotate(const Args& args) {
  return WriteLinesPerDocument(args, "annotate", [](const DocumentAnalysis& a) {
    return AnnotationToJson(a) + "\n";
  });
}

Status RunBuild(const Args& args) {
  std::string out = args.Get("-o");
  if (out.empty()) return Status::Usage("build needs -o graph.json");
  Result<GraphJsonOptions> options = JsonOptions(args);
  if (!options.ok()) return options.status();
  ExtractionTotals totals;
  Result<RelationGraph> graph = BuildFromInputs(args, &totals);
  if (!graph.ok()) return graph.status();
  Status s = WriteFileAtomically(out, GraphToNodeLinkJson(*graph, *options) +
                                          "\n");
  if (!s.ok()) return s;
  std::cerr << "build: " << graph->actor_count() << " actors, "
            << graph->edge_count() << " edges from "
            << graph->documents().size() << " documents -> " << out << "\n";
  return Status::Ok();
}

Status RunWhoMet(const Args& args) {
  WhoMetQuery q;
  Args inputs = args;
  inputs.positionals.clear();
  std::string graph_path = args.Get("--graph");
  if (!args.positionals.empty()) q.actor = args.positionals[0];
  if (graph_path.empty() && args.positionals.size() > 1) {
    inputs.positionals.assign(args.positionals.begin() + 1,
                              args.positionals.end());
  } else if (args.positionals.size() > 1) {
    return Status::Usage("who-met takes one ACTOR; give INPUTs or --graph");
  }
  if (graph_path.empty() && inputs.positionals.empty()) {
    return Status::Usage("who-met needs --graph graph.json or INPUT files "
                         "after the ACTOR (use '' for any actor)");
  }
  q.with = args.Get("--with");
  q.from = args.Get("--from");
  q.to = args.Get("--to");
  ExtractionTotals totals;
  Result<RelationGraph> graph = graph_path.empty()
                                    ? BuildFromInputs(inputs, &totals)
                                    : LoadGraph(graph_path);
  if (!graph.ok()) return graph.status();
  Result<std::vector<WhoMetRow>> rows = WhoMet(*graph, q);
  if (!rows.ok()) return rows.status();
  if (args.Has("--json")) {
    JsonWriter w;
    for (const WhoMetRow& r : *rows) {
      w.BeginObject();
      w.Key("date").StringOrNull(r.date);
      w.Key("a").String(r.a.id).Key("a_name").String(r.a.name);
      w.Key("b").String(r.b.id).Key("b_name").String(r.b.name);
      w.Key("how").String(r.how);
      w.Key("where").StringOrNull(r.where);
      w.Key("sources").Int(static_cast<long long>(r.sources));
      w.Key("evidence").BeginArray();
      for (const EvidenceRef& e : r.evidence) {
        w.BeginObject().Key("doc").String(e.doc);
        w.Key("sentence").Int(static_cast<long long>(e.sentence)).EndObject();
      }
      w.EndArray().EndObject();
      std::cout << w.Take() << "\n";
    }
    return Status::Ok();
  }
  std::size_t wa = 5, wb = 5;
  for (const WhoMetRow& r : *rows) {
    wa = std::max(wa, r.a.name.size());
    wb = std::max(wb, r.b.name.size());
  }
  std::printf("%-10s  %-*s  %-*s  %-8s  %-16s  %s\n", "date", int(wa), "actor",
              int(wb), "actor", "how", "where", "sources");
  for (const WhoMetRow& r : *rows) {
    std::printf("%-10s  %-*s  %-*s  %-8s  %-16s  %zu\n",
                r.date.empty() ? "-" : r.date.c_str(), int(wa),
                r.a.name.c_str(), int(wb), r.b.name.c_str(), r.how.c_str(),
                r.where.empty() ? "-" : r.where.c_str(), r.sources);
  }
  if (rows->empty()) std::fprintf(stderr, "who-met: no matching contacts\n");
  return Status::Ok();
}

Status RunRender(const Args& args) {
  if (args.positionals.size() != 1) {
    return Status::Usage("render takes one graph.json");
  }
  std::string out = args.Get("-o");
  if (out.empty()) return Status::Usage("render needs -o map.svg|map.dot|map.png|map.pdf");
  std::string format = args.Get("--format", ExtensionOf(out));
  if (format != "svg" && format != "dot" && format != "png" &&
      format != "pdf") {
    return Status::Usage("cannot tell the format of '" + out +
                         "': use .svg, .dot, .png or .pdf, or --format");
  }
  Result<RelationGraph> graph = LoadGraph(args.positionals[0]);
  if (!graph.ok()) return graph.status();
  Result<std::string> data = Render(*graph, format, args.Get("--layout"));
  if (!data.ok()) return data.status();
  return WriteFileAtomically(out, *data);
}

Status RunMap(const Args& args) {
  std::string dir = args.Get("-o");
  if (dir.empty()) return Status::Usage("map needs -o DIR");
  Result<GraphJsonOptions> options = JsonOptions(args);
  if (!options.ok()) return options.status();
  std::string events;
  RelationGraph graph;
  ExtractionTotals totals;
  Status s = RunExtraction(
      args,
      [&](DocumentAnalysis& a) {
        graph.AddDocument(a.document.id);
        for (const Event& e : a.events) {
          events += EventToJson(e) + "\n";
          graph.AddEvent(e);
        }
        return Status::Ok();
      },
      nullptr, &totals);
  if (!s.ok()) return s;
  std::string dot = GraphToDot(graph);
  Result<std::string> svg = Render(graph, "svg", args.Get("--layout"));
  if (!svg.ok()) return svg.status();
  if (Status m = MakeDirectories(dir); !m.ok()) return m;
  for (const auto& [name, content] :
       {std::pair<std::string, const std::string*>{"events.jsonl", &events},
        {"map.dot", &dot},
        {"map.svg", &*svg}}) {
    if (Status w = WriteFileAtomically(dir + "/" + name, *content); !w.ok()) {
      return w;
    }
  }
  if (Status w = WriteFileAtomically(
          dir + "/graph.json", GraphToNodeLinkJson(graph, *options) + "\n");
      !w.ok()) {
    return w;
  }
  std::cerr << "map: " << totals.documents << " documents, " << totals.events
            << " events, " << graph.actor_count() << " actors, "
            << graph.edge_count() << " edges\n"
            << "  " << dir << "/map.svg      the map (open it in a browser)\n"
            << "  " << dir << "/map.dot      the same map as Graphviz DOT\n"
            << "  " << dir << "/graph.json   the graph (networkx node-link)\n"
            << "  " << dir << "/events.jsonl the events, one per line\n";
  return Status::Ok();
}

}  // namespace entente::cli
