// `entente export`: the graph (GraphML, Cytoscape.js, node-link JSON) or the
// events (CSV, TSV) in other tools' formats, and the GDELT-style event
// table, written atomically. Events files are streamed line by line.
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>

#include "cli/commands.h"
#include "cli/query_commands.h"
#include "core/files.h"
#include "entente/analysis.h"
#include "entente/export.h"
#include "entente/exports.h"
#include "entente/ingest.h"

namespace entente::cli {
namespace {

TimeWindow WindowOf(const Args& args) {
  return {args.Get("--from"), args.Get("--to")};
}

const char* kGraphFormats[] = {"graphml", "cytoscape", "json"};

std::string FormatOf(const Args& args) {
  std::string format = args.Get("--format");
  if (!format.empty()) return format;
  std::string out = args.Get("-o");
  std::string ext = std::filesystem::path(out).extension().string();
  if (ext == ".graphml") return "graphml";
  if (ext == ".cyjs") return "cytoscape";
  if (ext == ".csv") return "csv";
  if (ext == ".tsv") return "tsv";
  return "";
}

bool IsGraphFormat(const std::string& f) {
  for (const char* g : kGraphFormats) {
    if (f == g) return true;
  }
  return false;
}

// Streams the events of an events.jsonl, calling `on_event` for each one;
// bad lines are skipped with a warning naming the first.
Status ForEachEvent(const std::string& path,
                    const std::function<Status(const Event&)>& on_event) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::IoError(path + ": no such file (--events takes the "
                           "events.jsonl of `entente extract` or `entente map`)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot be read");
  std::string line, first_problem;
  std::size_t number = 0, bad = 0, good = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Result<Event> e = ParseEventJson(line);
    if (!e.ok()) {
      if (bad++ == 0) {
        first_problem = path + ":" + std::to_string(number) + ": " + e.status().message();
      }
      continue;
    }
    ++good;
    if (Status s = on_event(*e); !s.ok()) return s;
  }
  if (bad > 0 && good == 0) {
    return Status::InvalidInput("no event could be read; " + first_problem);
  }
  if (bad > 0) {
    std::cerr << "warning: " << bad << " line(s) skipped, the first: "
              << first_problem << "\n";
  }
  return Status::Ok();
}

Status ExportEvents(const Args& args, const std::string& format,
                    const std::string& out) {
  TimeWindow window = WindowOf(args);
  if (Status s = CheckWindow(window); !s.ok()) return s;
  char sep = format == "tsv" ? '\t' : ',';
  AtomicFile file;
  if (Status s = file.Open(out); !s.ok()) return s;
  if (Status s = file.Append(EventTableHeader(sep)); !s.ok()) return s;
  std::size_t rows = 0;
  Status s = ForEachEvent(args.Get("--events"), [&](const Event& e) {
    if (!TimexOverlaps(e.date.value, window.from, window.to)) {
      return Status::Ok();
    }
    ++rows;
    return file.Append(EventTableRow(e, sep));
  });
  if (!s.ok()) return s;
  if (Status c = file.Commit(); !c.ok()) return c;
  if (out != "-") std::cerr << "export: " << rows << " events -> " << out << "\n";
  return Status::Ok();
}

// The graph an export starts from: --graph, or the events of --events
// aggregated (for the GDELT table); then the time window.
Result<RelationGraph> ExportGraph(const Args& args) {
  Result<RelationGraph> graph = RelationGraph();
  if (!args.Get("--graph").empty()) {
    graph = LoadGraph(args.Get("--graph"));
  } else {
    Status s = ForEachEvent(args.Get("--events"), [&](const Event& e) {
      graph->AddEvent(e);
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  if (!graph.ok()) return graph.status();
  return GraphInWindow(*graph, WindowOf(args));
}

Result<std::string> GraphExport(const RelationGraph& graph,
                                const std::string& format,
                                const Args& args) {
  if (format == "graphml") return GraphToGraphMl(graph);
  if (format == "cytoscape") return GraphToCytoscapeJson(graph) + "\n";
  if (format == "gdelt") return GraphToGdeltTable(graph, '\t');
  GraphJsonOptions o;
  o.edges_key = args.Get("--edges-key", "edges");
  if (o.edges_key != "edges" && o.edges_key != "links") {
    return Status::Usage("--edges-key must be 'edges' or 'links'");
  }
  return GraphToNodeLinkJson(graph, o) + "\n";
}

}  // namespace

Status RunExport(const Args& args) {
  if (!args.positionals.empty()) {
    return Status::Usage("export reads --graph FILE or --events FILE, not '" +
                         args.positionals[0] + "'");
  }
  std::string out = args.Get("-o");
  if (out.empty()) return Status::Usage("export needs -o FILE (- for stdout)");
  std::string format = FormatOf(args);
  if (format != "gdelt" && format != "csv" && format != "tsv" &&
      !IsGraphFormat(format)) {
    return Status::Usage(
        format.empty()
            ? "cannot tell the format of '" + out + "': give --format "
              "graphml|cytoscape|json|csv|tsv|gdelt"
            : "unknown --format '" + format +
                  "' (graphml, cytoscape, json, csv, tsv or gdelt)");
  }
  bool has_graph = !args.Get("--graph").empty();
  bool has_events = !args.Get("--events").empty();
  if (has_graph == has_events) {
    return Status::Usage("export reads one input: --graph graph.json or "
                         "--events events.jsonl");
  }
  if (IsGraphFormat(format) && !has_graph) {
    return Status::Usage(format + " export needs --graph graph.json");
  }
  if ((format == "csv" || format == "tsv") && !has_events) {
    return Status::Usage(format + " export lists events: it needs --events "
                         "events.jsonl");
  }
  if (format == "csv" || format == "tsv") return ExportEvents(args, format, out);
  Result<RelationGraph> graph = ExportGraph(args);
  if (!graph.ok()) return graph.status();
  Result<std::string> text = GraphExport(*graph, format, args);
  if (!text.ok()) return text.status();
  if (Status s = WriteFileAtomically(out, *text); !s.ok()) return s;
  if (out != "-") {
    std::cerr << "export: " << graph->actor_count() << " actors, "
              << graph->edge_count() << " edges (" << format << ") -> " << out
              << "\n";
  }
  return Status::Ok();
}

}  // namespace entente::cli
