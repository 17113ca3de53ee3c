// Field-by-field readers for schema-validated lexicon records.
#include "lexicon/lexicon_records.h"

#include "core/calendar.h"
#include "core/json_reader.h"

namespace entente::lexicon_records {
namespace {

std::string Str(const rapidjson::Value& v, const char* key) {
  return JsonString(v, key);
}

std::vector<std::string> Strs(const rapidjson::Value& v, const char* key) {
  std::vector<std::string> out;
  JsonStrings(v, key, &out);
  return out;
}

}  // namespace

StateEntry ToState(const rapidjson::Value& v) {
  StateEntry e;
  e.code = Str(v, "code");
  e.name = Str(v, "name");
  e.names = Strs(v, "names");
  e.adjectives = Strs(v, "adjectives");
  e.demonyms = Strs(v, "demonyms");
  e.capitals = Strs(v, "capitals");
  e.cities = Strs(v, "cities");
  if (auto it = v.FindMember("seats"); it != v.MemberEnd()) {
    for (const auto& seat : it->value.GetArray()) {
      StateEntry::Seat st{Strs(seat, "names"), Str(seat, "sector"), false};
      auto group = seat.FindMember("group");
      st.group = group != seat.MemberEnd() && group->value.IsBool()
                     ? group->value.GetBool()
                     : st.sector != "GOV";
      e.seats.push_back(std::move(st));
    }
  }
  return e;
}

OrganizationEntry ToOrganization(const rapidjson::Value& v) {
  return {Str(v, "id"), Str(v, "name"), Str(v, "code"), Str(v, "country"),
          Strs(v, "names")};
}

PersonEntry ToPerson(const rapidjson::Value& v) {
  PersonEntry e;
  e.id = Str(v, "id");
  e.name = Str(v, "name");
  e.country = Str(v, "country");
  e.names = Strs(v, "names");
  e.short_names = Strs(v, "short");
  std::string pronoun = Str(v, "pronoun");
  e.pronoun = pronoun == "she" ? 's' : pronoun == "he" ? 'h' : 0;
  if (auto it = v.FindMember("roles"); it != v.MemberEnd()) {
    for (const auto& r : it->value.GetArray()) {
      RoleEntry role;
      role.title = Str(r, "title");
      role.code = Str(r, "code");
      role.country = Str(r, "country");
      if (role.country.empty()) role.country = e.country;
      // An impossible date ("2015-02-30") passes the schema's pattern;
      // Lexicon::CheckPerson rejects the 0001-01-01 it becomes here, and a
      // "to" that is not a date reads as 0001-01-01 too (ends before it
      // starts).
      role.from = ParseIsoDate(Str(r, "from")).value_or(CivilDate{1, 1, 1});
      std::string to = Str(r, "to");
      if (!to.empty()) role.to = ParseIsoDate(to).value_or(CivilDate{1, 1, 1});
      e.roles.push_back(std::move(role));
    }
  }
  return e;
}

TitleEntry ToTitle(const rapidjson::Value& v) {
  return {Str(v, "title"), Str(v, "sector"), Str(v, "country"),
          Strs(v, "names")};
}

AgentEntry ToAgent(const rapidjson::Value& v) {
  AgentEntry e{Str(v, "name"), Str(v, "sector"), Strs(v, "names")};
  auto context = v.FindMember("context");
  e.context = context != v.MemberEnd() && context->value.IsBool() &&
              context->value.GetBool();
  return e;
}

RelationEntry ToRelation(const rapidjson::Value& v) {
  RelationEntry e;
  e.relation = Str(v, "relation");
  e.cameo = Str(v, "cameo");
  auto sym = v.FindMember("symmetric");
  e.symmetric = sym != v.MemberEnd() && sym->value.IsBool() &&
                sym->value.GetBool();
  e.verbs = Strs(v, "verbs");
  e.passive = Strs(v, "passive");
  e.nouns = Strs(v, "nouns");
  e.source_sectors = Strs(v, "source_sectors");
  e.partner = Str(v, "partner");
  auto mutual = v.FindMember("mutual");
  e.mutual = mutual != v.MemberEnd() && mutual->value.IsBool() &&
             mutual->value.GetBool();
  if (auto it = v.FindMember("examples"); it != v.MemberEnd()) {
    e.positive = Strs(it->value, "positive");
    e.negative = Strs(it->value, "negative");
  }
  return e;
}

CameoEntry ToCameo(const rapidjson::Value& v) {
  CameoEntry e;
  e.code = Str(v, "code");
  e.name = Str(v, "name");
  e.plover = Str(v, "plover");
  e.quad = v["quad"].GetInt();
  e.goldstein = v["goldstein"].GetDouble();
  return e;
}

PlaceEntry ToPlace(const rapidjson::Value& v) {
  PlaceEntry e;
  e.name = Str(v, "name");
  e.names = Strs(v, "names");
  return e;
}

}  // namespace entente::lexicon_records
