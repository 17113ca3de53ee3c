#include "dates/tense_cues.h"

#include <doctest/doctest.h>

#include <string>

namespace entente {
namespace {

TEST_CASE("finds the nearest tense cue around a time expression") {
  struct Case {
    const char* sentence;
    const char* expression;
    bool ahead;
  } cases[] = {
      {"Biden met Xi on Thursday.", "Thursday", false},
      {"Biden will meet Xi on Thursday.", "Thursday", true},
      {"Biden'll meet Xi on Thursday.", "Thursday", true},
      {"Xi is to visit Moscow on Thursday.", "Thursday", true},
      {"The memoir is due to be published in May.", "May", true},
      {"Officials said Thursday that Biden will travel.", "Thursday", false},
      {"On Thursday, Biden will meet Xi.", "Thursday", true},
      {"On Thursday, Biden said he would go.", "Thursday", false},
      {"The upcoming talks on Thursday matter.", "Thursday", true},
      {"Thursday", "Thursday", false},
  };
  for (const auto& c : cases) {
    std::string s = c.sentence;
    CAPTURE(s);
    std::size_t begin = s.find(c.expression);
    REQUIRE(begin != std::string::npos);
    CHECK(LooksAhead(s, begin, begin + std::string(c.expression).size()) ==
          c.ahead);
  }
}

TEST_CASE("clamps offsets outside the sentence") {
  CHECK_FALSE(LooksAhead("", 5, 10));
  CHECK(LooksAhead("They will meet", 100, 200));
  CHECK_FALSE(LooksAhead("They met", 8, 2));
}

}  // namespace
}  // namespace entente
