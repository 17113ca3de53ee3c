#include <doctest/doctest.h>

#include <tuple>

#include "entente/query.h"

namespace entente {
namespace {

RelationGraph Sample() {
  RelationGraph g;
  auto add = [&](const std::string& doc, Actor a, Actor b,
                 const std::string& rel, const std::string& date,
                 const std::string& where = "") {
    Event e;
    e.doc = doc;
    e.source = a;
    e.target = b;
    e.relation = rel;
    e.symmetric = rel != "visit";
    e.date = {date, "day", "", "text"};
    if (!where.empty()) e.location = Location{where, ""};
    g.AddEvent(e);
  };
  Actor biden{"joe-biden", "Joe Biden", "person", "USA", "USAGOV", "President"};
  Actor xi{"xi-jinping", "Xi Jinping", "person", "CHN", "CHNGOV", "President"};
  Actor macron{"emmanuel-macron", "Emmanuel Macron", "person", "FRA", "FRAGOV",
               "President"};
  Actor jinping{"jinping-li", "Li Jinping", "person", "CHN", "CHNGOV", ""};
  add("a", biden, xi, "phone_call", "2021-09-09");
  add("b", xi, biden, "phone_call", "2021-09-09");
  add("c", biden, macron, "meeting", "2021-10-29", "Rome");
  add("c", biden, macron, "criticize", "2021-10-29");
  add("d", macron, xi, "talks", "2021-W40");
  add("e", jinping, macron, "meeting", "2020-01-05");
  return g;
}

TEST_CASE("lists contacts of an actor with sources, how and where") {
  RelationGraph g = Sample();
  auto rows = WhoMet(g, {"biden", "", "", ""});
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 2);
  CHECK((*rows)[0].date == "2021-09-09");
  CHECK((*rows)[0].a.id == "joe-biden");
  CHECK((*rows)[0].how == "call");
  CHECK((*rows)[0].sources == 2);
  CHECK((*rows)[1].how == "meeting");
  CHECK((*rows)[1].where == "Rome");
}

TEST_CASE("filters by partner and by date window, weeks included") {
  RelationGraph g = Sample();
  auto with = WhoMet(g, {"Joe Biden", "Macron", "", ""});
  REQUIRE(with.ok());
  CHECK(with->size() == 1);
  auto window = WhoMet(g, {"", "", "2021-10-01", "2021-10-31"});
  REQUIRE(window.ok());
  REQUIRE(window->size() == 2);  // the W40 talks and the Rome meeting
  CHECK((*window)[0].date == "2021-10-29");
  CHECK((*window)[1].date == "2021-W40");
}

TEST_CASE("resolves actors as users type them and lists ambiguous ones") {
  RelationGraph g = Sample();
  CHECK(*ResolveActor(g, "XI JINPING") == "xi-jinping");
  CHECK(*ResolveActor(g, "usa") == "USA");
  Result<std::string> amb = ResolveActor(g, "jinping");
  REQUIRE_FALSE(amb.ok());
  CHECK(amb.status().message().find("xi-jinping") != std::string::npos);
  CHECK(amb.status().message().find("jinping-li") != std::string::npos);
  CHECK_FALSE(ResolveActor(g, "nobody").ok());
  CHECK_FALSE(WhoMet(g, {"", "", "2021-13-01", ""}).ok());
}

TEST_CASE("--how, --min-sources and --as-of narrow the contacts") {
  RelationGraph g = Sample();
  WhoMetQuery calls;
  calls.how = {"call"};
  auto only_calls = WhoMet(g, calls);
  REQUIRE(only_calls.ok());
  REQUIRE(only_calls->size() == 1);
  CHECK((*only_calls)[0].sources == 2);
  CHECK((*only_calls)[0].mentions == 2);
  WhoMetQuery strong;
  strong.min_sources = 2;
  auto two = WhoMet(g, strong);
  REQUIRE(two.ok());
  CHECK(two->size() == 1);
  WhoMetQuery early;
  early.as_of = "2021-09-30";
  auto before = WhoMet(g, early);
  REQUIRE(before.ok());
  REQUIRE(before->size() == 2);  // the 2020 meeting and the call
  CHECK((*before)[1].date == "2021-09-09");
  WhoMetQuery bad;
  bad.how = {"dinner"};
  CHECK_FALSE(WhoMet(g, bad).ok());
}

TEST_CASE("a visit and its hosting on one date are one contact") {
  RelationGraph g;
  Actor a{"a", "A", "person", "USA", "USAGOV", ""};
  Actor b{"b", "B", "person", "FRA", "FRAGOV", ""};
  for (auto [doc, rel, s, t] : {std::tuple{"d1", "visit", a, b},
                                std::tuple{"d2", "host", b, a}}) {
    Event e;
    e.doc = doc;
    e.source = s;
    e.target = t;
    e.relation = rel;
    e.date = {"2022-02-02", "day", "", "text"};
    g.AddEvent(e);
  }
  WhoMetQuery q;
  q.how = {"visit"};
  auto rows = WhoMet(g, q);
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  CHECK((*rows)[0].a.id == "a");  // the visitor first
  CHECK((*rows)[0].sources == 2);
  q.scan_all_edges = true;
  auto scanned = WhoMet(g, q);
  REQUIRE(scanned.ok());
  CHECK(scanned->size() == 1);
}

}  // namespace
}  // namespace entente
