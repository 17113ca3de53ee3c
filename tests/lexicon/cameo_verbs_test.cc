#include "lexicon/cameo_verbs.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace entente {
namespace {

constexpr const char* kSmall =
    "# a comment line\n"
    "&TIETYPES\n"
    "+MILITARY\n"
    "+ECONOMIC_\n"
    "\n"
    "&WIDER  # a set that names another set\n"
    "+&TIETYPES\n"
    "+CLOSER_TO\n"
    "\n"
    "--- MEET  [040:040] ---\n"
    "MEET {MEETS MET MEETING}\n"
    "COMMUNICATE [041]\n"
    "+BREAK_DOWN {+BROKE_DOWN}\n"
    "WIRE_+TAP\n"
    "- * {&TIETYPES TIES} (WITH +)  [046]  # a comment [not a code]\n"
    "- $ * (IN) ^ +   [043:042]\n"
    "- % *  [036]\n";

bool HasForm(const CameoVerbBlock& b, const std::vector<std::string>& words) {
  return std::any_of(b.forms.begin(), b.forms.end(),
                     [&](const CameoVerbForm& f) { return f.words == words; });
}

TEST_CASE("reads synonym sets, verb blocks, forms and patterns") {
  CameoVerbDictionary d;
  REQUIRE(d.Add(kSmall, "v.txt").ok());
  CHECK(d.warnings.empty());
  REQUIRE(d.synsets.size() == 2);
  CHECK(d.synsets[0].name == "TIETYPES");
  REQUIRE(d.synsets[0].members.size() == 2);
  CHECK(d.synsets[0].members[0][0].text == "military");
  CHECK_FALSE(d.synsets[0].members[0][0].exact);
  CHECK(d.synsets[0].members[1][0].exact);  // "ECONOMIC_"
  // "+&TIETYPES" brings in the members of that set.
  CHECK(d.synsets[1].members.size() == 3);

  REQUIRE(d.blocks.size() == 1);
  const CameoVerbBlock& meet = d.blocks[0];
  CHECK(meet.name == "MEET");
  CHECK(meet.code == "040");
  CHECK(meet.reverse == "040");
  CHECK(HasForm(meet, {"met"}));
  CHECK(HasForm(meet, {"meets"}));
  CHECK(HasForm(meet, {"communicated"}));  // regular forms are generated
  CHECK(HasForm(meet, {"broke", "down"}));
  CHECK(HasForm(meet, {"breaking", "down"}));
  CHECK(HasForm(meet, {"wire", "tapped"}));  // the '+' word is inflected
  auto communicate = std::find_if(
      meet.forms.begin(), meet.forms.end(),
      [](const CameoVerbForm& f) { return f.words[0] == "communicate"; });
  REQUIRE(communicate != meet.forms.end());
  CHECK(communicate->has_code);
  CHECK(communicate->code == "041");

  REQUIRE(meet.patterns.size() == 3);
  const CameoVerbPattern& ties = meet.patterns[0];
  CHECK(ties.code == "046");
  CHECK(ties.before.empty());
  using K = CameoPatternElement::Kind;
  REQUIRE(ties.after.size() == 4);
  CHECK(ties.after[0].kind == K::kSynset);
  CHECK(ties.after[1].word.text == "ties");
  CHECK(ties.after[2].word.text == "with");
  CHECK(ties.after[3].kind == K::kTarget);
  const CameoVerbPattern& visit = meet.patterns[1];
  CHECK(visit.code == "043");
  CHECK(visit.reverse == "042");
  REQUIRE(visit.before.size() == 1);
  CHECK(visit.before[0].kind == K::kSource);
  REQUIRE(visit.after.size() == 3);
  CHECK(visit.after[1].kind == K::kSkip);
  CHECK(meet.patterns[2].before[0].kind == K::kCompound);
  CHECK(d.pattern_count() == 3);
}

TEST_CASE("skips malformed lines with a warning naming file and line") {
  CameoVerbDictionary d;
  Status s = d.Add(
      "&SET\n+ONE\n"
      "- * ORPHAN [010]\n"  // 3: a pattern before any block
      "--- GOOD [010] ---\n"
      "GOOD\n"
      "- * NO CODE\n"           // 6: no code
      "- NO VERB [020]\n"       // 7: no '*'
      "- * &NOSUCHSET [020]\n"  // 8: unknown set
      "- * (UNCLOSED [020\n"    // 9: '[' without ']'
      "- * FINE [030]\n"
      "--- BROKEN HEADER ---\n",  // 11: no code
      "bad.txt");
  REQUIRE(s.ok());
  REQUIRE(d.warnings.size() == 6);
  CHECK(d.warnings[0].rfind("bad.txt:3: a pattern outside a verb block", 0) ==
        0);
  CHECK(d.warnings[1].rfind("bad.txt:6: a pattern needs a [CODE]", 0) == 0);
  CHECK(d.warnings[2].rfind("bad.txt:7: a pattern needs '*'", 0) == 0);
  CHECK(d.warnings[3].rfind("bad.txt:8: unknown synonym set '&NOSUCHSET'", 0) ==
        0);
  CHECK(d.warnings[4].rfind("bad.txt:9:", 0) == 0);
  CHECK(d.warnings[5].rfind("bad.txt:11:", 0) == 0);
  for (const std::string& w : d.warnings) {
    CAPTURE(w);
    CHECK(w.find("; skipped") != std::string::npos);
  }
  REQUIRE(d.blocks.size() == 1);
  REQUIRE(d.blocks[0].patterns.size() == 1);
  CHECK(d.blocks[0].patterns[0].code == "030");
}

TEST_CASE("a file without verb blocks fails, a missing file fails") {
  CameoVerbDictionary d;
  Status s = d.Add("GONDOR [GON]\n+MINAS_TIRITH\n", "actors.txt");
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("actors.txt") != std::string::npos);
  CHECK_FALSE(d.AddFile("/nonexistent/verbs.txt").ok());
}

TEST_CASE("regular verb forms") {
  struct Case {
    const char* verb;
    std::vector<std::string> expected;
  } cases[] = {
      {"meet", {"meet", "meets", "meeted", "meeting"}},
      {"agree", {"agree", "agrees", "agreed", "agreeing"}},
      {"deny", {"deny", "denies", "denied", "denying"}},
      {"urge", {"urge", "urges", "urged", "urging"}},
      {"push", {"push", "pushes", "pushed", "pushing"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.verb);
    CHECK(RegularVerbForms(c.verb) == c.expected);
  }
  std::vector<std::string> permit = RegularVerbForms("permit");
  CHECK(std::find(permit.begin(), permit.end(), "permitted") != permit.end());
}

TEST_CASE("reads the field's verb dictionaries when they are present") {
  const char* shared = std::getenv("ENTENTE_SHARED");
  if (!shared) return;
  std::filesystem::path dir =
      std::filesystem::path(shared) / "eval" / "petrarch" / "dictionaries";
  for (const char* file : {"phoenix/CAMEO.2.0.txt",
                           "validate_ud_2_02/PETR_Validate_verbs_2_02.txt"}) {
    std::filesystem::path p = dir / file;
    if (!std::filesystem::exists(p)) continue;
    CAPTURE(file);
    CameoVerbDictionary d;
    REQUIRE(d.AddFile(p.string()).ok());
    CHECK(d.blocks.size() > 50);
    CHECK(d.pattern_count() > 200);
    // A few odd lines (sets used but never defined, a block header
    // without a code), reported and skipped.
    CHECK(d.warnings.size() < 30);
  }
}

}  // namespace
}  // namespace entente
