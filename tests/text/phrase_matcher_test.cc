#include "text/phrase_matcher.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace entente {
namespace {

PhraseMatcher::Match Find(const PhraseMatcher& m, const std::string& text,
                          std::size_t at = 0) {
  static TokenList tokens;
  tokens = Tokenize(text, 0, text.size());
  return m.Longest(tokens, at, tokens.size());
}

// Each of `words` (payload: its length) matches itself alone: not the
// word with any one byte changed (same length: same head or same tail),
// nor the word with a byte more.
void CheckEachMatchesOnlyItself(const PhraseMatcher& m,
                                const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    CAPTURE(w);
    auto hit = Find(m, w);
    REQUIRE(hit.length == 1);
    CHECK(hit.payloads->front() == static_cast<int>(w.size()));
    for (std::size_t k = 0; k < w.size(); ++k) {
      std::string other = w;
      other[k] = 'z';
      CAPTURE(other);
      CHECK(Find(m, other).length == 0);
    }
    CHECK(Find(m, w + "z").length == 0);
  }
}

TEST_CASE("words of every length match only themselves") {
  // Words are compared in blocks of 8, 4 or 2 bytes: a word differing from
  // a phrase's in any one byte, or in length, must not match it.
  PhraseMatcher m;
  std::vector<std::string> words;
  for (std::size_t n = 1; n <= 20; ++n) {
    std::string w;
    for (std::size_t k = 0; k < n; ++k) w += static_cast<char>('a' + k);
    words.push_back(w);
    m.Add(w, static_cast<int>(n), false);
  }
  CheckEachMatchesOnlyItself(m, words);
}

TEST_CASE("words sharing their first 8 bytes match only themselves") {
  // A vocabulary slot holds a word's first 8 bytes; longer words are
  // compared past them too, and words of 8 bytes or less only there.
  PhraseMatcher m;
  const std::string head = "abcdefgh";
  std::vector<std::string> words;
  for (std::size_t n = 1; n <= 20; ++n) {
    std::string w = n <= 8 ? head.substr(0, n) : head;
    for (std::size_t k = 8; k < n; ++k) w += static_cast<char>('i' + k - 8);
    words.push_back(w);
    m.Add(w, static_cast<int>(n), false);
  }
  CheckEachMatchesOnlyItself(m, words);
}

TEST_CASE("a forged hash never makes a word match another") {
  // Words are told apart by hash first: a token whose hash is another
  // word's (a collision, forced here by hand) must still be compared byte
  // by byte, for words of every length.
  PhraseMatcher m;
  std::vector<std::string> words;
  for (std::size_t n = 1; n <= 20; ++n) {
    for (char c : {'p', 'q'}) {
      std::string w(n, c);
      w.back() = 'r';
      words.push_back(w);
      m.Add(w, 1, false);
    }
  }
  for (const std::string& w : words) {
    for (const std::string& v : words) {
      if (v == w) continue;
      CAPTURE(w);
      CAPTURE(v);
      Token t;
      t.folded = v;
      t.hash = HashFolded(w);
      std::vector<std::uint32_t> ids = m.Encode(std::vector<Token>{t});
      REQUIRE(ids.size() == 1);
      CHECK(ids[0] != m.IdOf(w));
      CHECK((ids[0] == PhraseMatcher::kUnknown || ids[0] == m.IdOf(v)));
    }
  }
}

TEST_CASE("a node's child filter never hides a child") {
  // Longest tests a bit for (id & 63) of the next word before looking up
  // the edge: words whose ids share the bit must still be told apart.
  PhraseMatcher m;
  m.Add("start", 1, false);
  for (int k = 0; k < 200; ++k) m.Add("v" + std::to_string(k), 2, false);
  for (int k : {5, 77, 150}) m.Add("start v" + std::to_string(k), 3, false);
  for (int k = 0; k < 200; ++k) {
    CAPTURE(k);
    auto r = Find(m, "start v" + std::to_string(k));
    REQUIRE(r.payloads);
    bool child = k == 5 || k == 77 || k == 150;
    CHECK(r.length == (child ? 2u : 1u));
    CHECK(r.payloads->front() == (child ? 3 : 1));
  }
}

TEST_CASE("an any-case ending and a case-sensitive one at the same node") {
  PhraseMatcher m;
  m.Add("new york", 1, false);
  m.Add("New York Times", 2, true);
  m.Add("new york times", 3, false);
  m.Add("York Times", 4, true);
  CHECK(Find(m, "new york").payloads->front() == 1);
  CHECK(Find(m, "NEW YORK").payloads->front() == 1);
  auto upper = Find(m, "New York Times said");
  REQUIRE(upper.payloads);
  CHECK(upper.length == 3);
  CHECK(upper.payloads->front() == 2);
  auto lower = Find(m, "new york times said");
  REQUIRE(lower.payloads);
  CHECK(lower.length == 3);
  CHECK(lower.payloads->front() == 3);
  CHECK(Find(m, "york times").length == 0);
  CHECK(Find(m, "York Times").length == 2);
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

TEST_CASE("finds every phrase after its tables have grown") {
  // Enough phrases to grow the vocabulary and edge tables many times, with
  // shared first words so that trie nodes have many children.
  PhraseMatcher m;
  auto phrase = [](int i) {
    return "w" + std::to_string(i % 97) + " x" + std::to_string(i) +
           (i % 3 == 0 ? " y" + std::to_string(i % 11) : std::string());
  };
  for (int i = 0; i < 5000; ++i) m.Add(phrase(i), i, false);
  for (int i = 0; i < 5000; i += 7) {
    auto r = Find(m, phrase(i) + " z");
    REQUIRE(r.payloads);
    CHECK(r.length == (i % 3 == 0 ? 3u : 2u));
    CHECK(r.payloads->front() == i);
  }
  CHECK(Find(m, "w5 x6").length == 0);  // words known, phrase not
  CHECK(Find(m, "unknown words").length == 0);
  CHECK(m.IdOf("w5") != PhraseMatcher::kUnknown);
  CHECK(m.IdOf("w500") == PhraseMatcher::kUnknown);
  CHECK(m.IdOf("") == PhraseMatcher::kUnknown);
}

TEST_CASE("encodes into a reused buffer") {
  PhraseMatcher m;
  m.Add("foreign minister", 1, false);
  std::vector<std::uint32_t> ids(50, 7);
  std::string text = "The Foreign Minister said";
  TokenList tokens = Tokenize(text, 0, text.size());
  m.Encode(tokens, &ids);
  REQUIRE(ids.size() == 4);
  CHECK(ids == m.Encode(tokens));
  CHECK(ids[0] == PhraseMatcher::kUnknown);
  CHECK(ids[1] != PhraseMatcher::kUnknown);
  CHECK(m.Longest(tokens, ids, 1, tokens.size()).length == 2);
}

TEST_CASE("an empty matcher matches nothing") {
  PhraseMatcher m;
  CHECK(Find(m, "anything at all").length == 0);
  CHECK(m.IdOf("anything") == PhraseMatcher::kUnknown);
}

TEST_CASE("Encode agrees with IdOf for every token, hashed or not") {
  // Encode tests a filter before the table; it must never reject a word
  // that IdOf finds, and tokens made by hand (hash 0) are hashed there.
  PhraseMatcher m;
  for (int i = 0; i < 300; ++i) {
    m.Add("w" + std::to_string(i) + " of the " + std::to_string(i * 7), i,
          false);
  }
  std::string text;
  for (int i = 0; i < 600; i += 3) {
    text += "w" + std::to_string(i) + " of The " + std::to_string(i) + ", ";
  }
  TokenList tokens = Tokenize(text, 0, text.size());
  std::vector<std::uint32_t> ids;
  m.Encode(tokens, &ids);
  REQUIRE(ids.size() == tokens.size());
  std::size_t known = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    CAPTURE(std::string(tokens[i].folded));
    CHECK(ids[i] == m.IdOf(tokens[i].folded));
    known += ids[i] != PhraseMatcher::kUnknown;
  }
  CHECK(known > tokens.size() / 2);
  std::vector<Token> by_hand(tokens.begin(), tokens.end());
  for (Token& t : by_hand) t.hash = 0;
  CHECK(m.Encode(by_hand) == ids);
  PhraseMatcher empty;
  std::vector<std::uint32_t> none(3, 0);
  empty.Encode(tokens, &none);
  CHECK(none == std::vector<std::uint32_t>(tokens.size(),
                                           PhraseMatcher::kUnknown));
}

TEST_CASE("MayStart passes every phrase's first word; LongestAt is Longest") {
  // A scan tests MayStart at each token and looks words up only in
  // LongestAt: the filter must never reject a word that starts a phrase,
  // and LongestAt must find what Longest finds on the encoded sentence,
  // for tokens hashed or not and for every end.
  PhraseMatcher m;
  for (int i = 0; i < 300; ++i) {
    m.Add("w" + std::to_string(i) + " of the " + std::to_string(i * 7), i,
          i % 2 == 0);
    m.Add("The W" + std::to_string(i), i, true);
  }
  m.Add("of", 1000, false);
  std::string text;
  for (int i = 0; i < 600; i += 3) {
    text += "w" + std::to_string(i) + " of the " + std::to_string(i * 7) +
            ", the W" + std::to_string(i) + " of The " + std::to_string(i) +
            "; The w" + std::to_string(i) + ". ";
  }
  TokenList tokens = Tokenize(text, 0, text.size());
  const std::vector<Token> by_hand = [&] {
    std::vector<Token> copy(tokens.begin(), tokens.end());
    for (Token& t : copy) t.hash = 0;
    return copy;
  }();
  std::vector<std::uint32_t> ids = m.Encode(tokens);
  std::size_t found = 0, passed_over = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    CAPTURE(i);
    CAPTURE(std::string(tokens[i].folded));
    if (ids[i] != PhraseMatcher::kUnknown && m.Starts(ids[i])) {
      CHECK(m.MayStart(tokens[i].hash));
      CHECK(m.start_filter().MayStart(tokens[i].hash));
      CHECK(m.opening_filter().MayStart(tokens[i].hash));
    }
    CHECK(m.MayStart(0));  // a token not hashed is looked up
    CHECK(m.opening_filter().MayStart(0));
    for (std::size_t end : {tokens.size(), i + 1, i + 2}) {
      PhraseMatcher::Match want = m.Longest(tokens, ids, i, end);
      const std::vector<Token>& hashed = tokens;
      for (const std::vector<Token>* t : {&hashed, &by_hand}) {
        PhraseMatcher::Match got = m.LongestAt(*t, i, end);
        CHECK(got.length == want.length);
        CHECK(got.payloads == want.payloads);
        // The opening filter never passes over a phrase, and a token not
        // hashed always passes.
        if (end > i && (want.length > 0 || t == &by_hand)) {
          CHECK(m.opening_filter().MayOpen(t->data(), i, end));
        }
      }
      if (end > i && !m.opening_filter().MayOpen(tokens.data(), i, end)) {
        ++passed_over;
      }
      found += want.length > 0;
    }
  }
  CHECK(found > tokens.size() / 4);
  CHECK(passed_over > 0);  // (else the filter would be no filter)
  PhraseMatcher empty;
  CHECK_FALSE(empty.MayStart(tokens[0].hash));
  CHECK_FALSE(empty.MayStart(0));
  CHECK(empty.LongestAt(tokens, 0, tokens.size()).length == 0);
  CHECK_FALSE(empty.opening_filter().MayStart(0));
  CHECK_FALSE(empty.opening_filter().MayOpen(tokens.data(), 0, tokens.size()));
}

TEST_CASE("the first word's case test keeps each phrase's own case") {
  // Longest stops at a first word that meets the case of no phrase below
  // it; each phrase must still match in its own case.
  PhraseMatcher m;
  m.Add("To Lam", 1, true);
  m.Add("He Lifeng", 2, true);
  m.Add("he said", 3, false);
  m.Add("US", 4, true);
  m.Add("US forces", 5, false);
  m.Add("- Kyiv", 6, true);
  CHECK(Find(m, "To Lam").length == 2);
  CHECK(Find(m, "to Lam").length == 0);
  CHECK(Find(m, "He Lifeng").length == 2);
  CHECK(Find(m, "he Lifeng").length == 0);
  CHECK(Find(m, "he said").length == 2);
  CHECK(Find(m, "He said").length == 2);
  CHECK(Find(m, "US").length == 1);
  CHECK(Find(m, "us").length == 0);
  CHECK(Find(m, "us forces").length == 2);
  CHECK(Find(m, "- Kyiv").length == 2);  // punctuation meets a capital
  // The opening filter judges the first word's case the same way: it
  // passes each phrase in its own case, and words in another case with no
  // phrase of theirs are passed over, unlooked-up.
  auto opens = [&m](const std::string& text) {
    TokenList tokens = Tokenize(text, 0, text.size());
    return m.opening_filter().MayOpen(tokens.data(), 0, tokens.size());
  };
  for (const char* text : {"To Lam", "He Lifeng", "he said", "He said", "US",
                           "us forces", "- Kyiv"}) {
    CAPTURE(text);
    CHECK(opens(text));
  }
  CHECK_FALSE(opens("to Lam"));
  CHECK_FALSE(opens("us"));
}

}  // namespace
}  // namespace entente
