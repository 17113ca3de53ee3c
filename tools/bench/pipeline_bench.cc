// Google Benchmark of the stages on the sample articles: the whole pipeline
// per document, the sentence splitter and the graph aggregation.
//
//   ninja -C build tools/bench/pipeline_bench
//   build/tools/bench/pipeline_bench samples
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "entente/export.h"
#include "entente/graph.h"
#include "entente/ingest.h"
#include "entente/pipeline.h"
#include "text/sentences.h"
#include "bench_corpus.h"

namespace entente {
namespace {

std::vector<Document>& Corpus() {
  static std::vector<Document> docs;
  return docs;
}

const Pipeline& SharedPipeline() {
  static const std::unique_ptr<Pipeline> p = std::move(*Pipeline::Create({}));
  return *p;
}

std::size_t CorpusBytes() {
  std::size_t n = 0;
  for (const Document& d : Corpus()) n += d.text.size();
  return n;
}

void BM_Analyze(benchmark::State& state) {
  const Pipeline& p = SharedPipeline();
  std::size_t events = 0;
  for (auto _ : state) {
    for (const Document& d : Corpus()) {
      DocumentAnalysis a = p.Analyze(d);
      events += a.events.size();
      benchmark::DoNotOptimize(a);
    }
  }
  state.SetItemsProcessed(state.iterations() * Corpus().size());
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
  state.counters["events"] = static_cast<double>(events) / state.iterations();
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
  for (auto _ : state) {
    for (const Document& d : Corpus()) {
      benchmark::DoNotOptimize(SplitSentences(d.text));
    }
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMicrosecond);

void BM_BuildGraphAndExport(benchmark::State& state) {
  std::vector<Event> events;
  for (const Document& d : Corpus()) {
    for (Event& e : SharedPipeline().Analyze(d).events) events.push_back(e);
  }
  for (auto _ : state) {
    RelationGraph g;
    for (const Event& e : events) g.AddEvent(e);
    benchmark::DoNotOptimize(GraphToNodeLinkJson(g));
  }
  state.SetItemsProcessed(state.iterations() * events.size());
}
BENCHMARK(BM_BuildGraphAndExport)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace entente

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  entente::Corpus() = entente::bench::LoadDocuments(
      argc > 1 ? argv[1] : "samples", "pipeline_bench");
  if (entente::Corpus().empty()) return 1;
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
