// Which time expression dates an event: its own clause's, the sentence's
// fronted one, the paragraph's, the lede's, else the document date.
#include "events/event_dating.h"

#include <doctest/doctest.h>

#include <string>

#include "core/calendar.h"
#include "entente/pipeline.h"

namespace entente {
namespace {

const Pipeline& SharedPipeline() {
  static const std::unique_ptr<Pipeline> p = std::move(*Pipeline::Create({}));
  return *p;
}

// The date of the first event whose source or target is `actor`.
EventDate DateOf(const std::string& text, const std::string& actor,
                 const char* date = "2021-09-10") {
  Document d;
  d.id = "t";
  d.text = text;
  d.date = ParseIsoDate(date);
  for (const Event& e : SharedPipeline().Analyze(d).events) {
    if (e.source.id == actor || e.target.id == actor) return e.date;
  }
  return {"no event", "", "", ""};
}

TEST_CASE("gives each event the time expression of its own clause") {
  std::string text =
      "Blinken met Lavrov on Monday, a day after Macron visited Moscow on "
      "Sunday.";
  CHECK(DateOf(text, "sergei-lavrov").value == "2021-09-06");
  CHECK(DateOf(text, "emmanuel-macron").value == "2021-09-05");
  // A subordinator in capitals or at a sentence's start counts as well.
  text =
      "Blinken met Lavrov on Monday, a day AFTER Macron visited Moscow on "
      "Sunday.";
  CHECK(DateOf(text, "sergei-lavrov").value == "2021-09-06");
  CHECK(DateOf(text, "emmanuel-macron").value == "2021-09-05");
  // A relative clause takes the expression it hangs from.
  text =
      "Blinken flew to Geneva after visiting Kyiv on Wednesday, where he "
      "met Zelensky, and Paris on Thursday, where he met Macron.";
  CHECK(DateOf(text, "volodymyr-zelensky").value == "2021-09-08");
  CHECK(DateOf(text, "emmanuel-macron").value == "2021-09-09");
}

TEST_CASE("takes the frame the discourse set when the clause has none") {
  std::string text =
      "In July, Blinken met Lavrov in Geneva. He also spoke with Wang Yi.";
  EventDate date = DateOf(text, "wang-yi");
  CHECK(date.value == "2021-07");
  CHECK(date.basis == "text");
  // The lede's date carries to later paragraphs.
  text =
      "GENEVA, Sept. 10 (entente) - Biden met Putin yesterday.\n\n"
      "Putin praised Biden.";
  CHECK(DateOf(text, "joe-biden").value == "2021-09-09");
  // A planned event takes no past frame.
  text = "In July, Blinken met Lavrov.\n\nBlinken will visit China.";
  EventDate planned = DateOf(text, "CHN");
  CHECK(planned.value == "2021-09-10");
  CHECK(planned.basis == "document");
}

TEST_CASE("a paragraph's frame holds over its sentences, not past a break") {
  // (Paragraph breaks are looked for between the event's sentence and the
  // expression's, whichever gap holds one.)
  const std::string lede =
      "Blinken arrived in Geneva. In July, Blinken met Lavrov in Geneva.";
  const char* kTexts[] = {
      " Aides said little. Blinken also spoke with Wang Yi.",
      " Aides said little.\n\nBlinken also spoke with Wang Yi.",
      "\nAides said little. Blinken also spoke with Wang Yi."};
  const char* kExpected[] = {"2021-07", "2021-09-10", "2021-09-10"};
  for (int i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(DateOf(lede + kTexts[i], "wang-yi").value == kExpected[i]);
  }
}

TEST_CASE("falls back to the document date, or to none") {
  EventDate date = DateOf("Biden spoke with Xi.", "xi-jinping");
  CHECK(date.value == "2021-09-10");
  CHECK(date.basis == "document");
  CHECK(date.text.empty());
  Document d;
  d.id = "t";
  d.text = "Biden spoke with Xi in the 1990s.";
  auto events = SharedPipeline().Analyze(d).events;
  REQUIRE(!events.empty());
  CHECK(events[0].date.basis == "none");
}

TEST_CASE("dates an undated story by its dateline when the year is known") {
  Document d;
  d.id = "t";
  d.text =
      "MUNICH, Feb. 17 (entente) - Harris met Zelensky. On Feb. 16, "
      "2024, Zelensky signed a pact in Berlin.";
  DocumentAnalysis a = SharedPipeline().Analyze(d);
  REQUIRE(a.document.date.has_value());
  CHECK(*a.document.date == CivilDate{2024, 2, 17});
  d.text = "MUNICH, Feb. 17 (entente) - Harris met Zelensky on Friday.";
  CHECK_FALSE(SharedPipeline().Analyze(d).document.date.has_value());
}

TEST_CASE("a dateline read by the caller dates as one read by EventDating") {
  Document d;
  d.id = "t";
  d.text = "GENEVA (entente) - Kerry met Zarif.";
  d.date = ParseIsoDate("2021-09-10");
  std::vector<Sentence> sentences(1);
  sentences[0].start = 19;
  sentences[0].end = d.text.size();
  std::vector<TimeExpression> times;
  EventDating own(d, sentences, times);
  EventDating given(d, sentences, times, ReadDateline(d.text));
  EventDating::Span trigger{25, 28}, clause{19, d.text.size()};
  for (bool planned : {false, true}) {
    EventDate a = own.DateFor(0, trigger, clause, planned);
    EventDate b = given.DateFor(0, trigger, clause, planned);
    CHECK(a.value == "2021-09-10");
    CHECK(a.value == b.value);
    CHECK(a.basis == b.basis);
  }
}

TEST_CASE("gives as views the date it gives as strings") {
  // Each rule in turn: the clause's own expression, a TIME, the paragraph's
  // frame, the lede's, the document date, for every word as trigger.
  Document d;
  d.id = "t";
  d.text =
      "GENEVA, Sept. 10 (entente) - Kerry met Zarif on Monday, after Wang "
      "visited Kabul at 3 p.m. on Sunday. Kerry also called Lavrov.\n\n"
      "In July, Blinken met Wang. He will visit China.";
  d.date = ParseIsoDate("2021-09-10");
  DocumentAnalysis a = SharedPipeline().Analyze(d);
  REQUIRE(!a.times.empty());
  EventDating dating(a.document, a.sentences, a.times);
  for (std::size_t s = 0; s < a.sentences.size(); ++s) {
    const Sentence& sentence = a.sentences[s];
    EventDating::Span clause{sentence.start, sentence.end};
    for (std::size_t b = sentence.start; b < sentence.end; ++b) {
      if (b > sentence.start && d.text[b - 1] != ' ') continue;
      std::size_t e = d.text.find(' ', b);
      if (e == std::string::npos || e > sentence.end) e = sentence.end;
      EventDating::Span trigger{b, e};
      for (bool planned : {false, true}) {
        CAPTURE(s);
        CAPTURE(b);
        CAPTURE(planned);
        EventDate strings = dating.DateFor(s, trigger, clause, planned);
        EventDating::DateView views =
            dating.DateViewFor(s, trigger, clause, planned);
        CHECK(views.value == strings.value);
        CHECK(views.precision == strings.precision);
        CHECK(views.text == strings.text);
        CHECK(views.basis == strings.basis);
        CHECK(views.ToDate() == strings);
      }
    }
  }
}

}  // namespace
}  // namespace entente
