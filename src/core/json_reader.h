// Tolerant field readers over RapidJSON values, shared by the modules that
// read our own JSON back (lexicons, graphs): a missing or mistyped field
// reads as empty, for callers that have validated or do not require it.
#ifndef ENTENTE_CORE_JSON_READER_H_
#define ENTENTE_CORE_JSON_READER_H_

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "entente/status.h"

namespace entente {

// Parses one JSON Lines record into `doc`. Fails with "not valid JSON at
// column N: reason" or "a record must be a JSON object"; callers add where.
inline Status ParseJsonRecord(std::string_view line, rapidjson::Document* doc) {
  doc->Parse(line.data(), line.size());
  if (doc->HasParseError()) {
    return Status::InvalidInput(
        "not valid JSON at column " + std::to_string(doc->GetErrorOffset() + 1) +
        ": " + rapidjson::GetParseError_En(doc->GetParseError()));
  }
  if (!doc->IsObject()) {
    return Status::InvalidInput("a record must be a JSON object");
  }
  return Status::Ok();
}

// The string member `key` of `v`, or "" when absent or not a string.
inline std::string JsonString(const rapidjson::Value& v, const char* key) {
  auto it = v.FindMember(key);
  if (it == v.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

// The strings of the array member `key`; false when it is present but not
// an array of strings.
template <typename Container>
bool JsonStrings(const rapidjson::Value& v, const char* key, Container* out) {
  auto it = v.FindMember(key);
  if (it == v.MemberEnd()) return true;
  if (!it->value.IsArray()) return false;
  for (const auto& s : it->value.GetArray()) {
    if (!s.IsString()) return false;
    out->insert(out->end(), std::string(s.GetString(), s.GetStringLength()));
  }
  return true;
}

}  // namespace entente

#endif  // ENTENTE_CORE_JSON_READER_H_
