#include "text/sentences.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace entente {
namespace {

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(text)) {
    out.push_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

// The scan for '.', '!', '?' and newlines reads 16 or 8 bytes at a time:
// a terminator at any offset of such a block, and at the very end, must
// still be found.
TEST_CASE("finds a terminator at every offset of a block") {
  for (std::size_t pad = 0; pad < 40; ++pad) {
    for (const char* end : {".", "!", "?", "\n\n"}) {
      std::string first = "Talks " + std::string(pad, 'x') + end;
      std::string text = first + " Then they left.";
      CAPTURE(text);
      std::vector<std::string> got = Split(text);
      REQUIRE(got.size() == 2);
      std::string want = first;
      while (want.back() == '\n' || want.back() == ' ') want.pop_back();
      CHECK(got[0] == want);
      CHECK(got[1] == "Then they left.");
      CHECK(Split(first).size() == 1);
    }
  }
}

// The word before a period is found by reading the sixteen bytes before
// it at once: an abbreviation after each kind of stop, at every offset of
// such a block, must still keep its period.
TEST_CASE("finds the word before a period after every stop at every offset") {
  for (std::size_t pad = 0; pad < 40; ++pad) {
    for (const char* stop : {" ", "\t", "\n", "\r", "\f", "(", "\""}) {
      std::string first = std::string(pad, 'x') + stop + "Gen. Smith met.";
      std::string text = first + " Then they left.";
      CAPTURE(text);
      std::vector<std::string> got = Split(text);
      REQUIRE(got.size() == 2);
      CHECK(got[1] == "Then they left.");
      // Without the stop the word is "x...xGen", no abbreviation.
      CHECK(Split(std::string(pad + 1, 'x') + "Gen. Smith met.").size() == 2);
    }
  }
}

TEST_CASE("survives U.S., Feb. 17, Mr., No. 10 and initials") {
  struct Case {
    std::string text;
    std::size_t sentences;
  } cases[] = {
      {"U.S. officials met on Feb. 17 in Bonn. Mr. Biden spoke.", 2},
      {"He visited the U.S. The trip was short.", 2},
      {"The U.S. and China agreed. They signed.", 2},
      {"Gen. Mark Milley and Lt. Gen. Smith met. It went well.", 2},
      {"Press secretary Brig. Gen. Pat Ryder said so. Cpl. Smith agreed.", 2},
      {"J. Biden spoke. \"We agree,\" he said. Talks end.", 3},
      {"Prices rose 3.5 percent. Nothing else.", 2},
      {"He met the No. 2 official at No. 10 Downing Street. Then he left.", 2},
      {"Moscow said no. Kyiv disagreed.", 2},
      // Abbreviations in capitals, and words with accents, which are folded
      // (FoldWord) before they are looked up: "nó" is "no".
      {"A call with GOV. Newsom. He agreed.", 2},
      {"A vote of nó. Then more.", 2},
      {"Room Nó. 5 is here. Next.", 2},
      {"He met Abdullahi. Then he left.", 2},
      {"Why? Because. Yes!", 3},
      {"Headline without period\n\nBody text here. More.", 3},
      {"", 0},
      {"   \n\n  ", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(Split(c.text).size() == c.sentences);
  }
}

TEST_CASE("sentence spans are trimmed byte ranges of the text") {
  std::string text = "  First one.  Second one.\n";
  auto s = SplitSentences(text);
  REQUIRE(s.size() == 2);
  CHECK(text.substr(s[0].start, s[0].end - s[0].start) == "First one.");
  CHECK(text.substr(s[1].start, s[1].end - s[1].start) == "Second one.");
}

}  // namespace
}  // namespace entente
