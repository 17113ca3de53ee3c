// Events as CSV or TSV rows, one per event of events.jsonl, in the column
// order of EventTableColumns(). Fields are quoted (CSV) or flattened (TSV)
// by one function so that every column follows the same rule.
#include <string>
#include <vector>

#include "entente/exports.h"
#include "export/table_text.h"

namespace entente {
namespace {

// One field: CSV quotes when needed (RFC 4180); TSV turns tabs and line
// breaks into spaces.
std::string Field(const std::string& s, char sep) {
  if (sep == '\t') {
    std::string out = s;
    for (char& c : out) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return out;
  }
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Row(const std::vector<std::string>& fields, char sep) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += sep;
    out += Field(fields[i], sep);
  }
  return out + "\n";
}

void AddActor(std::vector<std::string>& f, const Actor& a) {
  f.insert(f.end(), {a.id, a.name, a.kind, a.country, a.code, a.role});
}

}  // namespace

std::string JoinTableRow(const std::vector<std::string>& fields, char sep) {
  return Row(fields, sep);
}

const std::vector<std::string>& EventTableColumns() {
  static const std::vector<std::string> kColumns = {
      "doc", "sentence", "date", "date_precision", "date_basis", "date_text",
      "source_id", "source_name", "source_kind", "source_country",
      "source_code", "source_role", "relation", "cameo", "plover", "quad",
      "symmetric", "trigger", "target_id", "target_name", "target_kind",
      "target_country", "target_code", "target_role", "polarity", "modality",
      "location", "location_country", "evidence_start", "evidence_end",
      "evidence_text"};
  return kColumns;
}

std::string EventTableHeader(char separator) {
  return Row(EventTableColumns(), separator);
}

std::string EventTableRow(const Event& e, char separator) {
  std::vector<std::string> f = {e.doc, std::to_string(e.sentence),
                                e.date.value, e.date.precision, e.date.basis,
                                e.date.text};
  AddActor(f, e.source);
  f.insert(f.end(), {e.relation, e.cameo, e.plover,
                     std::to_string(QuadClassOf(e.cameo)),
                     e.symmetric ? "true" : "false", e.trigger});
  AddActor(f, e.target);
  f.insert(f.end(), {e.polarity, e.modality,
                     e.location ? e.location->name : "",
                     e.location ? e.location->country : "",
                     std::to_string(e.evidence_start),
                     std::to_string(e.evidence_end), e.evidence_text});
  return Row(f, separator);
}

}  // namespace entente
