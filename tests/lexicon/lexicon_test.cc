#include "lexicon/lexicon.h"

#include <doctest/doctest.h>

#include <set>

#include "core/calendar.h"

namespace entente {
namespace {

const Lexicon& Default() {
  static const Lexicon lexicon = *Lexicon::LoadDefault();
  return lexicon;
}

TEST_CASE("the built-in lexicons load and cover what the design promises") {
  const Lexicon& l = Default();
  CHECK(l.states().size() >= 195);  // UN members, observers, Taiwan, Kosovo
  CHECK(l.organizations().size() >= 20);
  CHECK(l.people().size() >= 200);
  CHECK(l.titles().size() >= 50);
  CHECK(l.relations().size() >= 20);
  CHECK(l.places().size() >= 20);
  std::set<std::string> roots;
  for (const auto& c : l.cameo_codes()) roots.insert(c.code.substr(0, 2));
  CHECK(roots.size() == 20);  // all CAMEO root codes
  for (const char* code : {"USA", "CHN", "RUS", "TWN", "KSV", "PSE", "VAT"}) {
    CAPTURE(code);
    CHECK(l.FindState(code) != nullptr);
  }
  // Every relation's CAMEO code has an entry (and so a PLOVER type).
  for (const auto& r : l.relations()) {
    CAPTURE(r.origin);
    CHECK(l.FindCameo(r.cameo) != nullptr);
  }
}

TEST_CASE("gives Joe Biden the role he held at the document's date") {
  const PersonEntry* biden = nullptr;
  for (const auto& p : Default().people()) {
    if (p.id == "joe-biden") biden = &p;
  }
  REQUIRE(biden);
  struct Case {
    const char* date;
    const char* role;
  } cases[] = {{"2010-06-01", "Vice President"},
               {"2021-09-10", "President"},
               {"2025-01-19", "President"}};
  for (const Case& c : cases) {
    CAPTURE(c.date);
    const RoleEntry* r = biden->RoleAt(ParseIsoDate(c.date));
    REQUIRE(r);
    CHECK(r->title == c.role);
  }
  CHECK(biden->RoleAt(ParseIsoDate("2019-05-01")) == nullptr);
  CHECK(biden->RoleAt(ParseIsoDate("2025-06-01")) == nullptr);
}

TEST_CASE("bad lexicon lines are rejected with origin, line and field") {
  struct Case {
    const char* content;
    const char* expect;
  } cases[] = {
      {"{\"type\":\"state\",\"code\":\"usa\",\"name\":\"X\"}", "f:1: /code"},
      {"# comment\n{\"type\":\"person\",\"id\":\"x\"}", "f:2: /"},
      {"{\"type\":\"planet\"}", "unknown record type 'planet'"},
      {"{\"type\":\"state\",", "f:1: not valid JSON"},
      {"[1,2]", "must be a JSON object"},
      {"# only comments\n", "no lexicon records"},
      {"{\"type\":\"title\",\"title\":\"Envoy\",\"sector\":\"GOV\",\"colour\":1}",
       "a field the schema does not allow"},
      {"{\"type\":\"place\",\"names\":[\"Lake Chad\"]}", "f:1: /"},
      {"{\"type\":\"place\",\"name\":\"Lake Chad\",\"country\":\"TCD\"}",
       "a field the schema does not allow"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.content);
    Lexicon l;
    Status s = l.AddJsonLines(c.content, "f");
    CHECK_FALSE(s.ok());
    CHECK(s.message().find(c.expect) != std::string::npos);
  }
}

TEST_CASE("a user record with a known id replaces the built-in one") {
  Lexicon l = *Lexicon::LoadDefault();
  std::size_t before = l.states().size();
  Status s = l.AddJsonLines(
      "{\"type\":\"state\",\"code\":\"USA\",\"name\":\"United States\","
      "\"names\":[\"the States\"]}",
      "user");
  REQUIRE(s.ok());
  CHECK(l.states().size() == before);
  CHECK(l.FindState("USA")->names.size() == 1);
}

TEST_CASE("place records are read, and a user's replaces a built-in one") {
  Lexicon l = *Lexicon::LoadDefault();
  std::size_t before = l.places().size();
  REQUIRE(l.AddJsonLines("{\"type\":\"place\",\"name\":\"South China Sea\","
                         "\"names\":[\"SCS\"]}",
                         "user")
              .ok());
  CHECK(l.places().size() == before);
  REQUIRE(l.AddJsonLines("{\"type\":\"place\",\"name\":\"Sea of Okhotsk\"}",
                         "user")
              .ok());
  CHECK(l.places().size() == before + 1);
  CHECK(l.places().back().user);
}

}  // namespace
}  // namespace entente
