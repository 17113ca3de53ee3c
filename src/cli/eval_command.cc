// `entente eval`: runs the pipeline over a gold JSON Lines file and scores
// the events it extracts (entente/evaluation.h).
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "core/calendar.h"
#include "core/json_writer.h"
#include "entente/evaluation.h"

namespace entente::cli {
namespace {

void PrintScore(const std::string& name, const Score& s) {
  std::printf("%-12s %9.3f %7.3f %6.3f %8zu %10zu %6zu\n", name.c_str(),
              s.precision(), s.recall(), s.f1(), s.correct, s.extracted,
              s.gold);
}

void PrintJson(const EvaluationReport& r) {
  JsonWriter w;
  auto score = [&](const Score& s) {
    w.BeginObject();
    w.Key("precision").Double(s.precision()).Key("recall").Double(s.recall());
    w.Key("f1").Double(s.f1()).Key("correct").Int(long(s.correct));
    w.Key("extracted").Int(long(s.extracted)).Key("gold").Int(long(s.gold));
    w.EndObject();
  };
  w.BeginObject().Key("records").Int(long(r.records)).Key("levels");
  w.BeginObject();
  for (const auto& [name, s] : r.levels) {
    w.Key(name);
    score(s);
  }
  w.EndObject().Key("by_code").BeginObject();
  for (const auto& [code, s] : r.by_root) {
    w.Key(code);
    score(s);
  }
  w.EndObject().Key("misses").BeginArray();
  for (const auto& m : r.misses) w.String(m);
  w.EndArray().Key("false_positives").BeginArray();
  for (const auto& m : r.false_positives) w.String(m);
  w.EndArray().EndObject();
  std::cout << w.Take() << "\n";
}

}  // namespace

Status RunEval(const Args& args) {
  std::string gold_path = args.Get("--gold");
  if (gold_path.empty()) return Status::Usage("eval needs --gold FILE");
  std::string scheme = args.Get("--scheme", "cameo");
  if (scheme != "cameo" && scheme != "plover") {
    return Status::Usage("--scheme must be cameo or plover");
  }
  std::ifstream in(gold_path, std::ios::binary);
  if (!in) return Status::NotFound(gold_path + ": cannot open");
  PipelineOptions options;
  options.lexicon_files = args.All("--lexicon");
  options.cameo_actor_files = args.All("--cameo-actors");
  options.cameo_agent_files = args.All("--cameo-agents");
  options.cameo_verb_files = args.All("--cameo-verbs");
  // Gold sets code one-sided acts too ("Iran agreed to ..."): score them.
  options.one_sided_events = true;
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) return pipeline.status();
  for (const std::string& w : (*pipeline)->load_warnings()) {
    std::cerr << "warning: " << w << "\n";
  }
  EventScorer scorer(scheme == "cameo" ? EventScorer::Scheme::kCameo
                                       : EventScorer::Scheme::kPlover);
  std::string set = args.Get("--set"), line;
  std::size_t line_no = 0, skipped = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Result<GoldRecord> record = ParseGoldRecord(line);
    if (!record.ok()) {
      std::cerr << "warning: " << gold_path << ":" << line_no << ": "
                << record.status().message() << "; skipped\n";
      ++skipped;
      continue;
    }
    if (!set.empty() && record->set != set) continue;
    Document doc;
    doc.id = record->id;
    doc.text = record->text;
    doc.date = ParseIsoDate(record->date);
    DocumentAnalysis analysis = (*pipeline)->Analyze(std::move(doc));
    std::vector<Event> events = std::move(analysis.events);
    events.insert(events.end(), analysis.one_sided_events.begin(),
                  analysis.one_sided_events.end());
    scorer.Add(*record, events);
  }
  EvaluationReport report = scorer.Report();
  if (report.records == 0) {
    return Status::InvalidInput(gold_path + ": no gold records" +
                                (set.empty() ? "" : " in set '" + set + "'"));
  }
  if (args.Has("--json")) {
    PrintJson(report);
    return Status::Ok();
  }
  std::printf("%zu records from %s%s%s (scheme %s)\n", report.records,
              gold_path.c_str(), set.empty() ? "" : ", set ", set.c_str(),
              scheme.c_str());
  std::printf("%-12s %9s %7s %6s %8s %10s %6s\n", "level", "precision",
              "recall", "F1", "correct", "extracted", "gold");
  for (const auto& [name, s] : report.levels) PrintScore(name, s);
  std::printf("\nby %s:\n", scheme == "cameo" ? "root code" : "PLOVER type");
  for (const auto& [code, s] : report.by_root) PrintScore(code, s);
  if (args.Has("--show-errors")) {
    std::printf("\nmissed (gold events not extracted):\n");
    for (const auto& m : report.misses) std::printf("  %s\n", m.c_str());
    std::printf("\nfalse positives (extracted, not in gold):\n");
    for (const auto& m : report.false_positives) {
      std::printf("  %s\n", m.c_str());
    }
  }
  if (skipped > 0) {
    std::cerr << "warning: " << skipped << " bad gold line(s) skipped\n";
  }
  return Status::Ok();
}

}  // namespace entente::cli
