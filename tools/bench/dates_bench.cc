// Google Benchmark of the dates stage against the whole extraction: the
// full pipeline per document (BM_Pipeline) and the dates stage alone on the
// same documents, with their sentences split beforehand (BM_DatesStage):
// the time expressions found and normalised, and each event dated
// (TimeRecognizer::Find plus a dateline check, as Pipeline::Analyze runs
// them). The share of the dates stage is BM_DatesStage / BM_Pipeline.
//
//   ninja -C build tools/bench/dates_bench
//   build/tools/bench/dates_bench samples
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "dates/dateline.h"
#include "dates/time_recognizer.h"
#include "dates/timex_prefilter.h"
#include "entente/ingest.h"
#include "entente/pipeline.h"
#include "text/sentences.h"
#include "bench_corpus.h"

namespace entente {
namespace {

struct SplitDocument {
  Document document;
  std::vector<Sentence> sentences;
};

std::vector<SplitDocument>& Corpus() {
  static std::vector<SplitDocument> docs;
  return docs;
}

std::size_t CorpusBytes() {
  std::size_t n = 0;
  for (const SplitDocument& d : Corpus()) n += d.document.text.size();
  return n;
}

void BM_Pipeline(benchmark::State& state) {
  static const std::unique_ptr<Pipeline> p = std::move(*Pipeline::Create({}));
  for (auto _ : state) {
    for (const SplitDocument& d : Corpus()) {
      benchmark::DoNotOptimize(p->Analyze(d.document));
    }
  }
  state.SetItemsProcessed(state.iterations() * Corpus().size());
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond);

void BM_DatesStage(benchmark::State& state) {
  TimeRecognizerOptions options;
  options.present_references = true;  // as the pipeline runs it
  static const TimeRecognizer recognizer(options);
  for (auto _ : state) {
    for (const SplitDocument& d : Corpus()) {
      benchmark::DoNotOptimize(ReadDateline(d.document.text));
      benchmark::DoNotOptimize(
          recognizer.Find(d.document.text, d.sentences, d.document.date));
    }
  }
  state.SetItemsProcessed(state.iterations() * Corpus().size());
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_DatesStage)->Unit(benchmark::kMillisecond);

// The dates stage's first pass alone: the windows of every sentence where
// the grammar may match (timex_prefilter.h). Counters: "window_share", the
// part of the bytes that the automaton still reads; "sentence_share", the
// part that the sentences cover (the prefilter reads each sentence).
void BM_TimexWindows(benchmark::State& state) {
  std::vector<TimexWindow> windows;
  std::size_t in_windows = 0;
  for (auto _ : state) {
    in_windows = 0;
    for (const SplitDocument& d : Corpus()) {
      for (const Sentence& s : d.sentences) {
        FindTimexWindows(d.document.text, s.start, s.end, &windows);
        for (const TimexWindow& w : windows) in_windows += w.end - w.begin;
      }
    }
    benchmark::DoNotOptimize(in_windows);
  }
  std::size_t in_sentences = 0;
  for (const SplitDocument& d : Corpus()) {
    for (const Sentence& s : d.sentences) in_sentences += s.end - s.start;
  }
  state.counters["window_share"] =
      static_cast<double>(in_windows) / static_cast<double>(CorpusBytes());
  state.counters["sentence_share"] =
      static_cast<double>(in_sentences) / static_cast<double>(CorpusBytes());
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_TimexWindows)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace entente

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  for (entente::Document& d : entente::bench::LoadDocuments(
           argc > 1 ? argv[1] : "samples", "dates_bench")) {
    std::vector<entente::Sentence> sentences = entente::SplitSentences(d.text);
    entente::Corpus().push_back({std::move(d), std::move(sentences)});
  }
  if (entente::Corpus().empty()) return 1;
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
