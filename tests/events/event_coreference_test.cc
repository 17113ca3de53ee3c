#include "events/event_coreference.h"

#include <doctest/doctest.h>

namespace entente {
namespace {

Event Make(const std::string& src, const std::string& tgt,
           const std::string& cameo, const std::string& value,
           const std::string& basis) {
  Event e;
  e.source.country = src;
  e.target.country = tgt;
  e.cameo = cameo;
  e.date = EventDate{value, "day", basis == "text" ? "on Feb. 24" : "", basis};
  return e;
}

TEST_CASE("a passing mention takes the date of the dated mention") {
  // "... since Russia invaded Ukraine." ... "Russian troops entered Ukraine
  // on Feb. 24."
  std::vector<Event> ev = {Make("RUS", "UKR", "190", "2022-03-10", "document"),
                           Make("RUS", "UKR", "192", "2022-02-24", "text")};
  DateByCoreference("2022-03-10", &ev);
  CHECK(ev[0].date.value == "2022-02-24");
  CHECK(ev[0].date.basis == "text");
  CHECK(ev[0].date.text == "on Feb. 24");
}

TEST_CASE("several dates, other parties, other roots or a later date leave "
          "the event alone") {
  std::vector<Event> several = {
      Make("RUS", "UKR", "190", "2022-03-10", "document"),
      Make("RUS", "UKR", "190", "2022-02-24", "text"),
      Make("RUS", "UKR", "193", "2022-03-01", "text")};
  DateByCoreference("2022-03-10", &several);
  CHECK(several[0].date.basis == "document");

  std::vector<Event> other = {
      Make("RUS", "UKR", "190", "2022-03-10", "document"),
      Make("RUS", "GEO", "190", "2008-08-08", "text"),
      Make("RUS", "UKR", "040", "2022-02-20", "text"),
      Make("RUS", "UKR", "190", "2022-03-12", "text")};
  DateByCoreference("2022-03-10", &other);
  CHECK(other[0].date.value == "2022-03-10");

  std::vector<Event> negated = {
      Make("RUS", "UKR", "190", "2022-03-10", "document"),
      Make("RUS", "UKR", "190", "2022-02-24", "text")};
  negated[1].polarity = "negated";
  DateByCoreference("2022-03-10", &negated);
  CHECK(negated[0].date.basis == "document");
}

}  // namespace
}  // namespace entente

namespace entente {
namespace {

TEST_CASE("a re-dated event that repeats another is dropped") {
  std::vector<Event> ev = {Make("RUS", "UKR", "190", "2022-02-24", "text"),
                           Make("RUS", "UKR", "190", "2022-03-10", "document")};
  for (Event& e : ev) {
    e.source.id = "RUS";
    e.target.id = "UKR";
    e.relation = "attack";
  }
  DateByCoreference("2022-03-10", &ev);
  REQUIRE(ev.size() == 1);
  CHECK(ev[0].date.value == "2022-02-24");
}

}  // namespace
}  // namespace entente
