// Scoring works on tuples (source, target, code) per record and per level
// of detail; within a record, extracted and gold tuples are matched as
// multisets, so each gold event can be matched once.
#include "entente/evaluation.h"

#include <algorithm>

#include "core/json_reader.h"

namespace entente {
namespace {

// The country part of an actor code, with the few CAMEO country codes that
// differ from ISO 3166-1 alpha-3 read as the ISO code, on both sides: the
// PLOVER gold documents ISO codes but keeps CAMEO's JAP (Japan) and ITL
// (Italy) in five events and writes VTN once for Vietnam (VNM in the same
// story elsewhere), and our lexicon codes Timor-Leste with CAMEO's TMP
// (ISO TLS). Full actor codes are compared as written.
std::string CountryOf(const std::string& code) {
  if (code.empty() || code == "---") return code;
  std::string country = code.substr(0, std::min<std::size_t>(3, code.size()));
  if (country == "JAP") return "JPN";
  if (country == "ITL") return "ITA";
  if (country == "TMP") return "TLS";
  if (country == "VTN") return "VNM";
  return country;
}

}  // namespace

std::string NormalizePloverType(const std::string& type) {
  if (type == "DEMAND") return "REQUEST";
  if (type == "DISAPPROVE" || type == "INVESTIGATE") return "ACCUSE";
  if (type == "FIGHT") return "ASSAULT";
  return type;
}

Result<GoldRecord> ParseGoldRecord(std::string_view line) {
  rapidjson::Document v;
  if (Status s = ParseJsonRecord(line, &v); !s.ok()) return s;
  GoldRecord r;
  r.id = JsonString(v, "id");
  r.set = JsonString(v, "set");
  r.date = JsonString(v, "date");
  r.text = JsonString(v, "text");
  if (auto rec = v.FindMember("reciprocal");
      rec != v.MemberEnd() && rec->value.IsBool()) {
    r.reciprocal = rec->value.GetBool();
  }
  if (r.id.empty()) return Status::InvalidInput("/id: missing");
  if (r.text.empty()) return Status::InvalidInput("/text: missing or empty");
  auto events = v.FindMember("events");
  if (events == v.MemberEnd() || !events->value.IsArray()) {
    return Status::InvalidInput("/events: missing or not an array");
  }
  for (rapidjson::SizeType i = 0; i < events->value.Size(); ++i) {
    const auto& e = events->value[i];
    if (!e.IsObject()) {
      return Status::InvalidInput("/events/" + std::to_string(i) +
                                  ": not an object");
    }
    GoldEvent g{JsonString(e, "source"), JsonString(e, "target"),
                JsonString(e, "code")};
    if (g.code.empty()) {
      return Status::InvalidInput("/events/" + std::to_string(i) +
                                  "/code: missing");
    }
    r.events.push_back(std::move(g));
  }
  return r;
}

void EventScorer::Count(const std::string& level, const std::string& record,
                        const std::vector<Tuple>& gold,
                        const std::vector<Tuple>& got, bool list_errors) {
  auto it = std::find_if(report_.levels.begin(), report_.levels.end(),
                         [&](const auto& l) { return l.first == level; });
  if (it == report_.levels.end()) {
    report_.levels.push_back({level, Score{}});
    it = report_.levels.end() - 1;
  }
  Score& score = it->second;
  std::vector<bool> used(gold.size(), false);
  auto text = [](const Tuple& t) {
    return (t.source.empty() ? "-" : t.source) + " " + t.code + " " +
           (t.target.empty() ? "-" : t.target);
  };
  for (const Tuple& t : got) {
    bool matched = false;
    for (std::size_t i = 0; i < gold.size() && !matched; ++i) {
      if (used[i] || gold[i].code != t.code) continue;
      bool direct = gold[i].source == t.source && gold[i].target == t.target;
      bool reverse = t.symmetric && gold[i].source == t.target &&
                     gold[i].target == t.source;
      if (direct || reverse) used[i] = matched = true;
    }
    score.extracted++;
    score.correct += matched;
    if (list_errors) {
      Score& root = report_.by_root[t.code.substr(0, scheme_ == Scheme::kCameo ? 2 : t.code.size())];
      root.extracted++;
      root.correct += matched;
      if (!matched) report_.false_positives.push_back(record + ": " + text(t));
    }
  }
  for (std::size_t i = 0; i < gold.size(); ++i) {
    score.gold++;
    if (list_errors) {
      report_.by_root[gold[i].code.substr(
          0, scheme_ == Scheme::kCameo ? 2 : gold[i].code.size())].gold++;
      if (!used[i]) report_.misses.push_back(record + ": " + text(gold[i]));
    }
  }
}

void EventScorer::Add(const GoldRecord& record,
                      const std::vector<Event>& extracted) {
  ++report_.records;
  bool cameo = scheme_ == Scheme::kCameo;
  std::vector<Tuple> gold, got;
  for (const GoldEvent& g : record.events) {
    std::string code = cameo ? g.code : NormalizePloverType(g.code);
    std::string target = g.target == "---" ? "" : g.target;
    gold.push_back({g.source == "---" ? "" : g.source, target, code, false});
  }
  // Joint action: the gold codes parties acting together ("SRC/TAR:"
  // records, or several sources of one type with no target) as each party
  // with no target.
  auto joint = [&](const std::string& code) {
    if (record.reciprocal) return true;
    std::size_t untargeted = 0;
    for (const Tuple& g : gold) {
      if (g.code != code) continue;
      if (!g.target.empty()) return false;
      ++untargeted;
    }
    return untargeted >= 2;
  };
  for (const Event& e : extracted) {
    if (e.polarity == "negated" || e.modality == "hypothetical") continue;
    std::string code = cameo ? e.cameo : e.plover;
    if (code.empty()) continue;
    const std::string& target = e.target.code;  // empty: one-sided
    // (In a reciprocal record the gold does not say who acted on whom, so
    // a one-way event between two parties counts the same way.)
    if (!target.empty() && (record.reciprocal || (e.symmetric && joint(code)))) {
      got.push_back({e.source.code, "", code, false});
      got.push_back({target, "", code, false});
      continue;
    }
    got.push_back({e.source.code, target, code, e.symmetric});
  }
  auto project = [&](std::vector<Tuple> v, bool countries, int code_chars,
                     bool drop_code) {
    for (Tuple& t : v) {
      if (countries) {
        t.source = CountryOf(t.source);
        t.target = CountryOf(t.target);
      }
      if (drop_code) t.code = "*";
      if (code_chars > 0) t.code = t.code.substr(0, code_chars);
    }
    return v;
  };
  // The same finding told twice (by "Biden" and "the White House") is
  // one extracted tuple at each level.
  auto unique = [](std::vector<Tuple> v) {
    std::vector<Tuple> out;
    for (Tuple& t : v) {
      bool dup = std::any_of(out.begin(), out.end(), [&](const Tuple& o) {
        return o.code == t.code &&
               ((o.source == t.source && o.target == t.target) ||
                (o.symmetric && t.symmetric && o.source == t.target &&
                 o.target == t.source));
      });
      if (!dup) out.push_back(std::move(t));
    }
    return out;
  };
  if (cameo) {
    Count("code", record.id, gold, unique(got), false);
    Count("root", record.id, project(gold, false, 2, false),
          unique(project(got, false, 2, false)), true);
    Count("actors", record.id, project(gold, false, 0, true),
          unique(project(got, false, 0, true)), false);
    Count("countries", record.id, project(gold, true, 2, false),
          unique(project(got, true, 2, false)), false);
  } else {
    Count("type", record.id, gold, unique(got), false);
    Count("actors", record.id, project(gold, false, 0, true),
          unique(project(got, false, 0, true)), false);
    Count("countries", record.id, project(gold, true, 0, false),
          unique(project(got, true, 0, false)), true);
  }
}

EvaluationReport EventScorer::Report() const { return report_; }

}  // namespace entente
