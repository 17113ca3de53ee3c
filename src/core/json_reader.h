// Tolerant field readers over RapidJSON values, shared by the modules that
// read our own JSON back (lexicons, graphs): a missing or mistyped field
// reads as empty, for callers that have validated or do not require it.
#ifndef ENTENTE_CORE_JSON_READER_H_
#define ENTENTE_CORE_JSON_READER_H_

#include <rapidjson/document.h>

#include <set>
#include <string>
#include <vector>

namespace entente {

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
