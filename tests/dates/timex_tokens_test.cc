// The dates stage read through the pipeline's tokens: the windows found
// from tokens (timex_prefilter.h) hold every window of the byte pass, and
// the recogniser finds exactly the same expressions with tokens as
// without, on real text (the samples and, when present, the gold files)
// and on random strings made of the pieces that trip tokenizers and the
// grammar alike (joined words, numbers, non-ASCII letters, "May"/"may").
#include <doctest/doctest.h>

#include <cstddef>
#include <filesystem>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "dates/time_recognizer.h"
#include "dates/timex_prefilter.h"
#include "real_texts.h"
#include "text/sentences.h"
#include "text/tokens.h"

namespace entente {
namespace {

struct Tally {
  int sentences = 0;
  int windows = 0;
  int different = 0;  // sentences whose token windows are larger
  std::size_t bytes = 0, token_bytes = 0;  // in the windows of each pass
};

// Checks, for text[from, to), that every window of the byte pass lies in a
// window read from the tokens, and counts sentences where they differ.
void CheckWindows(const std::string& text, std::size_t from, std::size_t to,
                  Tally* tally) {
  std::vector<TimexWindow> bytes, tokens;
  FindTimexWindows(text, from, to, &bytes);
  TokenList list = Tokenize(text, from, to);
  FindTimexWindows(text, from, to, std::span<const Token>(list), &tokens);
  ++tally->sentences;
  tally->windows += static_cast<int>(bytes.size());
  for (const TimexWindow& w : bytes) tally->bytes += w.end - w.begin;
  for (const TimexWindow& w : tokens) tally->token_bytes += w.end - w.begin;
  bool same = bytes.size() == tokens.size();
  for (std::size_t i = 0; same && i < bytes.size(); ++i) {
    same = bytes[i].begin == tokens[i].begin && bytes[i].end == tokens[i].end;
  }
  if (same) return;
  ++tally->different;
  for (const TimexWindow& w : bytes) {
    bool inside = false;
    for (const TimexWindow& t : tokens) {
      inside = inside || (t.begin <= w.begin && w.end <= t.end);
    }
    if (!inside) {
      FAIL_CHECK("a window missed from tokens: "
                 << text.substr(w.begin, w.end - w.begin) << " in "
                 << text.substr(from, to - from));
    }
  }
}

// Checks that Find with the text's tokens equals Find without them.
void CheckRecogniser(const TimeRecognizer& recognizer, const std::string& text,
                     int* expressions) {
  std::vector<Sentence> sentences = SplitSentences(text);
  std::vector<TokenList> tokens;
  for (const Sentence& s : sentences) {
    tokens.push_back(Tokenize(text, s.start, s.end));
  }
  const std::optional<CivilDate> date = CivilDate{2021, 9, 10};
  auto plain = recognizer.Find(text, sentences, date);
  auto with_tokens = recognizer.Find(
      text, sentences,
      [&tokens](std::size_t i) -> std::span<const Token> { return tokens[i]; },
      date);
  REQUIRE(plain.size() == with_tokens.size());
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const TimeExpression& a = plain[i];
    const TimeExpression& b = with_tokens[i];
    CAPTURE(a.text);
    CHECK(a.start == b.start);
    CHECK(a.end == b.end);
    CHECK(a.sentence == b.sentence);
    CHECK(a.text == b.text);
    CHECK(a.type == b.type);
    CHECK(a.value == b.value);
    CHECK(a.precision == b.precision);
    CHECK(a.anchored == b.anchored);
    CHECK(a.past_value == b.past_value);
    CHECK(a.future_value == b.future_value);
  }
  *expressions += static_cast<int>(plain.size());
}

// Random text from pieces at the edges of the tokenizer and the grammar.
std::string RandomText(std::mt19937& rng, std::size_t pieces) {
  static const std::vector<std::string> kPieces = {
      "May", "may", "MAY", "March", "march", "in", "In", "the", "of", "on",
      "last", "next", "week", "weeks", "Monday", "monday", "Monday's",
      "said", "talks", "Geneva", "a", "few", "days", "ago", "later", "2021",
      "1990s", "'90s", "20th", "9", "10", "2", "000", "1950-53", "9/11",
      "9/10/2021", "2021-09-09", "mid-March", "mid-", "year-end", "day-long",
      "U.S.", "Sept.", "Feb.", "a.m.", "p.m.", "o'clock", "New", "Year's",
      "Eve", "Christmas", "al-Qaeda", "d'Ivoire", "Besan\xC3\xA7on",
      "\xC3\xA9t\xC3\xA9", "caf\xC3\xA9", "le\xC3\x9f", "\xE2\x80\x93",
      "\xE2\x80\x99s", "\xE2\x80\x9C", "\xC2\xA0", "COVID-19", "Q3", "GMT",
      "15:00", "8", "-", "--", ".", ",", "'", "\"", "(", ")", "$", "%", "_",
      "day_", "\x01", "now", "currently", "every", "other", "once", "twice",
      "times", "earlier", "this", "month", "year", "yesterday", "Today",
      "spring", "the end of", "more than", "up to", "at least", "couple"};
  static const std::vector<std::string> kGlue = {" ", " ", " ", " ", "",
                                                 "  ", "\t", "\n", "-", "."};
  std::string text;
  for (std::size_t i = 0; i < pieces; ++i) {
    text += kPieces[rng() % kPieces.size()];
    text += kGlue[rng() % kGlue.size()];
  }
  return text;
}

TEST_CASE("windows from tokens hold the byte pass's windows") {
  Tally tally;
  for (const std::filesystem::path& file : testing::RealTextFiles()) {
    std::string text = testing::ReadBytes(file);
    for (const Sentence& s : SplitSentences(text)) {
      CheckWindows(text, s.start, std::min(s.end, text.size()), &tally);
    }
  }
  MESSAGE(tally.sentences << " real sentences, " << tally.windows
                          << " windows of " << tally.bytes << " bytes; from "
                          << "tokens " << tally.token_bytes << " bytes, "
                          << tally.different << " sentences differ");
  CHECK(tally.windows > 100);
  // Larger windows come only from a word taken for a grammar word by its
  // hash (a filter's false positive): they cost a little, and stay few.
  CHECK(tally.token_bytes * 10 <= tally.bytes * 11);

  Tally random;
  std::mt19937 rng(20261129);
  for (int i = 0; i < 3000; ++i) {
    std::string text = RandomText(rng, 1 + rng() % 30);
    CheckWindows(text, 0, text.size(), &random);
    // A sentence inside a larger text: the bytes around it are not read.
    std::string outer = "x1" + text + "2y";
    CheckWindows(outer, 2, 2 + text.size(), &random);
  }
  MESSAGE(random.windows << " windows in random text, " << random.different
                         << " sentences with larger windows from tokens");
  CHECK(random.windows > 1000);
}

TEST_CASE("the recogniser finds the same expressions with tokens") {
  for (bool present : {false, true}) {
    TimeRecognizerOptions options;
    options.present_references = present;
    const TimeRecognizer recognizer(options);
    int expressions = 0;
    for (const std::filesystem::path& file : testing::RealTextFiles()) {
      CheckRecogniser(recognizer, testing::ReadBytes(file), &expressions);
    }
    CHECK(expressions > 100);
    std::mt19937 rng(present ? 7 : 11);
    int random = 0;
    for (int i = 0; i < 2000; ++i) {
      CheckRecogniser(recognizer, RandomText(rng, 1 + rng() % 40), &random);
    }
    MESSAGE(expressions << " expressions in real text, " << random
                        << " in random text");
    CHECK(random > 500);
  }
}

// Tokens that are not the sentence's (outside its span) are not read.
TEST_CASE("tokens outside a sentence are ignored") {
  const TimeRecognizer recognizer;
  const std::string text = "They met on Monday. Talks resume in May 2022.";
  std::vector<Sentence> sentences = SplitSentences(text);
  REQUIRE(sentences.size() == 2);
  TokenList wrong = Tokenize(text, 0, text.size());
  auto plain = recognizer.Find(text, sentences, CivilDate{2021, 9, 10});
  auto odd = recognizer.Find(
      text, sentences,
      [&wrong](std::size_t) -> std::span<const Token> { return wrong; },
      CivilDate{2021, 9, 10});
  REQUIRE(plain.size() == 2);
  REQUIRE(odd.size() == 2);
  CHECK(odd[0].text == plain[0].text);
  CHECK(odd[1].value == plain[1].value);
}

}  // namespace
}  // namespace entente
