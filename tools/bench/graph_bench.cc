// Google Benchmark of the relation graph on a synthetic corpus of 1,000,000
// events over 10,000 actors (issue 6's targets, each measured in the same
// run as its baseline):
//   - building the graph (AddEvent for every event, then the query index)
//     against std::sort of the same Event values by (source, target,
//     relation, date): target at most 3x;
//   - resident bytes per event, counted by this binary's operator new
//     (live bytes after building minus before): target at most 100;
//   - who-met on the busiest actor (meetings in a quarter, and all its
//     contacts) with the actor index against the same query answered by
//     scanning every edge: p99 target at least 20x lower;
//   - loading graph.json of that graph: target under 2 s (against the
//     tree reader it replaced).
//
//   meson compile -C build tools/bench/graph_bench
//   build/tools/bench/graph_bench            (prints a summary at the end)
//
// It writes /tmp/entente_graph_bench.json (635 MB) and removes it at the
// end unless ENTENTE_GRAPH_BENCH_KEEP_JSON is set.
//
// The corpus looks like news: actors' popularity is Zipf-like (exponent
// 0.8), so a few actors are in most events; 200 states and 9,800 people of
// 40 real states (so affiliation edges are made); five events a document;
// a tenth of the events are the same event reported again by another
// document; dates over ten years, mostly days, some months and undated.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <new>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <rapidjson/document.h>

#include "core/calendar.h"
#include "core/files.h"
#include "core/json_reader.h"
#include "entente/export.h"
#include "entente/graph.h"
#include "entente/query.h"

// Live heap bytes, for the resident size of the graph.
static std::atomic<long long> g_live_bytes{0};

void* operator new(std::size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  g_live_bytes += static_cast<long long>(malloc_usable_size(p));
  return p;
}
void operator delete(void* p) noexcept {
  if (!p) return;
  g_live_bytes -= static_cast<long long>(malloc_usable_size(p));
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

namespace entente {
namespace {

constexpr int kEvents = 1000000;
constexpr int kActors = 10000;
constexpr int kStates = 200;

const char* const kRealStates[] = {
    "USA", "CHN", "RUS", "FRA", "GBR", "DEU", "IND", "JPN", "KOR", "PRK",
    "IRN", "ISR", "TUR", "UKR", "AUS", "CAN", "BRA", "SAU", "EGY", "PAK",
    "AFG", "AGO", "ALB", "ARE", "ARG", "ARM", "AUT", "AZE", "BEL", "BGD",
    "BGR", "BHR", "BLR", "BOL", "BRN", "BWA", "CAF", "AND", "BEN", "BFA"};

struct RelationKind {
  const char* relation;
  const char* cameo;
  bool symmetric;
};
const RelationKind kRelations[] = {
    {"meeting", "040", true},   {"phone_call", "040", true},
    {"talks", "040", true},     {"visit", "042", false},
    {"host", "043", false},     {"criticize", "111", false},
    {"accuse", "112", false},   {"sign_agreement", "057", true},
    {"provide_aid", "070", false}, {"sanction", "163", false}};

std::vector<Actor> MakeActors() {
  std::vector<Actor> actors;
  for (int i = 0; i < kStates; ++i) {
    std::string code = i < 40 ? kRealStates[i] : "Z" + std::to_string(100 + i);
    actors.push_back({code, "State " + code, "state", code, code, ""});
  }
  for (int i = kStates; i < kActors; ++i) {
    std::string id = "person-" + std::to_string(i);
    std::string country = kRealStates[i % 40];
    actors.push_back({id, "Person " + std::to_string(i), "person", country,
                      country + "GOV", i % 3 ? "Minister" : "President"});
  }
  return actors;
}

const std::vector<Event>& Events() {
  static const std::vector<Event>* events = [] {
    std::vector<Actor> actors = MakeActors();
    std::mt19937_64 rng(42);
    // Zipf-like popularity over a random order of the actors.
    std::vector<int> order(kActors);
    for (int i = 0; i < kActors; ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<double> weights(kActors);
    for (int r = 0; r < kActors; ++r) weights[r] = 1.0 / std::pow(r + 1, 0.8);
    std::discrete_distribution<int> pick(weights.begin(), weights.end());
    std::vector<std::string> cities;
    for (int i = 0; i < 50; ++i) cities.push_back("City " + std::to_string(i));
    CivilDate start{2015, 1, 1};
    auto* out = new std::vector<Event>();
    out->reserve(kEvents);
    for (int i = 0; i < kEvents; ++i) {
      Event e;
      e.doc = "doc-" + std::to_string(i / 5);
      e.sentence = static_cast<std::size_t>(i % 5);
      if (i >= 1000 && rng() % 10 == 0) {  // another report of an event
        const Event& before = (*out)[rng() % out->size()];
        e.source = before.source;
        e.target = before.target;
        e.relation = before.relation;
        e.cameo = before.cameo;
        e.symmetric = before.symmetric;
        e.date = before.date;
        e.location = before.location;
        out->push_back(std::move(e));
        continue;
      }
      int a = order[pick(rng)], b = order[pick(rng)];
      if (a == b) b = (b + 1) % kActors;
      const RelationKind& k = kRelations[rng() % std::size(kRelations)];
      e.source = actors[a];
      e.target = actors[b];
      e.relation = k.relation;
      e.cameo = k.cameo;
      e.symmetric = k.symmetric;
      CivilDate day = AddDays(start, static_cast<long>(rng() % 3650));
      int kind = static_cast<int>(rng() % 20);
      std::string iso = FormatIsoDate(day);
      if (kind < 17) e.date = {iso, "day", "", "text"};
      else if (kind < 19) e.date = {iso.substr(0, 7), "month", "", "text"};
      if (rng() % 10 < 3) e.location = Location{cities[rng() % cities.size()], ""};
      if (rng() % 20 == 0) e.modality = "planned";
      out->push_back(std::move(e));
    }
    return out;
  }();
  return *events;
}

struct Summary {
  double build_s = 0, sort_s = 0, load_s = 0, tree_load_s = 0;
  double index_p99_us = 0, scan_p99_us = 0, index_all_p99_us = 0,
         scan_all_p99_us = 0;
  double bytes_per_event = 0, graph_bytes_per_event = 0;
  std::size_t edges = 0, mentions = 0, json_bytes = 0;
} summary;

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since)
      .count();
}

void BM_BuildGraph(benchmark::State& state) {
  const std::vector<Event>& events = Events();
  double best = 1e9;
  for (auto _ : state) {
    long long before = g_live_bytes;
    auto t0 = std::chrono::steady_clock::now();
    RelationGraph g;
    for (const Event& e : events) g.AddEvent(e);
    g.Compact();
    double s = Seconds(t0);
    best = std::min(best, s);
    summary.bytes_per_event =
        double(g_live_bytes - before) / static_cast<double>(events.size());
    summary.graph_bytes_per_event =
        double(g.MemoryBytes()) / static_cast<double>(events.size());
    summary.edges = g.edge_count();
    summary.mentions = g.mention_count();
    benchmark::DoNotOptimize(g);
  }
  summary.build_s = best;
  state.counters["bytes_per_event"] = summary.bytes_per_event;
  state.counters["edges"] = static_cast<double>(summary.edges);
}
BENCHMARK(BM_BuildGraph)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_SortEvents(benchmark::State& state) {
  const std::vector<Event>& events = Events();
  double best = 1e9;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Event> copy = events;
    state.ResumeTiming();
    auto t0 = std::chrono::steady_clock::now();
    std::sort(copy.begin(), copy.end(), [](const Event& a, const Event& b) {
      return std::tie(a.source.id, a.target.id, a.relation, a.date.value) <
             std::tie(b.source.id, b.target.id, b.relation, b.date.value);
    });
    best = std::min(best, Seconds(t0));
    benchmark::DoNotOptimize(copy);
    state.PauseTiming();
    copy.clear();
    state.ResumeTiming();
  }
  summary.sort_s = best;
}
BENCHMARK(BM_SortEvents)->Unit(benchmark::kMillisecond)->Iterations(3);

const RelationGraph& Graph() {
  static const RelationGraph* g = [] {
    auto* graph = new RelationGraph();
    for (const Event& e : Events()) graph->AddEvent(e);
    graph->Compact();
    return graph;
  }();
  return *g;
}

// The actor in the most edges.
std::string Busiest() {
  std::map<std::string, std::size_t> degree;
  for (const Event& e : Events()) {
    ++degree[e.source.id];
    ++degree[e.target.id];
  }
  return std::max_element(degree.begin(), degree.end(), [](auto& a, auto& b) {
           return a.second < b.second;
         })->first;
}

double Percentile(std::vector<double> us, int p) {
  std::sort(us.begin(), us.end());
  return us[std::min(us.size() - 1, us.size() * p / 100)];
}

// Arguments: scan every edge (1) or use the index (0); a quarter's
// meetings (1) or every contact of all time (0).
void BM_WhoMetBusiest(benchmark::State& state) {
  static const std::string actor = Busiest();
  WhoMetQuery q;
  q.actor = actor;
  q.scan_all_edges = state.range(0) == 1;
  bool narrow = state.range(1) == 1;
  if (narrow) {
    q.how = {"meeting"};
    q.from = "2020-01-01";
    q.to = "2020-03-31";
  }
  const RelationGraph& graph = Graph();
  for (int warm = 0; warm < 3; ++warm) benchmark::DoNotOptimize(WhoMet(graph, q));
  std::vector<double> us;
  std::size_t rows = 0;
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    Result<std::vector<WhoMetRow>> r = WhoMet(graph, q);
    us.push_back(Seconds(t0) * 1e6);
    rows = r.ok() ? r->size() : 0;
    benchmark::DoNotOptimize(r);
  }
  double p99 = Percentile(us, 99);
  state.counters["p50_us"] = Percentile(us, 50);
  state.counters["p99_us"] = p99;
  state.counters["rows"] = static_cast<double>(rows);
  state.SetLabel(actor);
  double* slot = narrow ? (q.scan_all_edges ? &summary.scan_p99_us
                                            : &summary.index_p99_us)
                        : (q.scan_all_edges ? &summary.scan_all_p99_us
                                            : &summary.index_all_p99_us);
  *slot = p99;
}
BENCHMARK(BM_WhoMetBusiest)
    ->ArgNames({"scan", "quarter_meetings"})
    ->Args({0, 1})
    ->Args({1, 1})
    ->Iterations(1000)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_WhoMetBusiest)
    ->ArgNames({"scan", "quarter_meetings"})
    ->Args({0, 0})
    ->Args({1, 0})
    ->Iterations(50)
    ->Unit(benchmark::kMicrosecond);

constexpr char kJsonPath[] = "/tmp/entente_graph_bench.json";

// The graph.json of Graph(), written once (removed by main()).
const std::string& GraphJson() {
  static const std::string* json = [] {
    auto* text = new std::string(GraphToNodeLinkJson(Graph()) + "\n");
    summary.json_bytes = text->size();
    if (!WriteFileAtomically(kJsonPath, *text).ok()) std::abort();
    return text;
  }();
  return *json;
}

// The reader graph_json_reader.cc replaced (a RapidJSON document, then a
// RelationEdge of strings and sets per edge, added with AddEdge): the
// baseline of the load time.
Result<RelationGraph> TreeGraphFromNodeLinkJson(std::string_view json,
                                                const std::string& origin) {
  using rapidjson::Value;
  auto str = [](const Value& v, const char* key) { return JsonString(v, key); };
  auto size = [](const Value& v, const char* key) -> std::size_t {
    auto it = v.FindMember(key);
    return it != v.MemberEnd() && it->value.IsUint64() ? it->value.GetUint64()
                                                       : 0;
  };
  rapidjson::Document v;
  v.Parse(json.data(), json.size());
  if (v.HasParseError() || !v.IsObject() || !v.HasMember("nodes") ||
      !v["nodes"].IsArray()) {
    return Status::InvalidInput(origin + ": not a graph");
  }
  const char* edges_key = v.HasMember("edges") ? "edges" : "links";
  if (!v.HasMember(edges_key) || !v[edges_key].IsArray()) {
    return Status::InvalidInput(origin + ": /edges: missing or not an array");
  }
  RelationGraph g;
  if (auto it = v.FindMember("graph");
      it != v.MemberEnd() && it->value.IsObject()) {
    std::set<std::string> docs;
    JsonStrings(it->value, "documents", &docs);
    for (const auto& d : docs) g.AddDocument(d);
  }
  for (const Value& n : v["nodes"].GetArray()) {
    if (!n.IsObject() || str(n, "id").empty()) {
      return Status::InvalidInput(origin + ": bad node");
    }
    g.AddActor(Actor{str(n, "id"), str(n, "name"), str(n, "kind"),
                     str(n, "country"), str(n, "code"), str(n, "role")});
  }
  for (const Value& e : v[edges_key].GetArray()) {
    if (!e.IsObject() || str(e, "source").empty() ||
        str(e, "target").empty() || str(e, "relation").empty()) {
      return Status::InvalidInput(origin + ": bad edge");
    }
    RelationEdge edge;
    edge.source = str(e, "source");
    edge.target = str(e, "target");
    edge.relation = str(e, "relation");
    edge.cameo = str(e, "cameo");
    edge.plover = str(e, "plover");
    edge.role = str(e, "role");
    auto quad = e.FindMember("quad");
    edge.quad = quad != e.MemberEnd() && quad->value.IsInt()
                    ? quad->value.GetInt()
                    : 0;
    auto sym = e.FindMember("symmetric");
    edge.symmetric = sym != e.MemberEnd() && sym->value.IsBool() &&
                     sym->value.GetBool();
    edge.count = size(e, "count");
    if (!JsonStrings(e, "dates", &edge.dates) ||
        !JsonStrings(e, "documents", &edge.documents)) {
      return Status::InvalidInput(origin + ": bad edge");
    }
    if (auto ev = e.FindMember("evidence");
        ev != e.MemberEnd() && ev->value.IsArray()) {
      for (const auto& r : ev->value.GetArray()) {
        if (!r.IsObject()) continue;
        auto sentence = r.FindMember("sentence");
        bool known = sentence != r.MemberEnd() && !sentence->value.IsNull();
        auto mentions = r.FindMember("mentions");
        edge.evidence.insert(
            {str(r, "doc"), known ? size(r, "sentence") : kUnknownSentence,
             str(r, "date"), str(r, "location"),
             mentions != r.MemberEnd() ? size(r, "mentions") : 1});
      }
    }
    g.AddEdge(edge);
  }
  return g;
}

// Times `load` (returning Result<RelationGraph>) plus building the query
// index, best of the state's iterations; `after` sees each loaded graph
// outside the timing and returns false to stop.
template <typename Load, typename After>
double BestLoad(benchmark::State& state, Load load, After after) {
  double best = 1e9;
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    Result<RelationGraph> g = load();
    if (!g.ok()) {
      state.SkipWithError(g.status().message().c_str());
      break;
    }
    g->Compact();
    best = std::min(best, Seconds(t0));
    benchmark::DoNotOptimize(g);
    state.PauseTiming();
    if (!after(*g)) break;  // skipped with an error: timing stays paused
    state.ResumeTiming();
  }
  return best;
}

// Loading graph.json as the CLI does (ReadGraphJsonFile), and the query
// index: best of three. The first run also checks that the loaded graph
// writes the same graph.json, byte for byte.
void BM_LoadGraphJson(benchmark::State& state) {
  const std::string& json = GraphJson();
  static bool checked = false;
  summary.load_s = BestLoad(
      state, [] { return ReadGraphJsonFile(kJsonPath); },
      [&](const RelationGraph& g) {
        if (checked) return true;
        checked = true;
        if (GraphToNodeLinkJson(g) + "\n" != json) {
          state.SkipWithError("the loaded graph writes another graph.json");
          return false;
        }
        return true;
      });
  state.counters["json_MB"] = double(summary.json_bytes) / 1e6;
}
BENCHMARK(BM_LoadGraphJson)->Unit(benchmark::kMillisecond)->Iterations(3);

// The baseline: the whole file read into a string, then the tree reader.
void BM_LoadGraphJsonTree(benchmark::State& state) {
  GraphJson();
  summary.tree_load_s = BestLoad(
      state,
      [] {
        Result<std::string> text = ReadWholeFile(kJsonPath);
        return text.ok() ? TreeGraphFromNodeLinkJson(*text, kJsonPath)
                         : Result<RelationGraph>(text.status());
      },
      [](const RelationGraph&) { return true; });
}
BENCHMARK(BM_LoadGraphJsonTree)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace entente

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  const auto& s = entente::summary;
  std::printf("\nsummary (%d events, %d actors; %zu edges, %zu mentions)\n",
              entente::kEvents, entente::kActors, s.edges, s.mentions);
  if (s.build_s > 0 && s.sort_s > 0) {
    std::printf("  build %.3f s vs sort %.3f s: %.2fx (target <= 3x)\n",
                s.build_s, s.sort_s, s.build_s / s.sort_s);
  }
  if (s.bytes_per_event > 0) {
    std::printf("  resident %.1f bytes/event by allocator (%.1f by MemoryBytes)"
                " (target <= 100)\n",
                s.bytes_per_event, s.graph_bytes_per_event);
  }
  if (s.index_p99_us > 0 && s.scan_p99_us > 0) {
    std::printf("  who-met busiest, a quarter's meetings: p99 %.1f us indexed vs"
                " %.1f us scanning: %.1fx (target >= 20x)\n",
                s.index_p99_us, s.scan_p99_us, s.scan_p99_us / s.index_p99_us);
  }
  if (s.index_all_p99_us > 0 && s.scan_all_p99_us > 0) {
    std::printf("  who-met busiest, all contacts: p99 %.1f us indexed vs %.1f us"
                " scanning: %.1fx\n",
                s.index_all_p99_us, s.scan_all_p99_us,
                s.scan_all_p99_us / s.index_all_p99_us);
  }
  if (s.load_s > 0) {
    std::printf("  load graph.json (%.0f MB): %.2f s (target < 2 s)\n",
                double(s.json_bytes) / 1e6, s.load_s);
  }
  if (s.tree_load_s > 0) {
    std::printf("  load graph.json with the tree reader (before): %.2f s\n",
                s.tree_load_s);
  }
  // The file is big; keep it only to profile loading on its own.
  if (!std::getenv("ENTENTE_GRAPH_BENCH_KEEP_JSON")) {
    std::remove(entente::kJsonPath);
  }
  return 0;
}
