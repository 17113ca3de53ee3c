// Google Benchmark of drawing maps of synthetic graphs: the DOT text alone,
// and the whole DrawMap (selection, DOT, Graphviz layout and SVG) with the
// layout entente picks by default (dot up to 150 actors and 300 edges,
// sfdp above).
//
//   ninja -C build tools/bench/render_bench
//   build/tools/bench/render_bench
//
// The graphs look like news graphs (see tools/bench/make_graph.py, which
// writes the same kind of graph as graph.json for whole-process timings): a
// quarter of the actors are states, most others people affiliated with a
// state, and relations attach preferentially to actors that already have
// many. Arguments: actors, edges in total (affiliations included).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <utility>

#include "entente/export.h"
#include "entente/graph.h"

namespace entente {
namespace {

RelationGraph MakeGraph(int actors, int edges) {
  std::mt19937 rng(1);
  RelationGraph g;
  int states = std::max(1, actors / 4);
  std::vector<std::string> ids;
  std::size_t edge_count = 0;
  for (int i = 0; i < actors; ++i) {
    std::string country = "C" + std::to_string(i % states);
    if (i < states) {
      g.AddActor({country, "State " + std::to_string(i), "state", country, country, ""});
      ids.push_back(country);
      continue;
    }
    std::string id = "person-" + std::to_string(i);
    g.AddActor({id, "Person " + std::to_string(i), "person", country, country + "GOV", ""});
    ids.push_back(id);
    RelationEdge aff;
    aff.source = id;
    aff.target = country;
    aff.relation = "affiliation";
    aff.count = 1;
    g.AddEdge(aff);
    ++edge_count;
  }
  static const std::pair<const char*, int> kRelations[] = {
      {"meeting", 1}, {"visit", 1}, {"provide_aid", 2}, {"accuse", 3}, {"expel", 4}};
  std::vector<int> ends;  // each actor once, plus once per edge end: hubs grow
  for (int i = 0; i < actors; ++i) ends.push_back(i);
  while (edge_count < static_cast<std::size_t>(edges)) {
    int a = ends[rng() % ends.size()];
    int b = static_cast<int>(rng() % actors);
    if (a == b) continue;
    const auto& [relation, quad] = kRelations[rng() % std::size(kRelations)];
    RelationEdge e;
    e.source = ids[a];
    e.target = ids[b];
    e.relation = relation;
    e.cameo = "040";
    e.quad = quad;
    std::string doc = "doc-" + std::to_string(rng() % edges);
    std::string date = "2021-0" + std::to_string(1 + rng() % 9) + "-1" +
                       std::to_string(rng() % 10);
    e.count = 1;
    e.documents = {doc};
    e.dates = {date};
    e.evidence = {EvidenceRef{doc, 0, date, ""}};
    std::size_t before = g.edge_count();
    g.AddEdge(e);
    if (g.edge_count() == before) continue;  // already there
    ++edge_count;
    ends.push_back(a);
    ends.push_back(b);
  }
  return g;
}

const RelationGraph& Graph(int actors, int edges) {
  static std::map<std::pair<int, int>, RelationGraph> cache;
  auto it = cache.find({actors, edges});
  if (it == cache.end()) {
    it = cache.emplace(std::pair{actors, edges}, MakeGraph(actors, edges)).first;
  }
  return it->second;
}

void BM_GraphToDot(benchmark::State& state) {
  const RelationGraph& g = Graph(int(state.range(0)), int(state.range(1)));
  for (auto _ : state) benchmark::DoNotOptimize(GraphToDot(g));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_GraphToDot)->Args({1000, 5000})->Unit(benchmark::kMillisecond);

void BM_DrawMapSvg(benchmark::State& state) {
  const RelationGraph& g = Graph(int(state.range(0)), int(state.range(1)));
  MapRequest request;  // the defaults: whole graph, layout by size, svg
  std::string layout;
  for (auto _ : state) {
    Result<DrawnMap> map = DrawMap(g, request);
    if (!map.ok()) {
      state.SkipWithError(map.status().message().c_str());
      return;
    }
    layout = map->layout;
    benchmark::DoNotOptimize(map->outputs);
  }
  state.SetLabel(layout);
}
BENCHMARK(BM_DrawMapSvg)
    ->Args({150, 300})
    ->Args({1000, 5000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK(BM_DrawMapSvg)
    ->Args({10000, 50000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace entente

BENCHMARK_MAIN();
