#include "text/phrase_matcher.h"

#include <doctest/doctest.h>

#include <string>

namespace entente {
namespace {

PhraseMatcher::Match Find(const PhraseMatcher& m, const std::string& text,
                          std::size_t at = 0) {
  static std::vector<Token> tokens;
  tokens = Tokenize(text, 0, text.size());
  return m.Longest(tokens, at, tokens.size());
}

TEST_CASE("prefers the longest phrase") {
  PhraseMatcher m;
  m.Add("met", 1, false);
  m.Add("met with", 2, false);
  auto r = Find(m, "met with Xi");
  CHECK(r.length == 2);
  CHECK(r.payloads->front() == 2);
  CHECK(Find(m, "met Xi").length == 1);
  CHECK(Find(m, "meet Xi").length == 0);
}

TEST_CASE("case-sensitive names keep 'US' apart from 'us'") {
  PhraseMatcher m;
  m.Add("US", 1, true);
  m.Add("Turkey", 2, true);
  m.Add("foreign minister", 3, false);
  CHECK(Find(m, "US officials").length == 1);
  CHECK(Find(m, "Us officials").length == 0);
  CHECK(Find(m, "told us").length == 0);
  CHECK(Find(m, "told us", 1).length == 0);
  CHECK(Find(m, "turkey dinner").length == 0);
  CHECK(Find(m, "TURKEY").length == 1);
  CHECK(Find(m, "Foreign Minister Wang").length == 2);
  CHECK(Find(m, "the foreign minister", 1).length == 2);
}

TEST_CASE("matches across accents and keeps every payload of a phrase") {
  PhraseMatcher m;
  m.Add("Aleksandar Vucic", 7, true);
  m.Add("Georgia", 1, true);
  m.Add("Georgia", 2, true);
  auto r = Find(m, "Aleksandar Vu\xC4\x8Di\xC4\x87 said");
  CHECK(r.length == 2);
  auto g = Find(m, "Georgia");
  REQUIRE(g.payloads);
  CHECK(g.payloads->size() == 2);
}

}  // namespace
}  // namespace entente
