// The events stage through the whole pipeline: the golden sentence table
// (tests/events/sentences.tsv) and every example sentence of the relation
// lexicon.
#include "events/event_extractor.h"

#include <doctest/doctest.h>

#include <set>
#include <string_view>

#include "core/calendar.h"
#include "entente/pipeline.h"
#include "events/literals.h"
#include "events/sentence_cues.h"
#include "events/word_classes.h"
#include "golden_table.h"
#include "lexicon/lexicon.h"
#include "real_texts.h"
#include "text/tokens.h"

namespace entente {
namespace {

// With one-sided events, which several tests read (AllEventsOf).
const Pipeline& SharedPipeline() {
  static const std::unique_ptr<Pipeline> p = [] {
    PipelineOptions options;
    options.one_sided_events = true;
    return std::move(*Pipeline::Create(options));
  }();
  return *p;
}

DocumentAnalysis AnalysisOf(const std::string& text,
                            const std::string& date) {
  Document d;
  d.id = "t";
  d.text = text;
  d.date = ParseIsoDate(date);
  return SharedPipeline().Analyze(d);
}

std::vector<Event> EventsOf(const std::string& text, const std::string& date) {
  return AnalysisOf(text, date).events;
}

// Two-party and one-sided events: an example of "agreed" or "mobilised"
// may name no target.
std::vector<Event> AllEventsOf(const std::string& text) {
  DocumentAnalysis a = AnalysisOf(text, "2023-06-15");
  a.events.insert(a.events.end(), a.one_sided_events.begin(),
                  a.one_sided_events.end());
  return a.events;
}

std::string Describe(const Event& e) {
  return e.source.id + " " + e.relation + " " + e.target.id + " " +
         e.polarity + " " + e.modality + " " + e.date.value;
}

TEST_CASE("one-sided events are made only when asked, and change no other") {
  // (A pipeline of the default options, which `extract` and `annotate`
  // use, beside SharedPipeline's, on every real text we hold.)
  const std::unique_ptr<Pipeline> plain = std::move(*Pipeline::Create({}));
  auto full = [](const Event& e) {
    std::string participants;
    for (const Actor& a : e.participants) participants += a.id + ",";
    return Describe(e) + " " + e.cameo + " " + e.plover + " " + e.trigger +
           " " + e.date.text + " " + e.date.basis + " " + e.gathering + " " +
           participants + " " + std::to_string(e.sentence) + " " +
           std::to_string(e.evidence_start) + " " + e.evidence_text;
  };
  std::size_t documents = 0, events = 0, one_sided = 0;
  for (const auto& path : testing::RealTextFiles()) {
    if (path.extension() != ".txt") continue;
    Document d;
    d.id = path.filename().string();
    d.text = testing::ReadBytes(path);
    d.date = ParseIsoDate("2021-06-16");
    DocumentAnalysis with = SharedPipeline().Analyze(d);
    DocumentAnalysis without = plain->Analyze(d);
    CAPTURE(d.id);
    CHECK(without.one_sided_events.empty());
    REQUIRE(without.events.size() == with.events.size());
    for (std::size_t i = 0; i < with.events.size(); ++i) {
      CHECK(full(without.events[i]) == full(with.events[i]));
    }
    ++documents;
    events += with.events.size();
    one_sided += with.one_sided_events.size();
  }
  if (documents == 0) return;  // no samples beside the build
  CHECK(events > 0);
  CHECK(one_sided > 0);
}

TEST_CASE("codes the golden sentences of tests/events/sentences.tsv") {
  auto join = [](const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : " ; ") + x;
    return out.empty() ? std::string("-") : out;
  };
  auto rows = testing::ReadGoldenTable("tests/events/sentences.tsv");
  CHECK(rows.size() >= 10);
  for (const auto& row : rows) {
    REQUIRE(row.size() == 3);
    const std::string& expected = row[2];
    std::set<std::string> want, got;
    for (std::size_t pos = 0; expected != "-" && pos <= expected.size();) {
      std::size_t end = expected.find(" ; ", pos);
      if (end == std::string::npos) end = expected.size();
      want.insert(expected.substr(pos, end - pos));
      pos = end + 3;
    }
    for (const Event& e : EventsOf(row[1], row[0])) got.insert(Describe(e));
    CAPTURE(row[1]);
    CHECK(join(got) == join(want));
  }
}

TEST_CASE("every relation's example sentences behave as their record says") {
  const Lexicon lexicon = *Lexicon::LoadDefault();
  for (const RelationEntry& r : lexicon.relations()) {
    for (const std::string& s : r.positive) {
      CAPTURE(r.origin + ": " + s);
      bool found = false;
      for (const Event& e : AllEventsOf(s)) found |= e.relation == r.relation;
      CHECK(found);
    }
    for (const std::string& s : r.negative) {
      CAPTURE(r.origin + ": " + s);
      for (const Event& e : AllEventsOf(s)) CHECK(e.relation != r.relation);
    }
  }
}

TEST_CASE("a meeting of three parties is one gathering with its participants") {
  auto events = EventsOf(
      "The leaders of France, Germany and Italy met in Kyiv on Thursday.",
      "2023-06-15");
  REQUIRE(events.size() == 3);  // still written pair by pair
  for (const Event& e : events) {
    CHECK(e.gathering == events[0].gathering);
    REQUIRE(e.participants.size() == 3);
    CHECK(e.participants[0].id == "FRA");
    CHECK(e.participants[2].id == "ITA");
  }
  CHECK_FALSE(events[0].gathering.empty());
  auto two = EventsOf("Biden met Macron in Rome on Friday.", "2021-10-30");
  REQUIRE(two.size() == 1);
  CHECK(two[0].gathering.empty());
  CHECK(two[0].participants.empty());
}

TEST_CASE("planned events take CAMEO's intent codes") {
  auto events = EventsOf("Japan agreed to visit China next month.", "2023-06-15");
  bool visit = false;
  for (const Event& e : events) {
    if (e.relation != "visit") continue;
    visit = true;
    CHECK(e.cameo == "036");
    CHECK(e.plover == "AGREE");
    CHECK(e.modality == "planned");
  }
  CHECK(visit);
}

TEST_CASE("the relation lexicon covers all 20 CAMEO root codes") {
  const Lexicon lexicon = *Lexicon::LoadDefault();
  std::set<std::string> roots;
  std::size_t patterns = 0;
  for (const RelationEntry& r : lexicon.relations()) {
    roots.insert(r.cameo.substr(0, 2));
    patterns += r.verbs.size() + r.passive.size() + r.nouns.size();
    CAPTURE(r.origin);
    CHECK_FALSE(r.positive.empty());
    CHECK_FALSE(r.negative.empty());
    CHECK(lexicon.FindCameo(r.cameo) != nullptr);
  }
  CHECK(roots.size() == 20);
  CHECK(patterns >= 400);
}

TEST_CASE("event evidence offsets are code points of the sentence") {
  std::string text = "T\xC3\xBCrkiye\xE2\x80\x99s Recep Tayyip Erdo\xC4\x9F" "an spoke. "
                     "Erdo\xC4\x9F" "an met Russian President Vladimir Putin.";
  auto events = EventsOf(text, "2023-03-19");
  REQUIRE_FALSE(events.empty());
  CHECK(events[0].evidence_start == 38);  // code points, not bytes
  CHECK(events[0].evidence_end == 38 + 45);
}

// (The offsets are counted 16 bytes at a time, with a sum of the counts
// every 255 blocks: prefixes of many sizes and mixes of ASCII and two-,
// three-byte characters move the same event by their code points.)
TEST_CASE("evidence offsets count the code points of any text before") {
  std::string sentence =
      "Erdo\xC4\x9F"
      "an met Russian President Vladimir Putin.";
  auto alone = EventsOf(sentence, "2023-03-19");
  REQUIRE_FALSE(alone.empty());
  const std::string pieces[] = {"Caf\xC3\xA9 ", "ol\xC3\xA9 ", "rain ",
                                "\xE2\x80\x9Cso\xE2\x80\x9D "};
  for (std::size_t words : {0, 1, 2, 3, 5, 8, 13, 40, 300, 1100}) {
    std::string prefix;
    std::size_t code_points = 0;
    for (std::size_t i = 0; i < words; ++i) {
      const std::string& w = pieces[(i * 7 + words) % 4];
      prefix += w;
      for (char c : w) {
        code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }
    }
    prefix += "fell.\n\n";
    code_points += 7;
    CAPTURE(words);
    auto events = EventsOf(prefix + sentence, "2023-03-19");
    REQUIRE_FALSE(events.empty());
    CHECK(events[0].evidence_start == code_points + alone[0].evidence_start);
    CHECK(events[0].evidence_end == code_points + alone[0].evidence_end);
  }
}

TEST_CASE("place keys equal the folded words of FoldPhrase, joined") {
  // PlaceKey joins plain ASCII names without the tokenizer; its slow
  // definition is FoldPhrase's words joined by spaces.
  auto slow = [](std::string_view name) {
    std::string key;
    for (const std::string& w : FoldPhrase(name)) {
      if (!key.empty()) key += ' ';
      key += w;
    }
    return key;
  };
  for (std::string_view name :
       {"BEIJING", "New York", "  Rio  de Janeiro ", "Washington D.C.",
        "Port-au-Prince", "Bras\xc3\xadlia", "St. John's", "N'Djamena",
        "A", "", " ", "KUALA LUMPUR", "Ulan Bator", "X y Z", "Sana'a",
        "Washington 1", "tel aviv\t"}) {
    CAPTURE(name);
    CHECK(PlaceKey(name) == slow(name));
  }
}

TEST_CASE("word classes: one probe per token, by the token's hash") {
  static constexpr std::string_view kA[] = {"said", "told", ",", "according",
                                            "x"};
  static constexpr std::string_view kB[] = {"told", "whom", "approximately",
                                            "counterproductively", ";", "x"};
  const WordClasses classes({kA, kB});
  auto token = [](std::string_view w, bool hashed) {
    Token t;
    t.folded = w;
    t.hash = hashed ? HashFolded(w) : 0;  // 0: hashed by the look-up
    return t;
  };
  for (bool hashed : {true, false}) {
    CHECK(classes.Of(token("said", hashed)) == 1u);
    CHECK(classes.Of(token("told", hashed)) == 3u);
    CHECK(classes.Of(token("whom", hashed)) == 2u);
    CHECK(classes.Of(token(",", hashed)) == 1u);
    // (Words of one byte are looked up by their byte in OfEach.)
    CHECK(classes.Of(token(";", hashed)) == 2u);
    CHECK(classes.Of(token("x", hashed)) == 3u);
    CHECK(classes.Of(token(".", hashed)) == 0u);
    CHECK(classes.Of(token("says", hashed)) == 0u);
    CHECK(classes.Of(token("", hashed)) == 0u);
    // (Words of 8 to 16 bytes and longer are compared another way.)
    CHECK(classes.Of(token("according", hashed)) == 1u);
    CHECK(classes.Of(token("approximately", hashed)) == 2u);
    CHECK(classes.Of(token("counterproductively", hashed)) == 2u);
    CHECK(classes.Of(token("accordinG", hashed)) == 0u);
    CHECK(classes.Of(token("approximatelx", hashed)) == 0u);
  }
  // A word whose hash collides with a listed one is still told apart.
  CHECK(classes.Of("sai", HashFolded("said")) == 0u);
  CHECK(classes.Of("approximatelx", HashFolded("approximately")) == 0u);
  // OfEach gives each token what Of gives it, and tells each token in a
  // class, in order, with what is set by then.
  std::vector<Token> tokens;
  for (std::string_view w :
       {"told", "says", ",", "", "whom", "said", "approximately", "according",
        "accord", ";", "x", ".", "y", "counterproductively",
        "counterproductivelx"}) {
    tokens.push_back(token(w, true));
    tokens.push_back(token(w, false));
  }
  std::vector<std::uint32_t> each(tokens.size(), 99u);
  classes.OfEach(tokens, each.data());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    CAPTURE(i);
    CHECK(each[i] == classes.Of(tokens[i]));
  }
  std::vector<std::uint32_t> again(tokens.size(), 99u);
  std::vector<std::size_t> told;
  classes.OfEach(tokens, again.data(), [&](std::size_t i, std::uint32_t c) {
    CHECK(c == again[i]);
    CHECK((i == 0 || again[i - 1] == each[i - 1]));
    told.push_back(i);
  });
  CHECK(again == each);
  std::vector<std::size_t> in_class;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (each[i] != 0) in_class.push_back(i);
  }
  CHECK(told == in_class);
}

TEST_CASE("literals: whole words and prefixes, inline") {
  std::string word = "state";
  CHECK(Is(word, "state"));
  CHECK_FALSE(Is(word, "stat"));
  CHECK_FALSE(Is(word, "states"));
  CHECK(Is(std::string_view(), ""));
  CHECK_FALSE(Is(std::string_view(","), ";"));
  std::string code = "042";
  CHECK(StartsWith(code, "04"));
  CHECK(StartsWith(code, "042"));
  CHECK_FALSE(StartsWith(code, "0421"));
  CHECK_FALSE(StartsWith(code, "14"));
  CHECK(StartsWith(code, ""));
}

// SentenceEvents::BreaksClause reads IsClauseBreak from the sentence's
// word classes: a comma, ";", ":", "who", "which", "whom", the
// subordinators of the cue lists, and "as". Each of those is a clause
// break, and so is no other word.
TEST_CASE("the clause breaks are the classes BreaksClause reads, and as") {
  std::set<std::string_view> breaks = {",", ";", ":", "who", "which", "whom",
                                       "as"};
  auto lists = CueWordLists();
  for (std::string_view w : lists[4]) breaks.insert(w);
  for (std::string_view w : breaks) {
    CAPTURE(w);
    CHECK(IsClauseBreak(w));
  }
  const char* text =
      "As Iran said, since talks began, which failed because Li and Wang met "
      "amid protests while, although, until before after when but whom who "
      "as; the envoy: a b c 1,000 whether until.";
  TokenList t = Tokenize(text, 0, std::string_view(text).size());
  for (const Token& token : t) {
    CAPTURE(token.folded);
    CHECK(IsClauseBreak(token.folded) == (breaks.count(token.folded) > 0));
  }
}

// ReadCues with a sentence's index reads the same cues as without it, for
// every trigger position and clause of a sentence.
TEST_CASE("cues read with a sentence index equal cues read by scanning") {
  const char* sentences[] = {
      "Iran said on Monday it would not meet the envoy if sanctions stay, "
      "the ministry said.",
      "The two leaders are expected to meet after talks, unless Russia "
      "refused the invitation to visit, according to officials.",
      "Japan has ruled out talks and will never send aid; it could offer "
      "help.",
      "Blinken met Wang.",
      "Seoul dropped its plans to meet, their hopes to visit and the plan "
      "to talk; a set meeting.",
      ""};
  SentenceCueIndex index, added;
  // (A table of the cue lists, as a caller that indexes token by token
  // builds one.)
  auto lists = CueWordLists();
  WordClasses table({lists[0], lists[1], lists[2], lists[3], lists[4],
                     lists[5]});
  for (const char* text : sentences) {
    TokenList t = Tokenize(text, 0, std::string_view(text).size());
    index.Index(t);
    // (Shifted, as a table with other lists first gives them.)
    std::vector<std::uint32_t> classes;
    for (const Token& token : t) classes.push_back(table.Of(token) << 3);
    added.Index(classes, 3);
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (IsReportingWord(t[i].folded)) added.AddReporting(i);
      if (t[i].folded == "if" || t[i].folded == "unless") added.AddCondition(i);
    }
    for (std::size_t trigger = 0; trigger < t.size(); ++trigger) {
      for (std::size_t left = 0; left <= trigger; ++left) {
        for (std::size_t right : {trigger + 1, t.size(), t.size() + 3}) {
          for (bool counts : {true, false}) {
            Cues a = ReadCues(t, trigger, left, right, counts);
            Cues b = ReadCues(t, index, trigger, left, right, counts);
            Cues c = ReadCues(t, added, trigger, left, right, counts);
            CAPTURE(text);
            CAPTURE(trigger);
            CAPTURE(left);
            CAPTURE(right);
            CHECK(a.negated == b.negated);
            CHECK(a.modality == b.modality);
            CHECK(a.on_condition == b.on_condition);
            CHECK(a.governor_happened == b.governor_happened);
            CHECK(a.negated == c.negated);
            CHECK(a.modality == c.modality);
            CHECK(a.on_condition == c.on_condition);
          }
        }
      }
    }
  }
}

TEST_CASE("an event repeated in a document is kept once, in first place") {
  // Each sentence says the same meeting; the second also names another.
  auto events = EventsOf(
      "Secretary of State Antony Blinken met Foreign Minister Wang Yi on "
      "Monday. Blinken met Wang Yi on Monday, and Kishida met Chancellor "
      "Olaf Scholz on Monday.",
      "2023-06-20");
  std::vector<std::string> seen;
  for (const Event& e : events) seen.push_back(Describe(e));
  std::set<std::string> distinct(seen.begin(), seen.end());
  CHECK(distinct.size() == seen.size());
  REQUIRE(events.size() >= 2);
  CHECK(events[0].sentence == 0);
  CHECK(events.back().sentence == 1);
}


// More distinct events than the first table of FirstOfEachKey holds (it
// grows at 8): each is kept once, the repeats of every one left out.
TEST_CASE("a long document keeps each of many events once, in first place") {
  std::string text;
  for (int day = 1; day <= 28; ++day) {
    std::string on = " on June " + std::to_string(day) + ". ";
    text += "Blinken met Wang Yi" + on + "Kishida met Olaf Scholz" + on +
            "Blinken met Wang Yi" + on;
  }
  auto events = EventsOf(text, "2023-06-30");
  std::vector<std::string> seen;
  for (const Event& e : events) seen.push_back(Describe(e));
  std::set<std::string> distinct(seen.begin(), seen.end());
  CHECK(distinct.size() == seen.size());
  CHECK(events.size() >= 50);
  for (const Event& e : events) CHECK(e.sentence % 3 != 2);  // repeats
}

TEST_CASE("phrase set: the first-word filter never rejects a phrase's start") {
  PhraseSet set;
  const std::string_view kPhrases[] = {"new york", "tianjin", "st. petersburg",
                                       "rio de janeiro", "kirkuk"};
  for (std::string_view p : kPhrases) set.Add(std::string(p));
  CHECK(set.Contains("new york"));
  CHECK_FALSE(set.Contains("new"));
  for (std::string_view p : kPhrases) {
    std::string_view first = p.substr(0, p.find(' '));
    CHECK(set.MayStart(HashFolded(first)));
    CHECK(set.MayStart(HashFolded(p)));  // one token holding the spaces
  }
  CHECK(set.MayStart(HashFolded("rio de")));
  // ... and rejects most other words (4096 bits, 13 of them set).
  const std::string_view kOthers[] = {"biden", "putin", "moscow", "united",
                                      "the", "said", "china", "talks"};
  int rejected = 0;
  for (std::string_view w : kOthers) rejected += !set.MayStart(HashFolded(w));
  CHECK(rejected >= 6);
  CHECK(PhraseSet().empty());
}

}  // namespace
}  // namespace entente
