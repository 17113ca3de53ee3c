#include "text/tokens.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "real_texts.h"

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

TEST_CASE("every token's folded form is the folding of its own span") {
  // The ASCII fast path must agree with FoldWord on every kind of token.
  std::string text =
      "WASHINGTON (AP) \xE2\x80\x94 U.S. Secretary of State Antony "
      "Blinken met Gen. Wei Fenghe, China\xE2\x80\x99s defence chief, and "
      "Serbia's Aleksandar Vu\xC4\x8Di\xC4\x87 in K\xC3\xB6ln on "
      "Sept. 3; \xE2\x80\x9CNo deal,\xE2\x80\x9D said al-Zayani's "
      "aide in C\xC3\xB4te d\xE2\x80\x99Ivoire. STRASSE Stra\xC3\x9F"
      "e 3.5% 10:30 MIXEDcase";
  TokenList tokens = Tokenize(text, 0, text.size());
  REQUIRE(tokens.size() > 40);
  for (const Token& t : tokens) {
    std::string_view raw(text.data() + t.start, t.end - t.start);
    CAPTURE(std::string(raw));
    CHECK(t.folded == FoldWord(raw));
  }
}

TEST_CASE("words followed by one or several spaces have the same spans") {
  std::string text = "Foreign  minister\tWang   Yi met Blinken \n in Geneva .";
  TokenList t = Tokenize(text, 0, text.size());
  std::string joined;
  for (const Token& x : t) {
    CHECK(x.folded == FoldWord(text.substr(x.start, x.end - x.start)));
    joined += std::string(x.folded) + "|";
  }
  CHECK(joined == "foreign|minister|wang|yi|met|blinken|in|geneva|.|");
  REQUIRE(t.size() == 9);
  CHECK(t[1].start == 9);
  CHECK(t[2].start == 18);
  CHECK(t[3].start == 25);
}

TEST_CASE("marks capitalised and all-caps words with their byte spans") {
  std::string text = "Biden met US and \xC3\x96zil, not us.";
  TokenList t = Tokenize(text, 0, text.size());
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
  TokenList t = Tokenize(text, 5, text.size());
  REQUIRE(t.size() == 3);
  CHECK(t[0].start == 5);
  CHECK(t[0].folded == "two");
}

TEST_CASE("a copied token list has its own folded forms") {
  std::string text = "Foreign Minister Wang Yi met Blinken in Geneva.";
  TokenList copy;
  {
    TokenList original = Tokenize(text, 0, text.size());
    copy = original;
    REQUIRE(copy.size() == original.size());
    CHECK(copy[0].folded.data() != original[0].folded.data());
    TokenList moved = std::move(original);
    CHECK(moved[2].folded == "wang");
  }
  std::string joined;
  for (const Token& t : copy) joined += std::string(t.folded) + "|";
  CHECK(joined == "foreign|minister|wang|yi|met|blinken|in|geneva|.|");
}

TEST_CASE("long sentences and long words fold like short ones") {
  // Over the per-thread array's size, and words longer than 16 bytes.
  std::string text;
  while (text.size() < 70000) {
    text += "Counter-Terrorism COOPERATIONAGREEMENTS internationalisation "
            "Ab U.S. x ";
  }
  TokenList tokens = Tokenize(text, 0, text.size());
  REQUIRE(tokens.size() > 5000);
  for (const Token& t : tokens) {
    std::string_view raw(text.data() + t.start, t.end - t.start);
    REQUIRE(t.folded == FoldWord(raw));
    REQUIRE(t.hash == HashFolded(t.folded));
  }
  CHECK(tokens[1].all_caps);
}

TEST_CASE("a sentence's last word folds and hashes at every end offset") {
  // The folded buffer has slack for the eight-byte writes of the last
  // words; words ending at each offset from the end of the range, and
  // ranges that stop inside a longer text, must fold like FoldWord.
  const std::string words[] = {"Tuesday", "WASHINGTON", "U.S", "x",
                               "Counter-Terrorism", "K\xC3\xB6ln", "it's"};
  for (const std::string& w : words) {
    for (std::size_t pad = 0; pad < 20; ++pad) {
      std::string text = std::string(pad, 'a') + " " + w + ".";
      for (std::size_t cut : {text.size(), text.size() - 1}) {
        std::string longer = text + "tail words";
        TokenList tokens = Tokenize(longer, 0, cut);
        CAPTURE(text.substr(0, cut));
        REQUIRE(!tokens.empty());
        for (const Token& t : tokens) {
          CHECK(t.end <= cut);
          std::string_view raw(longer.data() + t.start, t.end - t.start);
          CHECK(t.folded == FoldWord(raw));
          CHECK(t.hash == HashFolded(t.folded));
        }
      }
    }
  }
}

TEST_CASE("all_caps needs two or more upper-case letters and no lower") {
  // The short-word path tests for a second capital rather than counting
  // them: check it at every length and position of the second capital.
  for (std::size_t n = 1; n <= 18; ++n) {
    for (std::size_t second = 0; second <= n; ++second) {
      std::string w = "A";
      for (std::size_t k = 1; k < n; ++k) w += k == second ? 'B' : '7';
      for (bool lower : {false, true}) {
        std::string x = lower && n > 1 ? w + "c" : w;
        std::string text = "said " + x + " on";
        TokenList t = Tokenize(text, 0, text.size());
        REQUIRE(t.size() == 3);
        CAPTURE(x);
        bool want = !lower && second >= 1 && second < n;
        if (lower && n == 1) want = false;
        CHECK(t[1].all_caps == want);
        CHECK(t[1].capitalized);
      }
    }
  }
}

TEST_CASE("knows the abbreviations that keep their period, and no others") {
  // The list is looked up by a perfect hash: every word of it is found,
  // and words next to them (in length or letters) are not.
  for (const char* w :
       {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "adm",
        "sgt", "sen", "rep", "gov", "amb", "pres", "prof", "rev", "st", "jr",
        "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "cmdr", "brig",
        "cpl", "pvt", "lieut"}) {
    CAPTURE(w);
    CHECK(IsKnownAbbreviation(w));
  }
  for (const char* w : {"", "m", "mx", "mrx", "gens", "thursd", "lieute",
                        "Mr", "said", "us", "u.s", "a", "the", "sat", "sun"}) {
    CAPTURE(w);
    CHECK_FALSE(IsKnownAbbreviation(w));
  }
}

// Tokenize takes a shorter path for plain ASCII words and punctuation; the
// general path, which makes every kind of token, is the reference. The two
// must make the same tokens, field by field.
void CheckSameAsGeneralPath(const std::string& text, std::size_t begin,
                            std::size_t end) {
  TokenList fast = Tokenize(text, begin, end);
  TokenList general = TokenizeByGeneralPath(text, begin, end);
  CAPTURE(text.substr(begin, end - begin));
  REQUIRE(fast.size() == general.size());
  for (std::size_t k = 0; k < fast.size(); ++k) {
    CAPTURE(k);
    CHECK(fast[k].start == general[k].start);
    CHECK(fast[k].end == general[k].end);
    CHECK(fast[k].folded == general[k].folded);
    CHECK(fast[k].hash == general[k].hash);
    CHECK(fast[k].capitalized == general[k].capitalized);
    CHECK(fast[k].all_caps == general[k].all_caps);
    CHECK(fast[k].is_word == general[k].is_word);
  }
}

TEST_CASE("the short path makes the general path's tokens on real text") {
  std::size_t checked = 0;
  for (const auto& path : testing::RealTextFiles()) {
    std::string text = testing::ReadBytes(path);
    // Lines stand in for sentences: they begin and end at every kind of
    // byte, as sentence ranges do.
    std::size_t begin = 0;
    while (begin < text.size()) {
      std::size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      CheckSameAsGeneralPath(text, begin, end);
      begin = end + 1;
      ++checked;
    }
  }
  CHECK(checked > 0);
}

TEST_CASE("the short path makes the general path's tokens on random text") {
  // Bytes where the two paths part: joiners before and after words,
  // apostrophes and possessives, abbreviations and initials, capitals,
  // non-ASCII letters, punctuation and spaces.
  const std::vector<std::string> pieces = {
      "a", "Xi", "US", "U", "mr", "Mr", "gen", "NATO", "2021", "s", "S",
      "-", ".", "'", "\xE2\x80\x99", "\xE2\x80\x94", "\xC3\xB6",
      "\xC3\x96", " ", " ", "  ", "\n", ",", "\"", "(", "x7Y", "Sept",
      "THURS", "St", "3", "--", "'s", "\xC2\xA0",
      "Counterinsurgencyoperationsintheregionlastedlongerthananyoneexpected",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGH"};
  std::mt19937 rng(20261129);
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    int n = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    std::size_t begin = rng() % (text.size() + 1);
    std::size_t end = begin + rng() % (text.size() - begin + 1);
    CheckSameAsGeneralPath(text, 0, text.size());
    CheckSameAsGeneralPath(text, begin, end);
  }
}

TEST_CASE("words of every length make the general path's tokens") {
  // The short path counts a word's bytes from one eight-byte load of its
  // marks for words up to seven bytes and goes on for longer ones; its
  // marks come in sixteen-byte blocks. Words of 1 to 130 bytes, plain,
  // capital, all caps, joined and before a period, at every offset of a
  // block.
  for (std::size_t n = 1; n <= 130; ++n) {
    for (std::size_t pad = 0; pad < 16; ++pad) {
      // Spaces, or spaces and a word.
      const std::string before = pad % 4 == 3
                                     ? std::string(pad - 3, ' ') + "Ab "
                                     : std::string(pad, ' ');
      for (const char* after : {"", " ", ".", "-x y", "'s", ". z"}) {
        std::string lower(n, 'q');
        std::string upper(n, 'Q');
        std::string capital = "Q" + std::string(n - 1, 'q');
        std::string joined = lower;
        if (n > 2) joined[n / 2] = '-';
        for (const std::string& w : {lower, upper, capital, joined}) {
          std::string text = before + w + after;
          CheckSameAsGeneralPath(text, 0, text.size());
          CheckSameAsGeneralPath(text, 1, text.size());
        }
      }
    }
  }
}

TEST_CASE("sentences longer than the short path takes tokenize alike") {
  // Sentences over the short path's size (8 KiB) take the general path,
  // and those over the scratch array's (64 KiB) a larger array; around
  // those sizes the two paths must agree.
  std::string text;
  while (text.size() < 65600) {
    text += "The U.S. envoy met Gen. Wei, al-Qaeda's rival, on Sept. 3. ";
  }
  for (std::size_t end : {8180, 8191, 8192, 8193, 8200, 65530, 65536, 65537,
                          65600}) {
    CheckSameAsGeneralPath(text, 0, end);
    CheckSameAsGeneralPath(text, 7, end);
  }
}

}  // namespace
}  // namespace entente
