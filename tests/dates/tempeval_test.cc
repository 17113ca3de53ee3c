// Scores the recogniser on the TempEval-3 platinum test set when the shared
// evaluation folder is present ($ENTENTE_SHARED/eval/timex/gold.jsonl), and
// skips otherwise. The figures are printed, not asserted beyond a floor: the
// data measures progress, it is not a specification.
//
// Scoring follows TempEval-3: an expression matches a gold one when their
// spans overlap (relaxed match); value accuracy is over matched pairs.
// The gold offsets are in code points, ours in bytes; a small sentence
// splitter stands in for the `text` stage so this test depends on `dates`
// only. Set ENTENTE_EVAL_VERBOSE=1 to print every miss.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "dates/time_recognizer.h"

namespace entente {
namespace {

struct Span {
  std::size_t start, end;  // code points
  std::string text, value;
};

// Paragraphs, then ". X" boundaries: good enough to bound the tense cues.
std::vector<Sentence> RoughSentences(const std::string& text) {
  std::vector<Sentence> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    bool paragraph = text[i] == '\n' && text[i + 1] == '\n';
    bool stop = (text[i] == '.' || text[i] == '?' || text[i] == '!') &&
                text[i + 1] == ' ' && i + 2 < text.size() &&
                text[i + 2] >= 'A' && text[i + 2] <= 'Z';
    if (paragraph || stop) {
      if (i + 1 > start) out.push_back({start, i + 1});
      start = i + 1;
    }
  }
  if (start < text.size()) out.push_back({start, text.size()});
  return out;
}

// Code-point index of every byte offset of `text` (UTF-8).
std::vector<std::size_t> CodePointIndex(const std::string& text) {
  std::vector<std::size_t> index(text.size() + 1);
  std::size_t cp = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    index[i] = cp;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++cp;
    index[i] = cp - 1;
  }
  index[text.size()] = cp;
  return index;
}

bool Overlap(const Span& a, const Span& b) {
  return a.start < b.end && b.start < a.end;
}

TEST_CASE("scores TempEval-3 platinum recall, precision and value accuracy") {
  const char* shared = std::getenv("ENTENTE_SHARED");
  std::filesystem::path gold_path =
      std::filesystem::path(shared ? shared : "") / "eval/timex/gold.jsonl";
  if (!shared || !std::filesystem::exists(gold_path)) {
    MESSAGE("skipped: no $ENTENTE_SHARED/eval/timex/gold.jsonl");
    return;
  }
  bool verbose = std::getenv("ENTENTE_EVAL_VERBOSE") != nullptr;
  TimeRecognizerOptions options;
  options.present_references = true;  // TempEval-3 annotates "now"
  TimeRecognizer recognizer(options);
  std::ifstream in(gold_path);
  std::string line;
  int gold_total = 0, found_total = 0, gold_matched = 0, found_matched = 0;
  int value_right = 0;
  while (std::getline(in, line)) {
    rapidjson::Document doc;
    doc.Parse(line.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    std::string text = doc["text"].GetString();
    auto dct = ParseIsoDate(doc["dct"].GetString());
    std::vector<Span> gold;
    for (const auto& t : doc["timexes"].GetArray()) {
      gold.push_back({t["start"].GetUint64(), t["end"].GetUint64(),
                      t["text"].GetString(), t["value"].GetString()});
    }
    auto cp = CodePointIndex(text);
    std::vector<Span> found;
    for (const auto& e : recognizer.Find(text, RoughSentences(text), dct)) {
      found.push_back({cp[e.start], cp[e.end], e.text, e.value});
    }
    gold_total += static_cast<int>(gold.size());
    found_total += static_cast<int>(found.size());
    for (const Span& g : gold) {
      const Span* match = nullptr;
      for (const Span& f : found) {
        if (Overlap(g, f)) match = &f;
      }
      if (match) {
        ++gold_matched;
        if (match->value == g.value) ++value_right;
        if (verbose && match->value != g.value) {
          std::printf("VALUE %s '%s' %s, gold '%s' %s\n", doc["id"].GetString(),
                      match->text.c_str(), match->value.c_str(), g.text.c_str(),
                      g.value.c_str());
        }
      } else if (verbose) {
        std::printf("MISS  %s '%s' %s\n", doc["id"].GetString(), g.text.c_str(),
                    g.value.c_str());
      }
    }
    for (const Span& f : found) {
      bool hit = false;
      for (const Span& g : gold) hit = hit || Overlap(g, f);
      if (hit) {
        ++found_matched;
      } else if (verbose) {
        std::printf("EXTRA %s '%s' %s\n", doc["id"].GetString(), f.text.c_str(),
                    f.value.c_str());
      }
    }
  }
  REQUIRE(gold_total > 0);
  double recall = 1.0 * gold_matched / gold_total;
  double precision = found_total ? 1.0 * found_matched / found_total : 0.0;
  double f1 = recall + precision > 0
                  ? 2 * recall * precision / (recall + precision)
                  : 0.0;
  double accuracy = gold_matched ? 1.0 * value_right / gold_matched : 0.0;
  char summary[256];
  std::snprintf(summary, sizeof summary,
                "TempEval-3 platinum: %d gold, %d found; relaxed recall %.3f "
                "precision %.3f F1 %.3f; value accuracy %.3f; value F1 %.3f",
                gold_total, found_total, recall, precision, f1, accuracy,
                f1 * accuracy);
  MESSAGE(summary);
  CHECK(recall > 0.5);
  CHECK(precision > 0.5);
}

}  // namespace
}  // namespace entente
