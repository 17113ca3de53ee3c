// Google Benchmark of actor recognition against lexicon size, beside a bare
// RE2::Set scan of the same names over the same text (the yardstick).
//
// The lexicon is the built-in one plus N synthetic people (two-word names
// made of syllables), N = 1,000, 10,000, 100,000. The text is the sample
// articles repeated to about 4 MB. BM_ActorRecognition recognises the
// actors of each article as its own document, as the pipeline does;
// BM_ActorRecognitionOneDocument treats the whole 4 MB as one document (a
// check that document-level memory, such as earlier names for short forms,
// keeps the cost linear). Recognition includes tokenizing each sentence;
// sentence splitting is done once, outside the timing.
// BM_ActorRecognitionGivenTokens times ActorRecognizer::Find alone, on
// tokens made once outside the timing: the pipeline tokenizes each
// sentence once for the actors, events and verb stages, so this is what
// the actors stage itself adds.
//
//   build/tools/bench/actors_bench samples
#include <benchmark/benchmark.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "actors/actor_recognizer.h"
#include "entente/ingest.h"
#include "lexicon/lexicon.h"
#include "text/sentences.h"
#include "bench_corpus.h"

namespace entente {
namespace {

std::string& Text() {
  static std::string text;
  return text;
}

// The sample articles, repeated to the size of Text(), each with its
// sentences.
struct Article {
  Document doc;
  std::vector<Sentence> sentences;
};
std::vector<Article>& Articles() {
  static std::vector<Article> articles;
  return articles;
}

std::vector<std::string> SyntheticNames(std::size_t n) {
  static const char* kSyllables[] = {"ka", "lo", "mi", "ra", "sen", "tu",
                                     "vor", "zel", "an", "bre", "dor", "fi",
                                     "gan", "hu", "jo", "ny", "pel", "quo"};
  std::mt19937 rng(42);
  auto word = [&] {
    std::string w;
    int parts = 2 + static_cast<int>(rng() % 2);
    for (int i = 0; i < parts; ++i) w += kSyllables[rng() % 18];
    w[0] = static_cast<char>(w[0] - 32);
    return w;
  };
  std::vector<std::string> names;
  for (std::size_t i = 0; i < n; ++i) names.push_back(word() + " " + word());
  return names;
}

Lexicon LexiconWith(std::size_t extra) {
  Lexicon l = *Lexicon::LoadDefault();
  std::string lines;
  std::size_t i = 0;
  for (const std::string& name : SyntheticNames(extra)) {
    lines += "{\"type\":\"person\",\"id\":\"p" + std::to_string(i++) +
             "\",\"name\":\"" + name + "\",\"country\":\"USA\"}\n";
  }
  if (!lines.empty()) (void)l.AddJsonLines(lines, "synthetic");
  return l;
}

// Bytes per second, the lexicon's size and the mentions found, for every
// recognition benchmark.
void ReportCounters(benchmark::State& state, const Lexicon& lexicon,
                    std::size_t bytes, std::size_t mentions) {
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes));
  state.counters["entries"] = static_cast<double>(
      lexicon.people().size() + lexicon.states().size() +
      lexicon.organizations().size());
  state.counters["mentions"] = static_cast<double>(mentions);
}

void BM_ActorRecognition(benchmark::State& state) {
  Lexicon lexicon = LexiconWith(static_cast<std::size_t>(state.range(0)));
  ActorRecognizer recognizer(lexicon);
  std::size_t mentions = 0, bytes = 0;
  for (const Article& a : Articles()) bytes += a.doc.text.size();
  std::vector<SentenceTokens> tokens;
  for (auto _ : state) {
    mentions = 0;
    for (const Article& a : Articles()) {
      tokens.resize(a.sentences.size());
      for (std::size_t i = 0; i < a.sentences.size(); ++i) {
        tokens[i].tokens = Tokenize(a.doc.text, a.sentences[i].start,
                                    a.sentences[i].end);
      }
      mentions += recognizer.Find(a.doc, a.sentences, tokens).size();
    }
    benchmark::DoNotOptimize(mentions);
  }
  ReportCounters(state, lexicon, bytes, mentions);
}

void BM_ActorRecognitionGivenTokens(benchmark::State& state) {
  Lexicon lexicon = LexiconWith(static_cast<std::size_t>(state.range(0)));
  ActorRecognizer recognizer(lexicon);
  std::size_t mentions = 0, bytes = 0;
  std::vector<std::vector<SentenceTokens>> tokens;
  for (const Article& a : Articles()) {
    bytes += a.doc.text.size();
    auto& t = tokens.emplace_back(a.sentences.size());
    for (std::size_t i = 0; i < a.sentences.size(); ++i) {
      t[i].tokens = Tokenize(a.doc.text, a.sentences[i].start,
                             a.sentences[i].end);
    }
  }
  for (auto _ : state) {
    mentions = 0;
    for (std::size_t k = 0; k < Articles().size(); ++k) {
      const Article& a = Articles()[k];
      mentions += recognizer.Find(a.doc, a.sentences, tokens[k]).size();
    }
    benchmark::DoNotOptimize(mentions);
  }
  ReportCounters(state, lexicon, bytes, mentions);
}

void BM_ActorRecognitionOneDocument(benchmark::State& state) {
  Lexicon lexicon = LexiconWith(static_cast<std::size_t>(state.range(0)));
  ActorRecognizer recognizer(lexicon);
  Document doc;
  doc.text = Text();
  doc.date = CivilDate{2021, 9, 10};
  std::vector<Sentence> sentences = SplitSentences(doc.text);
  std::size_t mentions = 0;
  for (auto _ : state) {
    std::vector<SentenceTokens> tokens(sentences.size());
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      tokens[i].tokens = Tokenize(doc.text, sentences[i].start, sentences[i].end);
    }
    mentions = recognizer.Find(doc, sentences, tokens).size();
    benchmark::DoNotOptimize(mentions);
  }
  state.SetBytesProcessed(state.iterations() * doc.text.size());
  state.counters["entries"] = static_cast<double>(
      lexicon.people().size() + lexicon.states().size() +
      lexicon.organizations().size());
  state.counters["mentions"] = static_cast<double>(mentions);
}

void BM_Re2SetScan(benchmark::State& state) {
  Lexicon lexicon = LexiconWith(static_cast<std::size_t>(state.range(0)));
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_max_mem(std::int64_t{1} << 31);
  RE2::Set set(options, RE2::UNANCHORED);
  auto add = [&](const std::string& name) {
    (void)set.Add("\\b" + RE2::QuoteMeta(name) + "\\b", nullptr);
  };
  for (const auto& p : lexicon.people()) {
    add(p.name);
    for (const auto& n : p.names) add(n);
  }
  for (const auto& s : lexicon.states()) {
    add(s.name);
    for (const auto& n : s.names) add(n);
  }
  for (const auto& o : lexicon.organizations()) add(o.name);
  if (!set.Compile()) {
    state.SkipWithError("RE2::Set failed to compile");
    return;
  }
  std::vector<Sentence> sentences = SplitSentences(Text());
  std::vector<int> hits;
  for (auto _ : state) {
    std::size_t n = 0;
    for (const Sentence& s : sentences) {
      hits.clear();
      set.Match(re2::StringPiece(Text().data() + s.start, s.end - s.start),
                &hits);
      n += hits.size();
    }
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(state.iterations() * Text().size());
}

BENCHMARK(BM_ActorRecognition)->Arg(1000)->Arg(10000)->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Re2SetScan)->Arg(1000)->Arg(10000)->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ActorRecognitionGivenTokens)->Arg(1000)->Arg(10000)->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ActorRecognitionOneDocument)->Arg(1000)->Arg(100000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace entente

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::string corpus;
  std::vector<entente::Document> docs = entente::bench::LoadDocuments(
      argc > 1 ? argv[1] : "samples", "actors_bench");
  for (const entente::Document& d : docs) corpus += d.text + "\n\n";
  if (corpus.empty()) return 1;
  while (entente::Text().size() < (std::size_t{4} << 20)) {
    entente::Text() += corpus;
    for (const entente::Document& d : docs) {
      entente::Articles().push_back({d, entente::SplitSentences(d.text)});
    }
  }
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
