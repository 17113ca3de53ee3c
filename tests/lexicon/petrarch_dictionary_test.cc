#include <doctest/doctest.h>

#include <algorithm>

#include "core/calendar.h"
#include "lexicon/lexicon.h"

namespace entente {
namespace {

TEST_CASE("reads actor entries, synonyms, stems and date-restricted codes") {
  Lexicon l;
  Status s = l.AddCameoActors(
      "<!-- header\n spanning lines -->\n"
      "ARNOR_  [ARN]\n"
      "GONDOR [GON]\n"
      "+MINAS_TIRITH\n"
      "SAM_GAMGEE [HOB]  # default\n"
      "\t[HOBCIV <20080120]\n"
      "\t[HOBGOV 20121109-20130119]\n"
      "\t[HOBELI >130119]\n",
      "d.txt");
  REQUIRE(s.ok());
  const StateEntry* arnor = l.FindState("ARN");
  REQUIRE(arnor);
  CHECK(arnor->name == "Arnor");
  const StateEntry* gondor = l.FindState("GON");
  REQUIRE(gondor);
  CHECK(std::find(gondor->names.begin(), gondor->names.end(), "Gondorian") !=
        gondor->names.end());  // a stem: common endings are added
  CHECK(std::find(gondor->names.begin(), gondor->names.end(),
                  "Minas Tirith") != gondor->names.end());
  REQUIRE(l.cameo_actors().size() == 1);
  const CameoActorEntry& sam = l.cameo_actors()[0];
  CHECK(sam.name == "Sam Gamgee");
  struct Case {
    const char* date;
    const char* code;
  } cases[] = {{"2005-01-01", "HOBCIV"},
               {"2012-12-01", "HOBGOV"},
               {"2014-01-01", "HOBELI"},
               {"2010-01-01", "HOB"}};
  for (const Case& c : cases) {
    CAPTURE(c.date);
    CHECK(sam.CodeAt(ParseIsoDate(c.date)) == c.code);
  }
}

TEST_CASE("skips malformed dictionary lines with a warning naming them") {
  Lexicon l;
  Status s = l.AddCameoActors(
      "GOOD [GOO]\nBAD [XYZ 9008223-911221]\nNOCODE\n\nALSO_GOOD [ALS]\n"
      "+ORPHAN_OK\n",
      "d.txt");
  REQUIRE(s.ok());
  REQUIRE(l.warnings().size() == 2);
  CHECK(l.warnings()[0].find("d.txt:2: bad date restriction") == 0);
  CHECK(l.warnings()[1].find("d.txt:3: 'Nocode' has no code") == 0);
  CHECK(l.FindState("GOO"));
  CHECK(l.FindState("ALS"));
  Lexicon empty;
  CHECK_FALSE(empty.AddCameoActors("# nothing\n", "e.txt").ok());
}

TEST_CASE("reads agents with plurals and substitution sets") {
  Lexicon l;
  Status s = l.AddCameoAgents(
      "!PERSON! = MAN, MEN\n"
      "POLICE {} [~COP]\n"
      "CONGRESS!PERSON! [~LEG]\n"
      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
      "ARMY [~MIL]\n"
      "BROKEN [~ENV}\n",
      "a.txt");
  REQUIRE(s.ok());
  CHECK(l.warnings().size() == 1);
  std::vector<std::string> names;
  for (const AgentEntry& a : l.agents()) {
    for (const std::string& n : a.names) names.push_back(n + "=" + a.sector);
  }
  for (const char* want : {"police=COP", "congressman=LEG", "congressmen=LEG",
                           "attorneys general=GOV", "armies=MIL"}) {
    CAPTURE(want);
    CHECK(std::find(names.begin(), names.end(), want) != names.end());
  }
  CHECK(std::find(names.begin(), names.end(), "polices=COP") == names.end());
}

}  // namespace
}  // namespace entente
