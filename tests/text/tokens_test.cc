#include "text/tokens.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace entente {
namespace {

// Folded tokens joined by '|', so a failure shows them.
std::string Folded(std::string_view text) {
  std::string out;
  for (const Token& t : Tokenize(text, 0, text.size())) {
    if (!out.empty()) out += "|";
    out += t.folded;
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "|") + p;
  return out;
}

TEST_CASE("splits possessives, keeps abbreviations and folds accents") {
  struct Case {
    const char* text;
    std::vector<std::string> want;
  } cases[] = {
      {"China's top diplomat", {"china", "'s", "top", "diplomat"}},
      {"China\xE2\x80\x99s envoy", {"china", "'s", "envoy"}},
      {"the U.S. said", {"the", "u.s.", "said"}},
      {"Feb. 17", {"feb.", "17"}},
      {"Mr. Vu\xC4\x8Di\xC4\x87 left.", {"mr.", "vucic", "left", "."}},
      {"Côte d'Ivoire", {"cote", "d'ivoire"}},
      {"al-Qaeda's leader", {"al-qaeda", "'s", "leader"}},
      {"3.5 percent", {"3.5", "percent"}},
      {"\"Yes,\" he said", {"\"", "yes", ",", "\"", "he", "said"}},
      {"WASHINGTON (AP) \xE2\x80\x94 Biden",
       {"washington", "(", "ap", ")", "\xE2\x80\x94", "biden"}},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.text));
    CHECK(Folded(c.text) == Join(c.want));
  }
}

TEST_CASE("marks capitalised and all-caps words with their byte spans") {
  std::string text = "Biden met US and \xC3\x96zil, not us.";
  std::vector<Token> t = Tokenize(text, 0, text.size());
  REQUIRE(t.size() >= 8);
  CHECK(t[0].capitalized);
  CHECK_FALSE(t[0].all_caps);
  CHECK(t[2].all_caps);
  CHECK(t[4].capitalized);  // Ö
  CHECK_FALSE(t[7].capitalized);
  CHECK(text.substr(t[4].start, t[4].end - t[4].start) == "\xC3\x96zil");
}

TEST_CASE("tokenizes only the requested range, with offsets into the text") {
  std::string text = "One. Two three.";
  std::vector<Token> t = Tokenize(text, 5, text.size());
  REQUIRE(t.size() == 3);
  CHECK(t[0].start == 5);
  CHECK(t[0].folded == "two");
}

}  // namespace
}  // namespace entente
