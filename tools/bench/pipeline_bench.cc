// Google Benchmark of the stages on the sample articles: the whole pipeline
// per document, the sentence splitter and the graph aggregation, beside
// the yardstick, a bare RE2::Set scan of the same text for the same
// actor names, in the same run.
//
//  - BM_Analyze: Pipeline::Analyze on each article (sentences, tokens,
//    actors, dates, events), the built-in lexicons only.
//  - BM_AnalyzeVerbDictionary/N: the same with the PETRARCH Phoenix verb
//    dictionary loaded (4,664 patterns; skipped when
//    ../shared/eval/petrarch/dictionaries/phoenix/CAMEO.2.0.txt is absent)
//    plus N synthetic patterns that never match: the cost per byte should
//    not move with N.
//  - BM_AnalyzeOneDocument/N: the articles concatenated N times into one
//    document: the cost per byte should not grow with the document.
//  - BM_Re2SetScan: one RE2::Set of every name of the built-in actor
//    lexicon (people, states, organisations), matched against each sentence.
//
//   ninja -C build tools/bench/pipeline_bench
//   build/tools/bench/pipeline_bench samples
#include <benchmark/benchmark.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "entente/export.h"
#include "entente/graph.h"
#include "entente/ingest.h"
#include "entente/pipeline.h"
#include "lexicon/cameo_verbs.h"
#include "lexicon/lexicon.h"
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

constexpr const char* kPhoenixVerbs =
    "../shared/eval/petrarch/dictionaries/phoenix/CAMEO.2.0.txt";

// The Phoenix dictionary with `extra` patterns more, spread over its verb
// blocks (each block gets its share at its end, so the real patterns keep
// their order). Their words ("qzx17") occur in no text: they never match,
// so the events stay the same, and only the cost of carrying them shows.
// Written to a temporary file; empty when the dictionary is absent.
std::string VerbDictionaryWith(int extra) {
  std::FILE* in = std::fopen(kPhoenixVerbs, "rb");
  if (!in) return "";
  std::string content;
  char buf[1 << 16];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, in)) > 0;) {
    content.append(buf, n);
  }
  std::fclose(in);
  std::string path = (std::filesystem::temp_directory_path() /
                      ("entente_bench_verbs_" + std::to_string(extra) + ".txt"))
                         .string();
  std::size_t blocks = 0;
  for (std::size_t at = 0; (at = content.find("\n---  ", at)) != std::string::npos;
       ++at) {
    ++blocks;
  }
  std::string out;
  int added = 0, serial = 0;
  std::size_t seen = 0, line_start = 0;
  while (line_start < content.size()) {
    std::size_t end = content.find('\n', line_start);
    end = end == std::string::npos ? content.size() : end + 1;
    std::string_view line(content.data() + line_start, end - line_start);
    // Before each block header but the first: the previous block's share.
    if (line.starts_with("---  ") && seen++ > 0 && blocks > 1) {
      int share = static_cast<int>(
          static_cast<std::size_t>(extra) * (seen - 1) / (blocks - 1)) - added;
      for (int k = 0; k < share; ++k) {
        out += "- * QZX" + std::to_string(serial++) + " [010]\n";
      }
      added += share;
    }
    out += line;
    line_start = end;
  }
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return "";
  std::fwrite(out.data(), 1, out.size(), f);
  std::fclose(f);
  return path;
}

// One pipeline per number of extra patterns, made once: Google Benchmark
// calls the function several times while it settles the iteration count.
struct VerbPipeline {
  std::unique_ptr<Pipeline> pipeline;
  std::size_t patterns = 0;
};
const VerbPipeline& VerbPipelineWith(int extra) {
  static std::map<int, VerbPipeline> made;
  auto it = made.find(extra);
  if (it != made.end()) return it->second;
  VerbPipeline& v = made[extra];
  std::string path = VerbDictionaryWith(extra);
  if (path.empty()) return v;
  PipelineOptions options;
  options.cameo_verb_files = {path};
  auto pipeline = Pipeline::Create(options);
  CameoVerbDictionary verbs;
  if (pipeline.ok() && verbs.AddFile(path).ok()) {
    v.pipeline = std::move(*pipeline);
    v.patterns = verbs.pattern_count();
  }
  std::filesystem::remove(path);
  return v;
}

void BM_AnalyzeVerbDictionary(benchmark::State& state) {
  if (!std::filesystem::exists(kPhoenixVerbs)) {
    state.SkipWithError("no Phoenix verb dictionary (run from the project "
                        "root with ../shared/eval present)");
    return;
  }
  const VerbPipeline& v = VerbPipelineWith(static_cast<int>(state.range(0)));
  if (!v.pipeline) {
    state.SkipWithError("the Phoenix verb dictionary did not load");
    return;
  }
  std::size_t events = 0;
  for (auto _ : state) {
    for (const Document& d : Corpus()) {
      DocumentAnalysis a = v.pipeline->Analyze(d);
      events += a.events.size();
      benchmark::DoNotOptimize(a);
    }
  }
  state.SetItemsProcessed(state.iterations() * Corpus().size());
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
  state.counters["events"] = static_cast<double>(events) / state.iterations();
  state.counters["verb_patterns"] = static_cast<double>(v.patterns);
}
BENCHMARK(BM_AnalyzeVerbDictionary)->Arg(0)->Arg(20000)->Arg(100000)
    ->Unit(benchmark::kMillisecond);

void BM_AnalyzeOneDocument(benchmark::State& state) {
  Document doc;
  doc.id = "all";
  doc.date = CivilDate{2021, 9, 10};
  for (int i = 0; i < state.range(0); ++i) {
    for (const Document& d : Corpus()) doc.text += d.text + "\n\n";
  }
  const Pipeline& p = SharedPipeline();
  std::size_t events = 0;
  for (auto _ : state) {
    DocumentAnalysis a = p.Analyze(doc);
    events = a.events.size();
    benchmark::DoNotOptimize(a);
  }
  state.SetBytesProcessed(state.iterations() * doc.text.size());
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_AnalyzeOneDocument)->Arg(1)->Arg(4)->Unit(benchmark::kMillisecond);

// The yardstick: every name of the built-in actor lexicon as one
// case-insensitive RE2::Set of whole-word alternatives, matched against
// each sentence of the same articles (sentence splitting outside the timing).
void BM_Re2SetScan(benchmark::State& state) {
  auto lexicon = Lexicon::LoadDefault();
  if (!lexicon.ok()) {
    state.SkipWithError("the built-in lexicon did not load");
    return;
  }
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_max_mem(std::int64_t{1} << 31);
  RE2::Set set(options, RE2::UNANCHORED);
  std::size_t names = 0;
  auto add = [&](const std::string& name) {
    names += set.Add("\\b" + RE2::QuoteMeta(name) + "\\b", nullptr) >= 0;
  };
  for (const auto& p : lexicon->people()) {
    add(p.name);
    for (const auto& n : p.names) add(n);
  }
  for (const auto& s : lexicon->states()) {
    add(s.name);
    for (const auto& n : s.names) add(n);
  }
  for (const auto& o : lexicon->organizations()) add(o.name);
  if (!set.Compile()) {
    state.SkipWithError("RE2::Set failed to compile");
    return;
  }
  std::vector<std::vector<Sentence>> sentences;
  for (const Document& d : Corpus()) sentences.push_back(SplitSentences(d.text));
  std::vector<int> hits;
  std::size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (std::size_t k = 0; k < Corpus().size(); ++k) {
      const std::string& text = Corpus()[k].text;
      for (const Sentence& s : sentences[k]) {
        hits.clear();
        set.Match(re2::StringPiece(text.data() + s.start, s.end - s.start),
                  &hits);
        found += hits.size();
      }
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
  state.counters["names"] = static_cast<double>(names);
  state.counters["hits"] = static_cast<double>(found);
}
BENCHMARK(BM_Re2SetScan)->Unit(benchmark::kMillisecond);

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
