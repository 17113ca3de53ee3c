#include "dates/time_recognizer.h"

#include <doctest/doctest.h>

#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace entente {
namespace {

// The stories of these tests are dated Friday 10 September 2021 unless a
// case says otherwise.
constexpr CivilDate kFriday{2021, 9, 10};

const TimeRecognizer& Recognizer() {
  static const TimeRecognizer recognizer;
  return recognizer;
}

std::vector<TimeExpression> FindIn(const std::string& text,
                                   std::optional<CivilDate> date = kFriday) {
  return Recognizer().Find(text, {Sentence{0, text.size()}}, date);
}

// One sentence, the expression expected in it and its normalisation.
struct Case {
  const char* sentence;
  const char* text;
  const char* type;
  const char* value;
  const char* precision;
  bool anchored;
  std::optional<CivilDate> date = kFriday;
};

void CheckCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    std::string sentence = c.sentence, expected = c.text;
    CAPTURE(sentence);
    auto found = FindIn(sentence, c.date);
    const TimeExpression* e = nullptr;
    for (const auto& f : found) {
      if (f.text == c.text) e = &f;
    }
    CAPTURE(found.size());
    REQUIRE_MESSAGE(e != nullptr, "expected expression: " << expected);
    CHECK(std::string(c.sentence).substr(e->start, e->end - e->start) ==
          c.text);
    CHECK(e->type == std::string(c.type));
    CHECK(e->value == std::string(c.value));
    CHECK(e->precision == std::string(c.precision));
    CHECK(e->anchored == c.anchored);
  }
}

TEST_CASE("normalises absolute dates, months, years and decades") {
  CheckCases({
      {"Talks were held on September 9, 2021.", "September 9, 2021", "DATE",
       "2021-09-09", "day", false},
      {"Talks were held on Sept. 9, 2021, in Geneva.", "Sept. 9, 2021", "DATE",
       "2021-09-09", "day", false},
      {"Talks were held on 9 September 2021.", "9 September 2021", "DATE",
       "2021-09-09", "day", false},
      {"The deal was signed 2021-09-09 in Rome.", "2021-09-09", "DATE",
       "2021-09-09", "day", false},
      {"Talks were held on Sept. 9 in Geneva.", "Sept. 9", "DATE", "2021-09-09",
       "day", true},
      {"Talks were held on Sep 9th in Geneva.", "Sep 9th", "DATE", "2021-09-09",
       "day", true},
      {"The treaty dates from July 2021.", "July 2021", "DATE", "2021-07",
       "month", false},
      {"The ministers met in May 2010.", "May 2010", "DATE", "2010-05", "month",
       false},
      {"The two sides last met in 2019.", "2019", "DATE", "2019", "year",
       false},
      {"Relations thawed in the 1990s.", "the 1990s", "DATE", "199", "decade",
       false},
      {"It was the bloodiest war of the 20th century.", "the 20th century",
       "DATE", "19", "century", false},
  });
}

TEST_CASE("resolves 'in March' in a September story to the past March") {
  CheckCases({
      {"In March, Blinken met Yang in Anchorage.", "March", "DATE", "2021-03",
       "month", true},
      {"In November, the ministers met in Paris.", "November", "DATE",
       "2020-11", "month", true},
      {"The summit will be held in November.", "November", "DATE", "2021-11",
       "month", true},
      {"The leaders are expected to meet again in March.", "March", "DATE",
       "2022-03", "month", true},
      {"The envoy visited Kabul in May.", "May", "DATE", "2021-05", "month",
       true},
      {"Relations soured last May.", "last May", "DATE", "2021-05", "month",
       true},
      {"Talks resumed in early March.", "early March", "DATE", "2021-03",
       "month", true},
      {"Talks resumed in mid-July.", "mid-July", "DATE", "2021-07", "month",
       true},
      {"In December, talks collapsed.", "December", "DATE", "2021-12", "month",
       true, CivilDate{2022, 1, 4}},
  });
}

TEST_CASE("resolves weekdays to the past one unless the clause looks ahead") {
  CheckCases({
      {"Biden spoke with Xi on Thursday.", "Thursday", "DATE", "2021-09-09",
       "day", true},
      {"Biden spoke with Xi on Friday.", "Friday", "DATE", "2021-09-10", "day",
       true},
      {"Biden spoke with Xi on Saturday.", "Saturday", "DATE", "2021-09-04",
       "day", true},
      {"Officials said Thursday that Biden will travel to Rome.", "Thursday",
       "DATE", "2021-09-09", "day", true},
      {"Biden will travel to Rome on Tuesday.", "Tuesday", "DATE", "2021-09-14",
       "day", true},
      {"Biden is scheduled to meet Xi on Friday.", "Friday", "DATE",
       "2021-09-17", "day", true},
      {"The ministers met last Friday.", "last Friday", "DATE", "2021-09-03",
       "day", true},
      {"The ministers meet next Tuesday.", "next Tuesday", "DATE", "2021-09-14",
       "day", true},
      {"Shelling resumed on Sunday night.", "Sunday night", "TIME",
       "2021-09-05TNI", "day", true},
      {"The talks ended on Thursday.", "Thursday", "DATE", "2021-12-30", "day",
       true, CivilDate{2022, 1, 1}},
  });
}

TEST_CASE("resolves relative days, units and counts from the document date") {
  CheckCases({
      {"The minister arrived yesterday.", "yesterday", "DATE", "2021-09-09",
       "day", true},
      {"The minister arrives today.", "today", "DATE", "2021-09-10", "day",
       true},
      {"The minister arrives tomorrow.", "tomorrow", "DATE", "2021-09-11",
       "day", true},
      {"Rockets hit the city last night.", "last night", "TIME",
       "2021-09-09TNI", "day", true},
      {"The envoys met last week.", "last week", "DATE", "2021-W35", "week",
       true},
      {"The envoys meet this week.", "this week", "DATE", "2021-W36", "week",
       true},
      {"The envoys meet next week.", "next week", "DATE", "2021-W37", "week",
       true},
      {"The envoys meet next month.", "next month", "DATE", "2021-10", "month",
       true},
      {"The envoys met earlier this month.", "earlier this month", "DATE",
       "2021-09", "month", true},
      {"Trade grew this year.", "this year", "DATE", "2021", "year", true},
      {"Trade fell last year.", "last year", "DATE", "2020", "year", true},
      {"Trade fell at the end of the year.", "the end of the year", "DATE",
       "2021", "year", true},
      {"The envoy left two days ago.", "two days ago", "DATE", "2021-09-08",
       "day", true},
      {"The envoy left a week ago.", "a week ago", "DATE", "2021-W35", "week",
       true},
      {"The embassy closed four years ago.", "four years ago", "DATE", "2017",
       "year", true},
      {"Trade fell last quarter.", "last quarter", "DATE", "2021-Q4", "quarter",
       true, CivilDate{2022, 1, 4}},
      {"The envoys meet next month.", "next month", "DATE", "2022-01", "month",
       true, CivilDate{2021, 12, 20}},
  });
}

TEST_CASE("keeps ISO weeks right across year boundaries") {
  CheckCases({
      {"They meet this week.", "this week", "DATE", "2020-W53", "week", true,
       CivilDate{2021, 1, 1}},
      {"They met last week.", "last week", "DATE", "2020-W52", "week", true,
       CivilDate{2021, 1, 1}},
      {"They meet next week.", "next week", "DATE", "2021-W01", "week", true,
       CivilDate{2021, 1, 1}},
      {"They meet this week.", "this week", "DATE", "2020-W01", "week", true,
       CivilDate{2019, 12, 30}},
      {"They met last week.", "last week", "DATE", "2019-W52", "week", true,
       CivilDate{2019, 12, 30}},
      {"They meet next week.", "next week", "DATE", "2025-W02", "week", true,
       CivilDate{2024, 12, 30}},
      {"They met this weekend.", "this weekend", "DATE", "2021-W36-WE", "week",
       true},
  });
}

TEST_CASE("normalises seasons, quarters and parts of years") {
  CheckCases({
      {"The talks stalled last summer.", "last summer", "DATE", "2012-SU",
       "season", true, CivilDate{2013, 3, 22}},
      {"The talks stalled last summer.", "last summer", "DATE", "2021-SU",
       "season", true},
      {"Talks resume this winter.", "this winter", "DATE", "2021-WI", "season",
       true},
      {"The truce held in the summer of 2020.", "the summer of 2020", "DATE",
       "2020-SU", "season", false},
      {"Exports rose in the third quarter.", "the third quarter", "DATE",
       "2021-Q3", "quarter", true},
      {"Exports rose in the fourth quarter of last year.",
       "the fourth quarter of last year", "DATE", "2020-Q4", "quarter", true},
      {"Exports rose in Q3 2021.", "Q3 2021", "DATE", "2021-Q3", "quarter",
       false},
      {"Exports rose in the first half of 2021.", "the first half of 2021",
       "DATE", "2021-H1", "half", false},
      {"The war ended in late 2020.", "late 2020", "DATE", "2020", "year",
       false},
  });
}

TEST_CASE("reads durations without their preposition") {
  CheckCases({
      {"The talks lasted eight months.", "eight months", "DURATION", "P8M", "",
       false},
      {"The border stayed closed for two years.", "two years", "DURATION",
       "P2Y", "", false},
      {"Trade doubled over the past two years.", "the past two years",
       "DURATION", "P2Y", "", false},
      {"The ceasefire lasted 24 hours.", "24 hours", "DURATION", "PT24H", "",
       false},
      {"The dispute lasted a decade.", "a decade", "DURATION", "P10Y", "",
       false},
      {"The talks took several weeks.", "several weeks", "DURATION", "PXW", "",
       false},
      {"The sides have feuded for years.", "years", "DURATION", "PXY", "",
       false},
      {"A twenty-five-year treaty was signed.", "twenty-five-year", "DURATION",
       "P25Y", "", false},
  });
}

// Amounts are written as printf's "%g" writes them: whole numbers below a
// million by a fast path, fractions and larger numbers by printf itself.
TEST_CASE("writes duration amounts as %g does") {
  CheckCases({
      {"The siege lasted 40 days.", "40 days", "DURATION", "P40D", "", false},
      {"The vote took 1.5 hours.", "1.5 hours", "DURATION", "PT1.5H", "",
       false},
      {"The dispute lasted three decades.", "three decades", "DURATION",
       "P30Y", "", false},
      {"The dispute lasted 999999 days.", "999999 days", "DURATION",
       "P999999D", "", false},
      {"The light took 1000000 years.", "1000000 years", "DURATION",
       "P1e+06Y", "", false},
      {"The light took 2500000 years.", "2500000 years", "DURATION",
       "P2.5e+06Y", "", false},
  });
}

TEST_CASE("leaves values that need a document date empty when there is none") {
  CheckCases({
      {"Biden spoke with Xi on Thursday.", "Thursday", "DATE", "", "", false,
       std::nullopt},
      {"The envoys met last week.", "last week", "DATE", "", "", false,
       std::nullopt},
      {"In March, Blinken met Yang.", "March", "DATE", "", "", false,
       std::nullopt},
      {"The two sides last met in 2019.", "2019", "DATE", "2019", "year", false,
       std::nullopt},
      {"The talks lasted eight months.", "eight months", "DURATION", "P8M", "",
       false, std::nullopt},
  });
}

TEST_CASE("ignores numbers, names and words that only look like dates") {
  const char* sentences[] = {
      "More than 2,000 people attended.",
      "The deal is worth $2000 per head.",
      "Prices rose 2020% in a decade of inflation.",
      "Theresa May met Emmanuel Macron.",
      "Protesters march on the capital.",
      "He may visit if invited.",
      "A 22-year-old man was arrested.",
      "The meeting on February 30 never happened.",
  };
  for (const char* s : sentences) {
    std::string sentence = s;
    CAPTURE(sentence);
    for (const auto& e : FindIn(sentence)) {
      CHECK_MESSAGE(e.text == "a decade", "unexpected: " << e.text);
    }
  }
}

TEST_CASE("returns sorted, non-overlapping spans with their sentence") {
  std::string text =
      "Biden met Xi on Thursday. They will meet again next month in Rome, "
      "three weeks later.";
  std::vector<Sentence> sentences = {{0, 25}, {26, text.size()}};
  auto found = Recognizer().Find(text, sentences, kFriday);
  REQUIRE(found.size() == 3);
  CHECK(found[0].text == "Thursday");
  CHECK(found[0].sentence == 0);
  CHECK(found[1].text == "next month");
  CHECK(found[1].sentence == 1);
  // Anchored to "next month", a month: too coarse to place three weeks in.
  CHECK(found[2].text == "three weeks later");
  CHECK(found[2].type == "DATE");
  CHECK(found[2].value == "2021-10");
  for (std::size_t i = 0; i < found.size(); ++i) {
    CHECK(text.substr(found[i].start, found[i].end - found[i].start) ==
          found[i].text);
    if (i > 0) CHECK(found[i - 1].end <= found[i].start);
  }
  // Overlapping sentence spans do not produce overlapping expressions.
  auto doubled = Recognizer().Find(text, {{0, text.size()}, {10, 40}}, kFriday);
  CHECK(doubled.size() == 3);
}

TEST_CASE("prefers the longest expression at a position") {
  CheckCases({
      {"It happened late last July.", "late last July", "DATE", "2021-07",
       "month", true, CivilDate{2022, 3, 1}},
      {"The deal was signed on Friday, Sept. 3, 2021.", "Friday, Sept. 3, 2021",
       "DATE", "2021-09-03", "day", false},
      {"The army left two years ago.", "two years ago", "DATE", "2019", "year",
       true},
  });
}

TEST_CASE("never fails on empty, odd or huge input") {
  CHECK(Recognizer().Find("", {}, kFriday).empty());
  CHECK(Recognizer().Find("", {{0, 10}}, kFriday).empty());
  std::string odd("\xff\xfe\x00 Thursday \xc3\x28 2021 \xe2\x82", 21);
  auto found = Recognizer().Find(odd, {{5, 1000}, {3, 2}}, kFriday);
  for (const auto& e : found) CHECK(e.end <= odd.size());
  std::string huge;
  for (int i = 0; i < 20000; ++i) {
    huge += "On Thursday, officials met for two hours. ";
  }
  auto many = Recognizer().Find(huge, {}, kFriday);
  CHECK(many.size() == 40000);
  // Random bytes mixed with date words, with random sentence spans.
  const char* pieces[] = {"May ",    "3rd ",   "2021",       "-",
                          "Sept.",   " last ", "week",       "\xe2\x80\x99s",
                          "\xff",    "ago ",   "'90s",       "Q4 ",
                          "twenty-", "for ",   "the end of "};
  unsigned seed = 12345;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  for (int round = 0; round < 300; ++round) {
    std::string noise;
    for (int i = 0; i < 40; ++i) {
      if (next() % 3 == 0) {
        noise += static_cast<char>(next() >> 16);
      } else {
        noise += pieces[(next() >> 16) % std::size(pieces)];
      }
    }
    std::size_t a = (next() >> 8) % (noise.size() + 5);
    std::size_t b = (next() >> 8) % (noise.size() + 5);
    for (const auto& e : Recognizer().Find(noise, {{a, b}, {0, a}}, kFriday)) {
      CHECK(e.start < e.end);
      CHECK(e.end <= noise.size());
    }
  }
  // With no sentences, the whole text is sentence 0.
  auto whole = Recognizer().Find("They met on Thursday.", {}, kFriday);
  REQUIRE(whole.size() == 1);
  CHECK(whole[0].sentence == 0);
}

TEST_CASE("reports present references only when asked") {
  TimeRecognizerOptions options;
  options.present_references = true;
  TimeRecognizer with_present(options);
  std::string text = "The two sides are now talking.";
  auto found = with_present.Find(text, {}, kFriday);
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == "PRESENT_REF");
  CHECK(Recognizer().Find(text, {}, kFriday).empty());
}

TEST_CASE("reads numeric dates in the order --date-order gives") {
  CheckCases({
      {"The accord was signed on 9/10/2021 in Rome.", "9/10/2021", "DATE",
       "2021-09-10", "day", false},
      {"The accord was signed on 25/12/2020 in Rome.", "25/12/2020", "DATE",
       "2020-12-25", "day", false},
      {"The accord was signed on 3/3/15.", "3/3/15", "DATE", "2015-03-03",
       "day", false},
      {"The accord was signed 2015-3-3.", "2015-3-3", "DATE", "2015-03-03",
       "day", false},
      {"The accord was signed on 2021/09/10.", "2021/09/10", "DATE",
       "2021-09-10", "day", false},
      {"The accord dates from 2014-10.", "2014-10", "DATE", "2014-10", "month",
       false},
      {"The accord dates from 2/2013.", "2/2013", "DATE", "2013-02", "month",
       false},
      {"The accord was signed on 10.09.2021.", "10.09.2021", "DATE",
       "2021-09-10", "day", false},
      {"The 2010-11 season was a disaster.", "2010-11", "DATE", "2010", "year",
       false},
  });
  TimeRecognizerOptions dmy;
  dmy.date_order = NumericDateOrder::kDayMonthYear;
  TimeRecognizerOptions ymd;
  ymd.date_order = NumericDateOrder::kYearMonthDay;
  struct OrderCase {
    const TimeRecognizerOptions* options;
    const char* sentence;
    const char* value;
  } cases[] = {
      {&dmy, "Signed on 9/10/2021.", "2021-10-09"},
      {&dmy, "Signed on 12/25/2021.", "2021-12-25"},
      {&ymd, "Signed on 21/09/10.", "2021-09-10"},
      {&ymd, "Signed on 9/10/2021.", "2021-09-10"},
  };
  for (const OrderCase& c : cases) {
    std::string sentence = c.sentence;
    CAPTURE(sentence);
    TimeRecognizer recognizer(*c.options);
    auto found = recognizer.Find(sentence, {{0, sentence.size()}}, kFriday);
    REQUIRE(found.size() == 1);
    CHECK(found[0].value == c.value);
  }
  for (const char* s : {"The 9/11 attacks changed everything.",
                        "Half of them, 1/2, voted.", "Score: 13/13/2021."}) {
    std::string sentence = s;
    CAPTURE(sentence);
    CHECK(FindIn(sentence).empty());
  }
}

TEST_CASE("reads clock times as TIME on the day they name or the text set") {
  CheckCases({
      {"The talks began at 8 p.m. on Thursday.", "8 p.m. on Thursday", "TIME",
       "2021-09-09T20", "day", true},
      {"The deadline is 15:00 GMT Saturday.", "15:00 GMT Saturday", "TIME",
       "2021-09-04T15:00", "day", true},
      {"The vote ends Thursday at 8:30 a.m.", "Thursday at 8:30 a.m.", "TIME",
       "2021-09-09T08:30", "day", true},
      {"Polls close at 9 pm.", "9 pm", "TIME", "2021-09-10T21", "day", true},
      {"The ceasefire began at noon.", "noon", "TIME", "2021-09-10T12", "day",
       true},
      {"The ceasefire began at midnight on Sept. 3.", "midnight on Sept. 3",
       "TIME", "2021-09-03T00", "day", true},
  });
  // A clock time alone takes the day the text set before it.
  std::string text = "The envoys met on Monday. Talks ended at 11 p.m.";
  auto found = FindIn(text);
  REQUIRE(found.size() == 2);
  CHECK(found[1].value == "2021-09-06T23");
}

TEST_CASE("reads recurring times as SET") {
  CheckCases({
      {"The ministers meet every week.", "every week", "SET", "P1W", "", false},
      {"The summit is held annually.", "annually", "SET", "P1Y", "", false},
      {"The envoys talk daily.", "daily", "SET", "P1D", "", false},
      {"The council meets twice a year.", "twice a year", "SET", "P1Y", "",
       false},
      {"They met every Monday.", "every Monday", "SET", "XXXX-WXX-1", "",
       false},
      {"They met every other month.", "every other month", "SET", "P2M", "",
       false},
      {"Smog returns every morning.", "every morning", "SET", "XXXX-XX-XXTMO",
       "", false},
  });
  CHECK(FindIn("The China Daily reported it.").empty());
}

TEST_CASE(
    "reads a range as two DATE expressions, the start taking the end's year") {
  struct RangeCase {
    const char* sentence;
    const char* first_text;
    const char* first_value;
    const char* second_text;
    const char* second_value;
  } cases[] = {
      {"Talks ran from March to May 2020.", "March", "2020-03", "May 2020",
       "2020-05"},
      {"Talks ran from March to May.", "March", "2021-03", "May", "2021-05"},
      {"He served between 2019 and 2021.", "2019", "2019", "2021", "2021"},
      {"The talks ran March 3-5, 2020.", "March 3", "2020-03-03", "5, 2020",
       "2020-03-05"},
      {"The 1950-53 war ended in an armistice.", "1950", "1950", "53", "1953"},
      {"He ruled from 1999 to 2008.", "1999", "1999", "2008", "2008"},
      {"He ruled 2019\xE2\x80\x93"
       "2021.",
       "2019", "2019", "2021", "2021"},
  };
  for (const RangeCase& c : cases) {
    std::string sentence = c.sentence;
    CAPTURE(sentence);
    auto found = FindIn(sentence);
    REQUIRE(found.size() == 2);
    CHECK(found[0].text == c.first_text);
    CHECK(found[0].value == c.first_value);
    CHECK(found[1].text == c.second_text);
    CHECK(found[1].value == c.second_value);
    CHECK(found[0].type == "DATE");
    CHECK(found[1].type == "DATE");
  }
  // "to May" alone is Theresa May, not a month.
  CHECK(FindIn("Macron spoke to May on Thursday.").size() == 1);
}

TEST_CASE("resolves anchored expressions against the date the text set") {
  struct AnchorCase {
    const char* text;
    const char* expression;
    const char* value;
  } cases[] = {
      {"The envoys met on June 3, 2019. The day before, they dined.",
       "The day before", "2019-06-02"},
      {"The envoys met on June 3, 2019. Three weeks later, they signed.",
       "Three weeks later", "2019-W26"},
      {"The envoys met on June 3, 2019. A week later they signed.",
       "A week later", "2019-W24"},
      {"The envoys met on June 3, 2019. The next day they signed.",
       "The next day", "2019-06-04"},
      {"The envoys met on June 3, 2019. That evening they dined.",
       "That evening", "2019-06-03TEV"},
      {"The envoys met on June 3, 2019. Hours later, they signed.",
       "Hours later", "2019-06-03"},
      {"The envoys met on Monday. Two days later, they signed.",
       "Two days later", "2021-09-08"},
      {"Talks began in March 2019. A month later they collapsed.",
       "A month later", "2019-04"},
      {"Talks began in March 2019. A day later they collapsed.", "A day later",
       "2019-03"},
      // Without a date in the text, the document date is the anchor.
      {"The day before, they dined.", "The day before", "2021-09-09"},
  };
  for (const AnchorCase& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    const TimeExpression* e = nullptr;
    auto found = FindIn(text);
    for (const auto& f : found) {
      if (f.text == c.expression) e = &f;
    }
    REQUIRE(e != nullptr);
    CHECK(e->value == c.value);
    CHECK(e->anchored);
  }
  // "a day after the vote" counts from the vote: only the duration is read.
  auto found = FindIn("He met Putin a day after the vote.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "a day");
  CHECK(found[0].type == "DURATION");
  found = FindIn("The season started about a month earlier than usual.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == "DURATION");
  CHECK(found[0].value == "P1M");
}

TEST_CASE("reads anchored durations as durations") {
  CheckCases({
      {"Nearly eight months into his presidency, Biden met Xi.",
       "Nearly eight months", "DURATION", "P8M", "", false},
  });
}

// The scanner types a span by running over it followed by \x01 markers
// (time_recognizer.cc); markers in a text change nothing: they end a match
// as any other non-word byte would.
TEST_CASE("type markers in the text are plain bytes") {
  for (std::string tail :
       {std::string(), std::string(1, '\x01'), std::string(10, '\x01'),
        std::string(16, '\x01') + "x"}) {
    std::string text =
        "They met on Monday" + tail + " and in May 2021" + tail + ".";
    auto found = FindIn(text);
    REQUIRE(found.size() == 2);
    CHECK(found[0].text == "Monday");
    CHECK(found[0].value == "2021-09-06");
    CHECK(found[1].text == "May 2021");
    CHECK(found[1].value == "2021-05");
  }
}

// Words no match begins with are skipped without the automaton
// (timex_first_words.h): expressions right after such words, and after
// a first word whose second word rules it out, are still found.
TEST_CASE("expressions after words that begin none") {
  auto found = FindIn(
      "In Geneva on Monday, the talks in the autumn of "
      "2020 and a new round a few days ago.");
  std::vector<std::string> texts;
  for (const TimeExpression& e : found) texts.push_back(e.text);
  CHECK(texts == std::vector<std::string>{"Monday", "the autumn of 2020",
                                          "a few days ago"});
}

}  // namespace
}  // namespace entente
