// Scoring extracted events against hand-coded gold events, as `entente
// eval` does: precision, recall and F1 at several levels of detail.
//
//   EventScorer scorer(EventScorer::Scheme::kCameo);
//   for (each gold record) scorer.Add(record, pipeline.Analyze(doc).events);
//   EvaluationReport r = scorer.Report();
#ifndef ENTENTE_EVALUATION_H_
#define ENTENTE_EVALUATION_H_

#include <map>
#include <string>
#include <vector>

#include "entente/status.h"
#include "entente/types.h"

namespace entente {

// One gold event: actor codes ("USAGOV", "" when none) and an event code
// (CAMEO "042" or PLOVER "CONSULT").
struct GoldEvent {
  std::string source, target, code;
};

// One gold record (a line of a gold JSON Lines file, schemas/gold.schema.json).
struct GoldRecord {
  std::string id, set, date, text;
  std::vector<GoldEvent> events;
  // The coder marked the event as mutual ("X and Y agreed"), coding each
  // party as a source with no target (the PLOVER gold records' habit).
  bool reciprocal = false;
};

// Parses one gold line; fails naming the bad field.
Result<GoldRecord> ParseGoldRecord(std::string_view line);

struct Score {
  std::size_t correct = 0, extracted = 0, gold = 0;
  double precision() const { return extracted ? double(correct) / extracted : 0; }
  double recall() const { return gold ? double(correct) / gold : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct EvaluationReport {
  std::size_t records = 0;
  // Level name -> score. CAMEO: "code" (full code, actor codes), "root",
  // "actors" (actor codes, any event code), "countries" (countries and
  // root code). PLOVER: "type" (actor codes and type), "actors",
  // "countries" (countries and type).
  std::vector<std::pair<std::string, Score>> levels;
  std::map<std::string, Score> by_root;  // CAMEO root or PLOVER type
  std::vector<std::string> misses, false_positives;  // "record: tuple"
};

class EventScorer {
 public:
  enum class Scheme { kCameo, kPlover };
  explicit EventScorer(Scheme scheme) : scheme_(scheme) {}

  // Scores the events extracted from one record (two-party and one-sided
  // ones, whose target id is empty). Negated and hypothetical events are
  // not counted as extracted; equal tuples count once per record and
  // level. A symmetric extracted event matches a gold event in either
  // direction; in a reciprocal record it stands for each party with no
  // target.
  void Add(const GoldRecord& record, const std::vector<Event>& extracted);
  EvaluationReport Report() const;

 private:
  struct Tuple {
    std::string source, target, code;
    bool symmetric = false;
  };
  void Count(const std::string& level, const std::string& record,
             const std::vector<Tuple>& gold, const std::vector<Tuple>& got,
             bool list_errors);
  Scheme scheme_;
  EvaluationReport report_;
};

// The event code of the scheme normalised for comparison: PLOVER's older
// names in gold files (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) are mapped to
// the current ones (REQUEST, ACCUSE, ACCUSE, ASSAULT).
std::string NormalizePloverType(const std::string& type);

}  // namespace entente

#endif  // ENTENTE_EVALUATION_H_
