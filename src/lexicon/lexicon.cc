// Loading and validating lexicon records. Each line is parsed with RapidJSON
// and validated against the part of schemas/lexicon.schema.json that its
// "type" names (so an error points at the field that is wrong rather than
// at a failed oneOf), then converted to an entry.
#include "lexicon/lexicon.h"

#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <memory>

#include "core/embedded.h"
#include "core/files.h"
#include "core/json_reader.h"
#include "lexicon/lexicon_records.h"

namespace entente {
namespace {

constexpr const char* kTypes[] = {"state", "organization", "person", "title",
                                  "agent", "relation", "cameo", "place"};

// One compiled schema per record type, built once from the embedded schema.
class RecordSchemas {
 public:
  static const RecordSchemas& Get() {
    static const RecordSchemas instance;
    return instance;
  }
  const rapidjson::SchemaDocument* For(std::string_view type) const {
    for (std::size_t i = 0; i < std::size(kTypes); ++i) {
      if (type == kTypes[i]) return docs_[i].get();
    }
    return nullptr;
  }

 private:
  RecordSchemas() {
    const EmbeddedFile* file = FindSchema("lexicon.schema.json");
    rapidjson::Document full;
    std::string text = file ? file->Content() : "{}";
    full.Parse(text.c_str());
    for (const char* type : kTypes) {
      // The record type's own schema at the root (RapidJSON 1.1 does not
      // follow a root "$ref"), with the shared definitions beside it.
      rapidjson::Document d;
      auto& a = d.GetAllocator();
      d.CopyFrom(full["$defs"][type], a);
      rapidjson::Value defs(full["$defs"], a);
      d.AddMember("$defs", defs, a);
      docs_.push_back(std::make_unique<rapidjson::SchemaDocument>(d));
    }
  }
  std::vector<std::unique_ptr<rapidjson::SchemaDocument>> docs_;
};

std::string Describe(const rapidjson::SchemaValidator& v) {
  rapidjson::StringBuffer where, schema;
  v.GetInvalidDocumentPointer().StringifyUriFragment(where);
  v.GetInvalidSchemaPointer().StringifyUriFragment(schema);
  std::string pointer = where.GetString();
  if (pointer.size() > 1 && pointer[0] == '#') pointer = pointer.substr(1);
  if (pointer.empty() || pointer == "#") pointer = "/";
  std::string keyword = v.GetInvalidSchemaKeyword();
  std::string what;
  if (keyword == "required") {
    what = "a required field is missing";
  } else if (keyword == "additionalProperties") {
    what = "a field the schema does not allow";
  } else if (keyword == "type") {
    what = "wrong type";
  } else if (keyword == "pattern") {
    what = "does not match the expected format";
  } else if (keyword == "enum") {
    what = "not one of the allowed values";
  } else {
    what = "fails '" + keyword + "'";
  }
  return pointer + ": " + what + " (schema " + schema.GetString() + ")";
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' ||
                        s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' ||
                        s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

const RoleEntry* PersonEntry::RoleAt(
    const std::optional<CivilDate>& date) const {
  const RoleEntry* best = nullptr;
  for (const RoleEntry& r : roles) {
    bool held = !date || (r.from <= *date && (!r.to || *date < *r.to));
    if (held && (!best || best->from < r.from)) best = &r;
  }
  return best;
}

Result<Lexicon> Lexicon::LoadDefault() {
  Lexicon lexicon;
  for (std::size_t i = 0; i < kLexiconFilesCount; ++i) {
    Status s = lexicon.AddJsonLines(
        kLexiconFiles[i].Content(),
        std::string("<built-in>/") + kLexiconFiles[i].name, /*user=*/false);
    if (!s.ok()) return s;
  }
  return lexicon;
}

Status Lexicon::AddFile(const std::string& path) {
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return AddJsonLines(*content, path);
}

Status Lexicon::AddJsonLines(std::string_view content,
                             const std::string& origin, bool user) {
  std::size_t line_no = 0, pos = 0, records = 0;
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = Trim(content.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::string where = origin + ":" + std::to_string(line_no);
    rapidjson::Document doc;
    if (Status s = ParseJsonRecord(line, &doc); !s.ok()) {
      return s.WithPrefix(where);
    }
    Status s = AddRecord(&doc, where, user);
    if (!s.ok()) return s;
    ++records;
  }
  if (records == 0) {
    return Status::InvalidInput(origin + ": no lexicon records found");
  }
  return Status::Ok();
}

Status Lexicon::AddRecord(const void* json_value, const std::string& where,
                          bool user) {
  const auto& v = *static_cast<const rapidjson::Document*>(json_value);
  if (!v.IsObject()) {
    return Status::InvalidInput(where + ": a record must be a JSON object");
  }
  auto type_it = v.FindMember("type");
  if (type_it == v.MemberEnd() || !type_it->value.IsString()) {
    return Status::InvalidInput(where + ": /type: missing; expected one of "
                                "state, organization, person, title, agent, "
                                "relation, cameo, place");
  }
  std::string type = type_it->value.GetString();
  const rapidjson::SchemaDocument* schema = RecordSchemas::Get().For(type);
  if (!schema) {
    return Status::InvalidInput(where + ": /type: unknown record type '" +
                                type + "'");
  }
  rapidjson::SchemaValidator validator(*schema);
  if (!v.Accept(validator)) {
    return Status::InvalidInput(where + ": " + Describe(validator));
  }
  using namespace lexicon_records;
  if (type == "state") {
    StateEntry e = ToState(v);
    e.user = user;
    std::string key = e.code;
    Upsert(&states_, &state_index_, key, std::move(e));
  } else if (type == "organization") {
    OrganizationEntry e = ToOrganization(v);
    e.user = user;
    std::string key = e.id;
    Upsert(&organizations_, &organization_index_, key, std::move(e));
  } else if (type == "person") {
    PersonEntry e = ToPerson(v);
    e.user = user;
    if (Status c = CheckPerson(e, where); !c.ok()) return c;
    std::string key = e.id;
    Upsert(&people_, &person_index_, key, std::move(e));
  } else if (type == "title") {
    TitleEntry e = ToTitle(v);
    e.user = user;
    std::string key = e.title + "/" + e.country;
    Upsert(&titles_, &title_index_, key, std::move(e));
  } else if (type == "agent") {
    AgentEntry e = ToAgent(v);
    e.user = user;
    std::string key = e.name;
    Upsert(&agents_, &agent_index_, key, std::move(e));
  } else if (type == "relation") {
    RelationEntry e = ToRelation(v);
    e.origin = where;
    relations_.push_back(std::move(e));
  } else if (type == "place") {
    PlaceEntry e = ToPlace(v);
    e.user = user;
    std::string key = e.name;
    Upsert(&places_, &place_index_, key, std::move(e));
  } else {
    CameoEntry e = ToCameo(v);
    std::string key = e.code;
    Upsert(&cameo_, &cameo_index_, key, std::move(e));
  }
  return Status::Ok();
}

// What the schema cannot say: real calendar dates, and no two terms of the
// same office that overlap (two different offices may: Xi Jinping is General
// Secretary and President at once).
Status Lexicon::CheckPerson(const PersonEntry& p, const std::string& where) {
  for (std::size_t i = 0; i < p.roles.size(); ++i) {
    const RoleEntry& r = p.roles[i];
    std::string at = where + ": /roles/" + std::to_string(i);
    if (r.from.year == 1 && r.from.month == 1 && r.from.day == 1) {
      return Status::InvalidInput(at + "/from: not a real date");
    }
    if (r.to && !(r.from < *r.to)) {
      return Status::InvalidInput(at + "/to: ends before it starts");
    }
    for (std::size_t j = 0; j < i; ++j) {
      const RoleEntry& o = p.roles[j];
      bool overlap = r.title == o.title && r.country == o.country &&
                     (!o.to || r.from < *o.to) && (!r.to || o.from < *r.to);
      if (overlap) {
        return Status::InvalidInput(at + ": overlaps /roles/" +
                                    std::to_string(j) + " (same office, " +
                                    r.title + ")");
      }
    }
  }
  return Status::Ok();
}

template <typename T>
void Lexicon::Upsert(std::vector<T>* list,
                     std::map<std::string, std::size_t>* index,
                     const std::string& key, T entry) {
  auto it = index->find(key);
  if (it != index->end()) {
    (*list)[it->second] = std::move(entry);
    return;
  }
  index->emplace(key, list->size());
  list->push_back(std::move(entry));
}

void Lexicon::MergeState(StateEntry entry) {
  auto it = state_index_.find(entry.code);
  if (it == state_index_.end()) {
    std::string key = entry.code;  // copied: `entry` is moved below
    Upsert(&states_, &state_index_, key, std::move(entry));
    return;
  }
  StateEntry& s = states_[it->second];
  s.names.insert(s.names.end(), entry.names.begin(), entry.names.end());
  s.user = s.user || entry.user;
}

void Lexicon::AddAgent(AgentEntry entry) {
  std::string key = entry.name + "/" + entry.sector;
  Upsert(&agents_, &agent_index_, key, std::move(entry));
}

const CameoEntry* Lexicon::FindCameo(std::string_view code) const {
  auto it = cameo_index_.find(std::string(code));
  return it == cameo_index_.end() ? nullptr : &cameo_[it->second];
}

const StateEntry* Lexicon::FindState(std::string_view code) const {
  auto it = state_index_.find(std::string(code));
  return it == state_index_.end() ? nullptr : &states_[it->second];
}

const EmbeddedFile* FindSchema(const std::string& name) {
  for (std::size_t i = 0; i < kSchemaFilesCount; ++i) {
    if (name == kSchemaFiles[i].name) return &kSchemaFiles[i];
  }
  return nullptr;
}

}  // namespace entente
