// Reads one line of events.jsonl back into an Event (the inverse of
// export's EventToJson), checking each field's type and naming the JSON
// pointer of the first bad one.
#include "core/json_reader.h"
#include "entente/ingest.h"

namespace entente {
namespace {

using rapidjson::Value;

class FieldReader {
 public:
  explicit FieldReader(std::string prefix) : prefix_(std::move(prefix)) {}

  // Reads a string member; null and absent read as "" unless required.
  bool Str(const Value& obj, const char* key, std::string* out,
           bool required) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || it->value.IsNull()) {
      if (required) Fail(key, "missing");
      return !required;
    }
    if (!it->value.IsString()) return Fail(key, "not a string");
    out->assign(it->value.GetString(), it->value.GetStringLength());
    return true;
  }
  bool Size(const Value& obj, const char* key, std::size_t* out) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return Fail(key, "missing");
    if (!it->value.IsUint64()) return Fail(key, "not a non-negative integer");
    *out = it->value.GetUint64();
    return true;
  }
  const Value* Object(const Value& obj, const char* key, bool required) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || it->value.IsNull()) {
      if (required) Fail(key, "missing");
      return nullptr;
    }
    if (!it->value.IsObject()) {
      Fail(key, "not an object");
      return nullptr;
    }
    return &it->value;
  }
  bool Fail(const char* key, const char* what) {
    if (error_.empty()) error_ = prefix_ + "/" + key + ": " + what;
    return false;
  }
  const std::string& error() const { return error_; }

 private:
  std::string prefix_;
  std::string error_;
};

bool ReadActor(const Value& v, const char* key, Actor* a) {
  FieldReader r(std::string("/") + key);
  auto it = v.FindMember(key);
  if (it == v.MemberEnd() || !it->value.IsObject()) return false;
  const Value& o = it->value;
  return r.Str(o, "id", &a->id, true) && r.Str(o, "name", &a->name, false) &&
         r.Str(o, "kind", &a->kind, false) &&
         r.Str(o, "country", &a->country, false) &&
         r.Str(o, "code", &a->code, false) && r.Str(o, "role", &a->role, false);
}

}  // namespace

Result<Event> ParseEventJson(std::string_view line) {
  rapidjson::Document v;
  if (Status s = ParseJsonRecord(line, &v); !s.ok()) return s;
  Event e;
  FieldReader r("");
  bool ok = r.Str(v, "doc", &e.doc, true) &&
            r.Size(v, "sentence", &e.sentence) &&
            r.Str(v, "relation", &e.relation, true) &&
            r.Str(v, "cameo", &e.cameo, false) &&
            r.Str(v, "plover", &e.plover, false) &&
            r.Str(v, "trigger", &e.trigger, false) &&
            r.Str(v, "polarity", &e.polarity, true) &&
            r.Str(v, "modality", &e.modality, true);
  if (!ok) return Status::InvalidInput(r.error());
  if (!ReadActor(v, "source", &e.source)) {
    return Status::InvalidInput("/source: missing or malformed actor");
  }
  if (!ReadActor(v, "target", &e.target)) {
    return Status::InvalidInput("/target: missing or malformed actor");
  }
  auto sym = v.FindMember("symmetric");
  e.symmetric = sym != v.MemberEnd() && sym->value.IsBool() &&
                sym->value.GetBool();
  if (const Value* d = r.Object(v, "date", false)) {
    FieldReader dr("/date");
    if (!dr.Str(*d, "value", &e.date.value, false) ||
        !dr.Str(*d, "precision", &e.date.precision, false) ||
        !dr.Str(*d, "text", &e.date.text, false) ||
        !dr.Str(*d, "basis", &e.date.basis, false)) {
      return Status::InvalidInput(dr.error());
    }
  }
  if (const Value* l = r.Object(v, "location", false)) {
    Location loc;
    FieldReader lr("/location");
    if (!lr.Str(*l, "name", &loc.name, true) ||
        !lr.Str(*l, "country", &loc.country, false)) {
      return Status::InvalidInput(lr.error());
    }
    e.location = loc;
  }
  r.Str(v, "gathering", &e.gathering, false);
  if (auto p = v.FindMember("participants");
      p != v.MemberEnd() && p->value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < p->value.Size(); ++i) {
      const Value& one = p->value[i];
      Actor a;
      if (!one.IsObject() || !one.HasMember("id") || !one["id"].IsString()) {
        return Status::InvalidInput("/participants/" + std::to_string(i) +
                                    ": not an actor");
      }
      a.id = one["id"].GetString();
      for (auto [key, field] : {std::pair{"name", &a.name},
                                {"kind", &a.kind}, {"country", &a.country},
                                {"code", &a.code}, {"role", &a.role}}) {
        auto f = one.FindMember(key);
        if (f != one.MemberEnd() && f->value.IsString()) {
          *field = f->value.GetString();
        }
      }
      e.participants.push_back(std::move(a));
    }
  }
  if (const Value* ev = r.Object(v, "evidence", false)) {
    FieldReader er("/evidence");
    if (!er.Str(*ev, "text", &e.evidence_text, false) ||
        !er.Size(*ev, "start", &e.evidence_start) ||
        !er.Size(*ev, "end", &e.evidence_end)) {
      return Status::InvalidInput(er.error());
    }
  }
  if (!r.error().empty()) return Status::InvalidInput(r.error());
  return e;
}

}  // namespace entente
