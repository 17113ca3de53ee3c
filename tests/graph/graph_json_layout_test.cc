// Loading graph.json fast: edges in the layout GraphToNodeLinkJson writes
// are read by a reader of that layout (src/export/graph_json_layout.h),
// everything else by the general scanner. Both must build the same graph
// and report the same errors; the two-thread fold and index must give what
// one thread gives.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "entente/export.h"
#include "entente/graph.h"
#include "graph/graph_store.h"

namespace entente {
namespace {

// The same JSON, with a space in every edge object so that the layout
// reader leaves them all to the general scanner. ("{\"source\":" cannot
// occur inside a JSON string: the quote would be escaped.)
std::string Spaced(std::string json) {
  const std::string from = "{\"source\":", to = "{ \"source\":";
  for (std::size_t at = json.find(from); at != std::string::npos;
       at = json.find(from, at + to.size())) {
    json.replace(at, from.size(), to);
  }
  return json;
}

std::string Load(const std::string& json, bool* ok = nullptr) {
  Result<RelationGraph> g = GraphFromNodeLinkJson(json, "g.json");
  if (ok) *ok = g.ok();
  return g.ok() ? GraphToNodeLinkJson(*g) : g.status().message();
}

const char kHead[] =
    R"({"directed":true,"multigraph":true,"graph":{"documents":["d1","d2"]},)"
    R"("nodes":[{"id":"a","name":"A","kind":"person","country":"USA","code":null,"role":null},)"
    R"({"id":"b","name":"B","kind":"state","country":"FRA","code":"FRA","role":null}],"edges":[)";

// An edge in the written layout, with the given evidence and documents.
std::string Edge(const std::string& relation, int count,
                 const std::string& dates, const std::string& documents,
                 const std::string& evidence) {
  return R"({"source":"a","target":"b","key":")" + relation +
         R"(","relation":")" + relation +
         R"(","cameo":"040","plover":null,"quad":1,"symmetric":true,"role":null,"count":)" +
         std::to_string(count) +
         R"(,"sources":1,"first":null,"last":null,"dates":[)" + dates +
         R"(],"events":[{"date":"2021-01-02","mentions":1,"sources":1}],"documents":[)" +
         documents + R"(],"evidence":[)" + evidence + "]}";
}

std::string Evidence(const std::string& doc, const std::string& sentence,
                     const std::string& date, const std::string& location,
                     int mentions = 1) {
  return R"({"doc":")" + doc + R"(","sentence":)" + sentence +
         R"(,"date":)" + date + R"(,"location":)" + location +
         R"(,"mentions":)" + std::to_string(mentions) + "}";
}

TEST_CASE("edges in the written layout load as the general scanner loads them") {
  std::string json =
      std::string(kHead) +
      // In order, all documents and dates carried.
      Edge("meeting", 3, R"("2021-01-02","2021-02")", R"("d1","d2")",
           Evidence("d1", "0", R"("2021-01-02")", "null", 2) + "," +
               Evidence("d2", "null", R"("2021-02")", R"("Paris")")) +
      "," +
      // Out of order and repeated evidence; documents and dates that no
      // evidence carries; a count above the mentions.
      Edge("criticize", 9, R"("2020","2021-01-02")", R"("d1","d9","d8")",
           Evidence("d2", "4", "null", "null") + "," +
               Evidence("d1", "1", R"("2021-01-02")", "null", 3) + "," +
               Evidence("d2", "4", "null", "null", 5)) +
      "," +
      // No evidence at all; an escape in a location (general scanner).
      Edge("visit", 2, R"("2019")", R"("d3")", "") + "," +
      Edge("host", 1, "", R"("d1")",
           Evidence("d1", "2", R"("2021")", R"("Gen\u00e8ve")")) +
      "]}";
  bool ok = false;
  std::string fast = Load(json, &ok);
  REQUIRE(ok);
  CHECK(fast == Load(Spaced(json)));
  CHECK(fast.find("\"count\":9") != std::string::npos);
  CHECK(fast.find("Genève") != std::string::npos);
  // What it writes is in the layout, and loads again to the same bytes.
  CHECK(Load(fast) == fast);
}

TEST_CASE("a bad edge in the layout is reported as the general scanner reports it") {
  auto edges = [](const std::string& second) {
    return std::string(kHead) +
           Edge("meeting", 1, "", R"("d1")",
                Evidence("d1", "0", "null", "null")) +
           "," + second + "]}";
  };
  std::string no_relation = edges(
      Edge("", 1, "", R"("d1")", Evidence("d1", "0", "null", "null")));
  bool ok = true;
  std::string error = Load(no_relation, &ok);
  CHECK_FALSE(ok);
  CHECK(error == "g.json: /edges/1: needs source, target and relation");
  CHECK(Load(Spaced(no_relation)) == error);

  std::string huge = edges(Edge("visit", 99999999, "", R"("d1")",
                                Evidence("d1", "0", "null", "null")));
  error = Load(huge, &ok);
  CHECK_FALSE(ok);
  CHECK(error.find("/edges/1: count and mentions must be at most") !=
        std::string::npos);
  CHECK(Load(Spaced(huge)) == error);
}

TEST_CASE("bad JSON in a member the loader ignores is still bad JSON") {
  std::string good =
      std::string(kHead) +
      Edge("meeting", 1, "", R"("d1")", Evidence("d1", "0", "null", "null")) +
      "]}";
  bool ok = false;
  Load(good, &ok);
  REQUIRE(ok);
  for (auto [from, to] :
       {std::pair<std::string, std::string>{"\"mentions\":1,\"sources\":1}",
                                            "\"mentions\":01,\"sources\":1}"},
        {"\"first\":null", "\"first\":nul"},
        {"\"sources\":1,\"first\"", "\"sources\":1.,\"first\""},
        {"\"key\":\"meeting\"", "\"key\":\"meet\ting\""}}) {
    std::string bad = good;
    bad.replace(bad.find(from), from.size(), to);
    CAPTURE(to);
    std::string error = Load(bad, &ok);
    CHECK_FALSE(ok);
    CHECK(error.find("g.json: not valid JSON at byte") == 0);
  }
}

TEST_CASE("folding and indexing on two threads give what one thread gives") {
  std::mt19937 rng(7);
  const std::vector<std::string> dates = {"2020", "2021-02", "2021-02-03",
                                          "2021-W10", "", "2022-Q1"};
  RelationGraph g;
  for (int i = 0; i < 3000; ++i) {
    Event e;
    e.doc = "d" + std::to_string(rng() % 300);
    e.sentence = rng() % 5;
    e.source = Actor{"p" + std::to_string(rng() % 40), "P", "person", "USA",
                     "", ""};
    e.target = Actor{"p" + std::to_string(rng() % 40), "P", "person", "GBR",
                     "", ""};
    e.relation = rng() % 2 ? "meeting" : "criticize";
    e.cameo = e.relation == "meeting" ? "040" : "111";
    e.symmetric = e.relation == "meeting";
    e.date = {dates[rng() % dates.size()], "day", "", "text"};
    g.AddEvent(e);
  }
  std::string json = GraphToNodeLinkJson(g);
  auto who_met = [](const RelationGraph& r) {
    std::string out;
    for (int a = 0; a < 40; a += 7) {
      EdgeFilter f;
      f.actor = "p" + std::to_string(a);
      f.relations = {"meeting"};
      f.time.from = "2021-02-01";
      r.ForEachEdge(f, [&](const RelationEdge& e) {
        out += e.source + ">" + e.target + ":" + std::to_string(e.count) + ";";
      });
    }
    return out;
  };
  std::size_t saved = graph::two_thread_mentions;
  graph::two_thread_mentions = 0;
  Result<RelationGraph> two = GraphFromNodeLinkJson(json, "g.json");
  REQUIRE(two.ok());
  std::string two_json = GraphToNodeLinkJson(*two);
  std::string two_rows = who_met(*two);
  graph::two_thread_mentions = std::size_t{1} << 40;
  Result<RelationGraph> one = GraphFromNodeLinkJson(json, "g.json");
  REQUIRE(one.ok());
  graph::two_thread_mentions = saved;
  CHECK(two_json == json);
  CHECK(GraphToNodeLinkJson(*one) == json);
  CHECK(!two_rows.empty());
  CHECK(two_rows == who_met(*one));
}

}  // namespace
}  // namespace entente
