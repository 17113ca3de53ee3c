#include "entente/ingest.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/calendar.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

TEST_CASE("reads the header block of a text article") {
  auto d = ParseTextArticle(
      "Title: Talks\nDate: 2021-09-10\nURL: https://x\n\nBody starts here.\n",
      "id1", "a.txt");
  REQUIRE(d.ok());
  CHECK(d->title == "Talks");
  CHECK(d->date == CivilDate{2021, 9, 10});
  CHECK(d->url == "https://x");
  CHECK(d->text == "Body starts here.\n");
  CHECK(d->id == "id1");
}

TEST_CASE("a text without a header is all text, and keeps its first line") {
  auto d = ParseTextArticle("BEIJING: China said no.\n", "x", "b.txt");
  REQUIRE(d.ok());
  CHECK(d->text == "BEIJING: China said no.\n");
  CHECK_FALSE(d->date.has_value());
}

TEST_CASE("rejects a bad Date header, empty text, binary and invalid UTF-8") {
  struct Case {
    std::string content;
    const char* expect;
  } cases[] = {
      {"Date: 10 September\n\nText.", "c.txt:1: Date header"},
      {"", "empty"},
      {"Title: only a header\n\n   \n", "no text"},
      {std::string("abc\0def", 7), "binary"},
      {"ok line\nbad \xFF byte", "invalid UTF-8 at line 2"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.expect);
    auto d = ParseTextArticle(c.content, "x", "c.txt");
    REQUIRE_FALSE(d.ok());
    CHECK(d.status().message().find(c.expect) != std::string::npos);
  }
}

TEST_CASE("reads JSON articles, keeping unknown fields as metadata") {
  auto d = ParseJsonArticle(
      R"({"id":"ap-1","date":"2021-09-10T08:00:00Z","title":"T","text":"Hi.","lang":"en"})",
      "f.jsonl:3", "fallback");
  REQUIRE(d.ok());
  CHECK(d->id == "ap-1");
  CHECK(d->date == CivilDate{2021, 9, 10});
  CHECK(d->metadata_json == R"({"lang":"en"})");
  auto no_id = ParseJsonArticle(R"({"text":"Hi."})", "f.jsonl:4", "f-4");
  REQUIRE(no_id.ok());
  CHECK(no_id->id == "f-4");
  auto bad = ParseJsonArticle(R"({"id":"x"})", "f.jsonl:5", "f-5");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "f.jsonl:5: /text: missing or not a string");
}

TEST_CASE("parses events back and names the bad field") {
  auto e = ParseEventJson(
      R"({"doc":"d","sentence":2,"source":{"id":"USA","name":"United States","kind":"state","country":"USA","code":"USA","role":null},)"
      R"("target":{"id":"CHN","name":"China","kind":"state","country":"CHN","code":"CHN","role":null},)"
      R"("relation":"meeting","cameo":"040","plover":"CONSULT","symmetric":true,"trigger":"met",)"
      R"("date":{"value":"2021-09","precision":"month","text":"in September","basis":"text"},)"
      R"("polarity":"affirmed","modality":"asserted","location":null,"evidence":{"text":"s","start":0,"end":1}})");
  REQUIRE(e.ok());
  CHECK(e->sentence == 2);
  CHECK(e->target.id == "CHN");
  CHECK(e->date.value == "2021-09");
  auto bad = ParseEventJson(R"({"doc":"d","sentence":-1})");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "/sentence: not a non-negative integer");
}

TEST_CASE("walks a directory in sorted order and skips bad records") {
  fs::path d = fs::temp_directory_path() /
               ("entente-ingest-" + std::to_string(::getpid()));
  fs::create_directories(d / "sub");
  std::ofstream(d / "b.txt") << "Date: 2021-01-02\n\nB text.";
  std::ofstream(d / "sub" / "a.txt") << "A text.";
  std::ofstream(d / "notes.md") << "not an article";
  std::ofstream(d / "c.jsonl") << "{\"id\":\"c1\",\"text\":\"C.\"}\n{broken\n";
  DocumentSource source({d.string()}, {CivilDate{2020, 5, 5}});
  REQUIRE(source.CheckInputs().ok());
  std::vector<std::string> ids;
  InputRecord r;
  while (true) {
    auto more = source.Next(&r);
    REQUIRE(more.ok());
    if (!*more) break;
    ids.push_back(r.document.id);
    if (r.document.id == "sub/a") CHECK(r.document.date == CivilDate{2020, 5, 5});
  }
  CHECK(ids == std::vector<std::string>{"b", "c1", "sub/a"});
  CHECK(source.skipped() == 1);
  REQUIRE(source.warnings().size() == 1);
  CHECK(source.warnings()[0].find("c.jsonl:2") != std::string::npos);
  fs::remove_all(d);
  DocumentSource missing({"/no/such/path"}, {});
  CHECK_FALSE(missing.CheckInputs().ok());
}

}  // namespace
}  // namespace entente
