// The analysis commands: each loads graph.json (--graph), runs one library
// query (entente/analysis.h) and prints its rows as an aligned table, as
// JSON (--json) or as CSV (--csv).
#include "cli/query_commands.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/table_printer.h"
#include "core/files.h"
#include "core/json_writer.h"
#include "entente/analysis.h"
#include "entente/export.h"

namespace entente::cli {
namespace {

enum class Output { kTable, kJson, kCsv };

Result<Output> OutputOf(const Args& args) {
  if (args.Has("--json") && args.Has("--csv")) {
    return Status::Usage("give --json or --csv, not both");
  }
  if (args.Has("--json")) return Output::kJson;
  return args.Has("--csv") ? Output::kCsv : Output::kTable;
}

Result<RelationGraph> GraphOf(const Args& args, const std::string& command) {
  std::string path = args.Get("--graph");
  if (path.empty()) {
    return Status::Usage(command + " needs --graph graph.json (written by "
                         "`entente build` or `entente map`)");
  }
  return LoadGraph(path);
}

TimeWindow WindowOf(const Args& args) {
  return {args.Get("--from"), args.Get("--to")};
}

Status CheckPositionals(const Args& args, const std::string& command,
                        std::size_t min, std::size_t max,
                        const std::string& what) {
  if (args.positionals.size() < min || args.positionals.size() > max) {
    return Status::Usage(command + " takes " + what);
  }
  return Status::Ok();
}

std::string Num(std::size_t n) { return std::to_string(n); }

std::string Joined(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string DateSpan(const std::string& first, const std::string& last) {
  if (first.empty()) return "";
  return first == last ? first : first + ".." + last;
}

void Print(const TablePrinter& table, Output output) {
  std::fputs(output == Output::kCsv ? table.Csv().c_str()
                                    : table.Aligned().c_str(),
             stdout);
}

void WriteActor(JsonWriter& w, const char* key, const Actor& a) {
  w.Key(key).BeginObject();
  w.Key("id").String(a.id).Key("name").String(a.name);
  w.Key("kind").StringOrNull(a.kind).Key("country").StringOrNull(a.country);
  w.EndObject();
}

// ---- timeline ---------------------------------------------------------------

// The evidence sentences: from --events, or from an events.jsonl lying
// beside the graph (where `entente map` puts both); none otherwise.
Status LoadEvidenceTexts(const Args& args, EvidenceTexts* texts) {
  std::string path = args.Get("--events");
  if (path.empty()) {
    std::filesystem::path beside =
        std::filesystem::path(args.Get("--graph")).parent_path() /
        "events.jsonl";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(beside, ec)) return Status::Ok();
    path = beside.string();
  }
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  std::string problem;
  std::size_t bad = EvidenceTextsFromEvents(*content, texts, &problem);
  if (bad > 0) {
    std::cerr << "warning: " << path << ": " << bad
              << " line(s) not read as events, the first at " << problem
              << "\n";
  }
  return Status::Ok();
}

// "doc#sentence" ("doc" alone when the sentence is not known).
std::string RefText(const EvidenceRef& r) {
  return r.sentence == kUnknownSentence
             ? r.doc
             : r.doc + "#" + std::to_string(r.sentence);
}

std::string EvidenceNote(const EvidenceRef& r, const EvidenceTexts& texts) {
  std::string ref = RefText(r);
  auto it = texts.find({r.doc, r.sentence});
  return it == texts.end() ? ref : ref + ": " + it->second;
}

void PrintTimelineJson(const std::vector<TimelineEntry>& rows,
                       const EvidenceTexts& texts) {
  JsonWriter w;
  for (const TimelineEntry& t : rows) {
    w.BeginObject();
    w.Key("date").StringOrNull(t.date);
    WriteActor(w, "source", t.source);
    w.Key("relation").String(t.relation);
    WriteActor(w, "target", t.target);
    w.Key("cameo").StringOrNull(t.cameo).Key("plover").StringOrNull(t.plover);
    w.Key("quad").Int(t.quad).Key("symmetric").Bool(t.symmetric);
    w.Key("location").StringOrNull(t.location);
    w.Key("mentions").Int(static_cast<long long>(t.mentions));
    w.Key("sources").Int(static_cast<long long>(t.sources));
    w.Key("evidence").BeginArray();
    for (const EvidenceRef& r : t.evidence) {
      w.BeginObject().Key("doc").String(r.doc);
      if (r.sentence == kUnknownSentence) {
        w.Key("sentence").Null();
      } else {
        w.Key("sentence").Int(static_cast<long long>(r.sentence));
      }
      w.Key("mentions").Int(static_cast<long long>(r.mentions));
      auto it = texts.find({r.doc, r.sentence});
      w.Key("text").StringOrNull(it == texts.end() ? "" : it->second);
      w.EndObject();
    }
    w.EndArray().EndObject();
    std::cout << w.Take() << "\n";
  }
}

}  // namespace

Status RunTimeline(const Args& args) {
  if (Status s = CheckPositionals(args, "timeline", 1, 2, "ACTOR [ACTOR]");
      !s.ok()) {
    return s;
  }
  Result<Output> output = OutputOf(args);
  if (!output.ok()) return output.status();
  Result<RelationGraph> graph = GraphOf(args, "timeline");
  if (!graph.ok()) return graph.status();
  TimelineQuery q;
  q.actor = args.positionals[0];
  if (args.positionals.size() > 1) q.with = args.positionals[1];
  q.relation = args.Get("--relation");
  q.window = WindowOf(args);
  Result<std::vector<TimelineEntry>> rows = Timeline(*graph, q);
  if (!rows.ok()) return rows.status();
  EvidenceTexts texts;
  if (Status s = LoadEvidenceTexts(args, &texts); !s.ok()) return s;
  if (*output == Output::kJson) {
    PrintTimelineJson(*rows, texts);
  } else {
    TablePrinter table({"date", "source", "relation", "target", "where",
                        "sources", "evidence"});
    for (const TimelineEntry& t : *rows) {
      std::vector<std::string> refs, notes;
      for (const EvidenceRef& r : t.evidence) {
        refs.push_back(RefText(r));
        notes.push_back(EvidenceNote(r, texts));
      }
      table.AddRow({t.date, t.source.name, t.relation, t.target.name,
                    t.location, Num(t.sources), Joined(refs, ";")},
                   notes);
    }
    Print(table, *output);
  }
  if (rows->empty()) std::fprintf(stderr, "timeline: no matching events\n");
  return Status::Ok();
}

// ---- neighbors --------------------------------------------------------------

Status RunNeighbors(const Args& args) {
  if (Status s = CheckPositionals(args, "neighbors", 1, 1, "one ACTOR");
      !s.ok()) {
    return s;
  }
  Result<Output> output = OutputOf(args);
  if (!output.ok()) return output.status();
  Result<RelationGraph> graph = GraphOf(args, "neighbors");
  if (!graph.ok()) return graph.status();
  NeighborQuery q{args.positionals[0], args.Get("--relation"), WindowOf(args)};
  Result<std::vector<NeighborRow>> rows = Neighbors(*graph, q);
  if (!rows.ok()) return rows.status();
  if (*output == Output::kJson) {
    JsonWriter w;
    for (const NeighborRow& r : *rows) {
      w.BeginObject();
      WriteActor(w, "actor", r.actor);
      w.Key("relations").BeginArray();
      for (const std::string& rel : r.relations) w.String(rel);
      w.EndArray();
      w.Key("direction").String(r.direction);
      w.Key("mentions").Int(static_cast<long long>(r.mentions));
      w.Key("sources").Int(static_cast<long long>(r.sources));
      w.Key("first").StringOrNull(r.first).Key("last").StringOrNull(r.last);
      w.EndObject();
      std::cout << w.Take() << "\n";
    }
  } else {
    TablePrinter table({"actor", "id", "kind", "country", "relations",
                        "direction", "mentions", "sources", "dates"});
    for (const NeighborRow& r : *rows) {
      table.AddRow({r.actor.name, r.actor.id, r.actor.kind, r.actor.country,
                    Joined(r.relations, ","), r.direction, Num(r.mentions),
                    Num(r.sources), DateSpan(r.first, r.last)});
    }
    Print(table, *output);
  }
  if (rows->empty()) std::fprintf(stderr, "neighbors: no related actors\n");
  return Status::Ok();
}

// ---- path -------------------------------------------------------------------

namespace {

std::string StepRelations(const PathStep& s) {
  std::vector<std::string> parts;
  for (const RelationEdge& e : s.edges) {
    std::string arrow = e.symmetric ? "" : (e.source == s.from.id ? " >" : " <");
    parts.push_back(e.relation + arrow);
  }
  return Joined(parts, ",");
}

std::string StepDates(const PathStep& s) {
  std::string first, last;
  for (const RelationEdge& e : s.edges) {
    if (e.dates.empty()) continue;
    if (first.empty() || TimexBefore(e.first(), first)) first = e.first();
    if (last.empty() || TimexBefore(last, e.last())) last = e.last();
  }
  return DateSpan(first, last);
}

std::size_t StepSources(const PathStep& s) {
  std::set<std::string> docs;
  for (const RelationEdge& e : s.edges) {
    docs.insert(e.documents.begin(), e.documents.end());
  }
  return docs.size();
}

void PrintPathJson(const PathResult& p) {
  JsonWriter w;
  w.BeginObject();
  w.Key("found").Bool(!p.actors.empty());
  w.Key("length").Int(static_cast<long long>(p.steps.size()));
  w.Key("actors").BeginArray();
  for (const Actor& a : p.actors) {
    w.BeginObject().Key("id").String(a.id).Key("name").String(a.name);
    w.EndObject();
  }
  w.EndArray().Key("steps").BeginArray();
  for (const PathStep& s : p.steps) {
    w.BeginObject().Key("from").String(s.from.id).Key("to").String(s.to.id);
    w.Key("relations").BeginArray();
    for (const RelationEdge& e : s.edges) {
      w.BeginObject().Key("source").String(e.source);
      w.Key("target").String(e.target).Key("relation").String(e.relation);
      w.Key("quad").Int(e.quad);
      w.Key("sources").Int(static_cast<long long>(e.documents.size()));
      w.Key("first").StringOrNull(e.first()).Key("last").StringOrNull(e.last());
      w.EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  std::cout << w.Take() << "\n";
}

}  // namespace

Status RunPath(const Args& args) {
  if (Status s = CheckPositionals(args, "path", 2, 2, "two ACTORs"); !s.ok()) {
    return s;
  }
  Result<Output> output = OutputOf(args);
  if (!output.ok()) return output.status();
  Result<RelationGraph> graph = GraphOf(args, "path");
  if (!graph.ok()) return graph.status();
  PathQuery q;
  q.from_actor = args.positionals[0];
  q.to_actor = args.positionals[1];
  q.cooperative = args.Has("--cooperative");
  q.affiliations = args.Has("--affiliations");
  q.planned = args.Has("--planned");
  q.window = WindowOf(args);
  Result<PathResult> path = ShortestPath(*graph, q);
  if (!path.ok()) return path.status();
  if (*output == Output::kJson) {
    PrintPathJson(*path);
  } else {
    TablePrinter table({"step", "from", "relations", "to", "dates", "sources"});
    for (std::size_t i = 0; i < path->steps.size(); ++i) {
      const PathStep& s = path->steps[i];
      table.AddRow({Num(i + 1), s.from.name, StepRelations(s), s.to.name,
                    StepDates(s), Num(StepSources(s))});
    }
    if (!path->actors.empty()) Print(table, *output);
  }
  if (path->actors.empty()) {
    std::fprintf(stderr, "path: no path between '%s' and '%s'%s\n",
                 q.from_actor.c_str(), q.to_actor.c_str(),
                 q.cooperative ? " over cooperative relations" : "");
  }
  return Status::Ok();
}

// ---- top --------------------------------------------------------------------

Status RunTop(const Args& args) {
  if (Status s = CheckPositionals(args, "top", 0, 0, "no positional arguments");
      !s.ok()) {
    return s;
  }
  Result<Output> output = OutputOf(args);
  if (!output.ok()) return output.status();
  RankingQuery q;
  q.by = args.Get("--by", "degree");
  q.kind = args.Get("--kind");
  q.planned = args.Has("--planned");
  q.window = WindowOf(args);
  std::string n = args.Get("-n", "10");
  char* end = nullptr;
  long count = std::strtol(n.c_str(), &end, 10);
  if (n.empty() || *end != '\0' || count < 0 || count > 1000000000L) {
    return Status::Usage("-n needs a whole number, 0 (all) or more (got '" + n +
                         "')");
  }
  q.n = static_cast<std::size_t>(count);
  Result<RelationGraph> graph = GraphOf(args, "top");
  if (!graph.ok()) return graph.status();
  Result<std::vector<RankedActor>> rows = RankActors(*graph, q);
  if (!rows.ok()) return rows.status();
  if (*output == Output::kJson) {
    JsonWriter w;
    for (std::size_t i = 0; i < rows->size(); ++i) {
      const RankedActor& r = (*rows)[i];
      w.BeginObject().Key("rank").Int(static_cast<long long>(i + 1));
      WriteActor(w, "actor", r.actor);
      w.Key(q.by).Double(r.score);
      w.Key("degree").Int(static_cast<long long>(r.degree));
      w.Key("sources").Int(static_cast<long long>(r.sources));
      w.EndObject();
      std::cout << w.Take() << "\n";
    }
    return Status::Ok();
  }
  bool by_degree = q.by == "degree";
  std::vector<std::string> columns = {"rank", "actor", "id", "kind", "country",
                                      q.by};
  if (!by_degree) columns.push_back("degree");
  columns.push_back("sources");
  TablePrinter table(columns);
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const RankedActor& r = (*rows)[i];
    char score[32];
    std::snprintf(score, sizeof score, "%.6f", r.score);
    std::vector<std::string> cells = {Num(i + 1), r.actor.name, r.actor.id,
                                      r.actor.kind, r.actor.country,
                                      by_degree ? Num(r.degree) : score};
    if (!by_degree) cells.push_back(Num(r.degree));
    cells.push_back(Num(r.sources));
    table.AddRow(cells);
  }
  Print(table, *output);
  return Status::Ok();
}

// ---- stats ------------------------------------------------------------------

namespace {

using Section = std::pair<const char*, const std::map<std::string, StatCounts>*>;

std::vector<Section> SectionsOf(const GraphStats& st) {
  return {{"relation", &st.by_relation},
          {"quad", &st.by_quad},
          {"country", &st.by_country},
          {"month", &st.by_month}};
}

void PrintStatsJson(const GraphStats& st) {
  JsonWriter w;
  w.BeginObject();
  w.Key("actors").Int(static_cast<long long>(st.actors));
  w.Key("relations").Int(static_cast<long long>(st.relations));
  w.Key("affiliations").Int(static_cast<long long>(st.affiliations));
  w.Key("documents").Int(static_cast<long long>(st.documents));
  auto counts = [&](const StatCounts& c) {
    w.BeginObject().Key("events").Int(static_cast<long long>(c.events));
    w.Key("mentions").Int(static_cast<long long>(c.mentions));
    w.Key("sources").Int(static_cast<long long>(c.sources)).EndObject();
  };
  w.Key("total");
  counts(st.total);
  w.Key("actors_by_kind").BeginObject();
  for (const auto& [k, n] : st.actors_by_kind) {
    w.Key(k).Int(static_cast<long long>(n));
  }
  w.EndObject();
  for (const auto& [name, map] : SectionsOf(st)) {
    w.Key(std::string("by_") + name).BeginObject();
    for (const auto& [key, c] : *map) {
      w.Key(key);
      counts(c);
    }
    w.EndObject();
  }
  w.EndObject();
  std::cout << w.Take() << "\n";
}

}  // namespace

Status RunStats(const Args& args) {
  if (Status s = CheckPositionals(args, "stats", 0, 0, "no positional arguments");
      !s.ok()) {
    return s;
  }
  Result<Output> output = OutputOf(args);
  if (!output.ok()) return output.status();
  Result<RelationGraph> graph = GraphOf(args, "stats");
  if (!graph.ok()) return graph.status();
  Result<GraphStats> st = ComputeStats(*graph, WindowOf(args));
  if (!st.ok()) return st.status();
  if (*output == Output::kJson) {
    PrintStatsJson(*st);
    return Status::Ok();
  }
  TablePrinter table({"by", "key", "events", "mentions", "sources"});
  table.AddRow({"total", "", Num(st->total.events), Num(st->total.mentions),
                Num(st->total.sources)});
  for (const auto& [name, map] : SectionsOf(*st)) {
    for (const auto& [key, c] : *map) {
      table.AddRow({name, key, Num(c.events), Num(c.mentions), Num(c.sources)});
    }
  }
  if (*output == Output::kTable) {
    std::string kinds;
    for (const auto& [k, n] : st->actors_by_kind) {
      kinds += (kinds.empty() ? "" : ", ") + Num(n) + " " + k;
    }
    std::printf("%zu actors (%s), %zu relations, %zu affiliations, %zu "
                "documents\n\n",
                st->actors, kinds.c_str(), st->relations, st->affiliations,
                st->documents);
  }
  Print(table, *output);
  return Status::Ok();
}

}  // namespace entente::cli
