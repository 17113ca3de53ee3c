// The subcommand handlers. Each is a short sequence of library calls; output
// files are written atomically.
#include "cli/commands.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <set>

#include "cli/table_printer.h"
#include "core/calendar.h"
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

// "a, b, c and 5 more" for stderr.
std::string ListSome(const std::vector<std::string>& ids) {
  std::string out;
  std::size_t shown = std::min<std::size_t>(ids.size(), 8);
  for (std::size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + ids[i];
  if (shown < ids.size()) {
    out += " and " + std::to_string(ids.size() - shown) + " more";
  }
  return out;
}

// Builds a graph from INPUTs (articles and/or events files).
Result<RelationGraph> BuildFromInputs(const Args& args,
                                      ExtractionTotals* totals) {
  RelationGraph graph;
  // A document given twice - as an article and again in an events file
  // made from it, or as two copies of one article - counts once: the
  // first time it comes.
  std::set<std::string> articles, from_events, skipped;
  Status s = RunExtraction(
      args,
      [&](DocumentAnalysis& a) {
        const std::string& id = a.document.id;
        if (from_events.count(id) || !articles.insert(id).second) {
          skipped.insert(id);
          return Status::Ok();
        }
        graph.AddDocument(id);
        for (const Event& e : a.events) graph.AddEvent(e);
        return Status::Ok();
      },
      [&](const Event& e) {
        if (articles.count(e.doc)) {
          skipped.insert(e.doc);
          return Status::Ok();
        }
        from_events.insert(e.doc);
        graph.AddEvent(e);
        return Status::Ok();
      },
      totals);
  if (!s.ok()) return s;
  if (!skipped.empty()) {
    std::cerr << "build: " << skipped.size()
              << " document(s) given more than once, counted once: "
              << ListSome({skipped.begin(), skipped.end()}) << "\n";
  }
  return graph;
}

// The whole number an option gives (at least `min`), or `fallback`.
Result<long> WholeNumber(const Args& args, const std::string& option,
                         long fallback, long min) {
  std::string text = args.Get(option);
  if (text.empty()) return fallback;
  char* end = nullptr;
  long n = std::strtol(text.c_str(), &end, 10);
  if (*end != '\0' || n < min || n > 1000000000L) {
    return Status::Usage(option + " needs a whole number, " +
                         std::to_string(min) + " or more (got '" + text + "')");
  }
  return n;
}

// The map options that render and map share: --layout, --max-nodes,
// --focus, --depth, --from, --to, --cluster-by.
Result<MapRequest> MapRequestFromArgs(const Args& args) {
  MapRequest r;
  r.layout = args.Get("--layout");
  r.view.focus = args.Get("--focus");
  r.view.from = args.Get("--from");
  r.view.to = args.Get("--to");
  for (const char* option : {"--from", "--to"}) {
    std::string d = args.Get(option);
    if (!d.empty() && !ParseIsoDate(d)) {
      return Status::Usage(std::string(option) + " needs a date YYYY-MM-DD (got '" +
                           d + "')");
    }
  }
  Result<long> max_nodes = WholeNumber(args, "--max-nodes", 0, 1);
  if (!max_nodes.ok()) return max_nodes.status();
  r.view.max_nodes = static_cast<std::size_t>(*max_nodes);
  Result<long> depth = WholeNumber(args, "--depth", 1, 1);
  if (!depth.ok()) return depth.status();
  if (!args.Get("--depth").empty() && r.view.focus.empty()) {
    return Status::Usage("--depth needs --focus ACTOR (the actor to draw around)");
  }
  r.view.depth = static_cast<int>(*depth);
  std::string cluster = args.Get("--cluster-by");
  if (!cluster.empty() && cluster != "country") {
    return Status::Usage("--cluster-by takes 'country' (got '" + cluster + "')");
  }
  r.cluster_by_country = !cluster.empty();
  return r;
}

// Tells on stderr what a map left out and which options it could not honour.
void ReportMap(const char* command, const MapRequest& request,
               const DrawnMap& map) {
  if (!map.left_out.empty()) {
    std::cerr << command << ": drew the " << map.actors
              << " most connected actors; left out " << map.left_out.size()
              << ":";
    std::size_t shown = std::min<std::size_t>(map.left_out.size(), 8);
    for (std::size_t i = 0; i < shown; ++i) {
      std::cerr << (i ? ", " : " ") << map.left_out[i].name;
    }
    if (shown < map.left_out.size()) {
      std::cerr << " and " << map.left_out.size() - shown << " more";
    }
    std::cerr << " (raise --max-nodes to draw them)\n";
  }
  if (request.cluster_by_country &&
      (map.layout == "sfdp" || map.layout == "circo")) {
    std::cerr << command << ": the " << map.layout
              << " layout draws no country boxes; use --layout fdp, or "
                 "--layout dot with fewer actors (--max-nodes, --focus)\n";
  }
  if (map.layout == "dot" &&
      (map.actors > kDotLayoutLimit || map.edges > kDotEdgeLimit)) {
    std::cerr << command << ": the dot layout may take minutes on "
              << map.actors << " actors and " << map.edges
              << " edges; sfdp is the default above " << kDotLayoutLimit
              << " actors or " << kDotEdgeLimit << " edges\n";
  }
  if (map.actors > 20000) {
    std::cerr << command << ": " << map.actors
              << " actors take minutes to lay out and make an unreadable "
                 "map; --max-nodes 2000 draws the most connected ones\n";
  }
}

// Reads the evidence sentences of an events.jsonl for tooltips.
Status ReadEvidenceTexts(const std::string& path, EvidenceTexts* texts) {
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  std::string problem;
  std::size_t bad = EvidenceTextsFromEvents(*content, texts, &problem);
  if (bad > 0 && texts->empty()) {
    return Status::InvalidInput(
        path + ": no event could be read (" + problem +
        "); --events takes the events.jsonl written by `entente extract` "
        "or `entente map`");
  }
  if (bad > 0) {
    std::cerr << "warning: " << path << ": " << bad
              << " line(s) skipped, the first at " << problem << "\n";
  }
  return Status::Ok();
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

Result<TimeFilter> TimeFilterFromArgs(const Args& args) {
  TimeFilter f{args.Get("--from"), args.Get("--to"), args.Get("--as-of")};
  if (Status s = CheckTimeFilter(f); !s.ok()) return s;
  return f;
}

namespace {

// True when saved graph JSON keeps its edges under "links".
bool UsesLinksKey(const std::string& json) {
  return json.find("\"links\":[") != std::string::npos &&
         json.find("\"edges\":[") == std::string::npos;
}

// `build --update FILE NEW...`: the saved graph plus the documents of NEW
// that it does not have yet (those it has are skipped and listed).
Result<RelationGraph> UpdateGraph(const std::string& path, const Args& args,
                                  GraphJsonOptions* options,
                                  ExtractionTotals* totals) {
  if (args.positionals.empty()) {
    return Status::Usage("build --update " + path +
                         " needs the NEW articles or events files to add");
  }
  Result<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  if (args.Get("--edges-key").empty() && UsesLinksKey(*text)) {
    options->edges_key = "links";
  }
  Result<RelationGraph> saved = GraphFromNodeLinkJson(*text, path);
  if (!saved.ok()) return saved.status();
  // New documents go to a graph of their own: an events file gives a
  // document's events one by one, and each must be checked against the
  // saved graph only.
  RelationGraph fresh;
  std::set<std::string> skipped;
  Status s = RunExtraction(
      args,
      [&](DocumentAnalysis& a) {
        if (saved->HasDocument(a.document.id)) {
          skipped.insert(a.document.id);
          return Status::Ok();
        }
        fresh.AddDocument(a.document.id);
        for (const Event& e : a.events) fresh.AddEvent(e);
        return Status::Ok();
      },
      [&](const Event& e) {
        if (saved->HasDocument(e.doc)) {
          skipped.insert(e.doc);
        } else {
          fresh.AddEvent(e);
        }
        return Status::Ok();
      },
      totals);
  if (!s.ok()) return s;
  if (!skipped.empty()) {
    std::cerr << "build: skipped " << skipped.size() << " document(s) already in "
              << path << ": "
              << ListSome({skipped.begin(), skipped.end()}) << "\n";
  }
  saved->Merge(fresh);
  return std::move(*saved);
}

}  // namespace

Status RunBuild(const Args& args) {
  std::string update = args.Get("--update");
  std::string out = args.Get("-o", update);
  if (out.empty()) {
    return Status::Usage("build needs -o graph.json (or --update graph.json)");
  }
  Result<GraphJsonOptions> options = JsonOptions(args);
  if (!options.ok()) return options.status();
  Result<TimeFilter> time = TimeFilterFromArgs(args);
  if (!time.ok()) return time.status();
  if (!update.empty() && !time->empty()) {
    return Status::Usage("--update keeps the whole graph; --from, --to and "
                         "--as-of cannot go with it (filter a copy instead)");
  }
  ExtractionTotals totals;
  Result<RelationGraph> graph =
      update.empty() ? BuildFromInputs(args, &totals)
                     : UpdateGraph(update, args, &*options, &totals);
  if (!graph.ok()) return graph.status();
  if (!time->empty()) {
    graph = FilterByTime(*graph, *time);
    if (!graph.ok()) return graph.status();
  }
  Status s = WriteFileAtomically(out, GraphToNodeLinkJson(*graph, *options) +
                                          "\n");
  if (!s.ok()) return s;
  std::cerr << "build: " << graph->actor_count() << " actors, "
            << graph->edge_count() << " edges from "
            << graph->document_count() << " documents -> " << out << "\n";
  return Status::Ok();
}

Status RunMerge(const Args& args) {
  std::string out = args.Get("-o");
  if (out.empty()) return Status::Usage("merge needs -o all.json");
  if (args.positionals.empty()) {
    return Status::Usage("merge needs the graph.json files to merge");
  }
  Result<GraphJsonOptions> options = JsonOptions(args);
  if (!options.ok()) return options.status();
  RelationGraph all;
  for (const std::string& path : args.positionals) {
    Result<RelationGraph> part = LoadGraph(path);
    if (!part.ok()) return part.status();
    std::vector<std::string> again = all.MergeNewDocuments(*part);
    if (!again.empty()) {
      std::cerr << "merge: " << path << ": " << again.size()
                << " document(s) already in an earlier input, counted once: "
                << ListSome(again) << "\n";
    }
  }
  Status s = WriteFileAtomically(out, GraphToNodeLinkJson(all, *options) + "\n");
  if (!s.ok()) return s;
  std::cerr << "merge: " << args.positionals.size() << " graphs, "
            << all.actor_count() << " actors, " << all.edge_count()
            << " edges from " << all.document_count() << " documents -> "
            << out << "\n";
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
  q.as_of = args.Get("--as-of");
  for (const std::string& how : args.All("--how")) {
    for (std::size_t start = 0; start <= how.size();) {
      std::size_t comma = std::min(how.find(',', start), how.size());
      q.how.push_back(how.substr(start, comma - start));
      start = comma + 1;
    }
  }
  Result<long> min_sources = WholeNumber(args, "--min-sources", 0, 1);
  if (!min_sources.ok()) return min_sources.status();
  q.min_sources = static_cast<std::size_t>(*min_sources);
  if (Status t = CheckTimeFilter({q.from, q.to, q.as_of}); !t.ok()) return t;
  ExtractionTotals totals;
  Result<RelationGraph> graph = graph_path.empty()
                                    ? BuildFromInputs(inputs, &totals)
                                    : LoadGraph(graph_path);
  if (!graph.ok()) return graph.status();
  Result<std::vector<WhoMetRow>> rows = WhoMet(*graph, q);
  if (!rows.ok()) return rows.status();
  if (args.Has("--json") && args.Has("--csv")) {
    return Status::Usage("give --json or --csv, not both");
  }
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
      w.Key("mentions").Int(static_cast<long long>(r.mentions));
      w.Key("evidence").BeginArray();
      for (const EvidenceRef& e : r.evidence) {
        w.BeginObject().Key("doc").String(e.doc).Key("sentence");
        // Graphs saved by older versions lack some affiliation sentences.
        if (e.sentence == kUnknownSentence) {
          w.Null();
        } else {
          w.Int(static_cast<long long>(e.sentence));
        }
        w.EndObject();
      }
      w.EndArray().EndObject();
      std::cout << w.Take() << "\n";
    }
    return Status::Ok();
  }
  TablePrinter table({"date", "actor", "actor", "how", "where", "sources"});
  for (const WhoMetRow& r : *rows) {
    table.AddRow({r.date, r.a.name, r.b.name, r.how, r.where,
                  std::to_string(r.sources)});
  }
  std::fputs(args.Has("--csv") ? table.Csv().c_str() : table.Aligned().c_str(),
             stdout);
  if (rows->empty()) std::fprintf(stderr, "who-met: no matching contacts\n");
  return Status::Ok();
}

Status RunRender(const Args& args) {
  if (args.positionals.size() != 1) {
    return Status::Usage("render takes one graph.json");
  }
  std::string out = args.Get("-o");
  if (out.empty()) {
    return Status::Usage("render needs -o map.svg|map.html|map.png|map.pdf|map.dot");
  }
  std::string format = args.Get("--format", ExtensionOf(out));
  if (format == "htm") format = "html";
  if (format != "svg" && format != "dot" && format != "png" &&
      format != "pdf" && format != "html") {
    return Status::Usage("cannot tell the format of '" + out +
                         "': use .svg, .html, .png, .pdf or .dot, or --format");
  }
  Result<MapRequest> request = MapRequestFromArgs(args);
  if (!request.ok()) return request.status();
  request->formats = {format};
  EvidenceTexts texts;
  if (std::string events = args.Get("--events"); !events.empty()) {
    if (Status s = ReadEvidenceTexts(events, &texts); !s.ok()) return s;
    request->evidence = &texts;
  }
  Result<RelationGraph> graph = LoadGraph(args.positionals[0]);
  if (!graph.ok()) return graph.status();
  Result<DrawnMap> map = DrawMap(*graph, *request);
  if (!map.ok()) return map.status();
  ReportMap("render", *request, *map);
  if (Status s = WriteFileAtomically(out, map->outputs[format]); !s.ok()) {
    return s;
  }
  if (out != "-") {
    std::cerr << "render: " << map->actors << " actors, " << map->edges
              << " edges (" << map->layout << " layout) -> " << out << "\n";
  }
  return Status::Ok();
}

Status RunMap(const Args& args) {
  std::string dir = args.Get("-o");
  if (dir.empty()) return Status::Usage("map needs -o DIR");
  Result<GraphJsonOptions> options = JsonOptions(args);
  if (!options.ok()) return options.status();
  Result<MapRequest> request = MapRequestFromArgs(args);
  if (!request.ok()) return request.status();
  request->formats = {"dot", "svg", "html"};
  std::string events;
  EvidenceTexts texts;
  RelationGraph graph;
  ExtractionTotals totals;
  Status s = RunExtraction(
      args,
      [&](DocumentAnalysis& a) {
        graph.AddDocument(a.document.id);
        for (const Event& e : a.events) {
          events += EventToJson(e) + "\n";
          graph.AddEvent(e);
          texts.emplace(EvidenceKey{e.doc, e.sentence}, e.evidence_text);
        }
        return Status::Ok();
      },
      nullptr, &totals);
  if (!s.ok()) return s;
  request->evidence = &texts;
  Result<DrawnMap> map = DrawMap(graph, *request);
  if (!map.ok()) return map.status();
  ReportMap("map", *request, *map);
  if (Status m = MakeDirectories(dir); !m.ok()) return m;
  std::string graph_json = GraphToNodeLinkJson(graph, *options) + "\n";
  for (const auto& [name, content] :
       {std::pair<std::string, const std::string*>{"events.jsonl", &events},
        {"graph.json", &graph_json},
        {"map.dot", &map->outputs["dot"]},
        {"map.svg", &map->outputs["svg"]},
        {"map.html", &map->outputs["html"]}}) {
    if (Status w = WriteFileAtomically(dir + "/" + name, *content); !w.ok()) {
      return w;
    }
  }
  std::cerr << "map: " << totals.documents << " documents, " << totals.events
            << " events, " << graph.actor_count() << " actors, "
            << graph.edge_count() << " edges\n"
            << "  " << dir << "/map.html     the map to explore in a browser "
               "(search, dates, evidence)\n"
            << "  " << dir << "/map.svg      the map as a picture ("
            << map->actors << " actors, " << map->layout << " layout)\n"
            << "  " << dir << "/map.dot      the same map as Graphviz DOT\n"
            << "  " << dir << "/graph.json   the graph (networkx node-link)\n"
            << "  " << dir << "/events.jsonl the events, one per line\n";
  return Status::Ok();
}

}  // namespace entente::cli
