#include <doctest/doctest.h>

#include "entente/exports.h"

namespace entente {
namespace {

Event MakeEvent() {
  Event e;
  e.doc = "doc-1";
  e.sentence = 2;
  e.source = {"joe-biden", "Joe Biden", "person", "USA", "USAGOV", "President"};
  e.target = {"xi-jinping", "Xi \"Big\" <Jinping>", "person", "CHN", "CHNGOV",
              ""};
  e.relation = "phone_call";
  e.cameo = "041";
  e.plover = "CONSULT";
  e.symmetric = true;
  e.trigger = "spoke with";
  e.date = {"2021-09-09", "day", "on Thursday", "text"};
  e.evidence_text = "Biden, in a call,\tsaid \"hello\".";
  return e;
}

std::size_t Count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t i = s.find(what); i != std::string::npos;
       i = s.find(what, i + 1)) {
    ++n;
  }
  return n;
}

TEST_CASE("CSV rows quote commas and quotes; TSV rows flatten tabs") {
  Event e = MakeEvent();
  std::string csv = EventTableRow(e, ',');
  CHECK(csv.find("\"Biden, in a call,\tsaid \"\"hello\"\".\"") !=
        std::string::npos);
  CHECK(csv.back() == '\n');
  std::string tsv = EventTableRow(e, '\t');
  CHECK(Count(tsv, "\t") == EventTableColumns().size() - 1);
  CHECK(tsv.find("call, said \"hello\".") != std::string::npos);
  CHECK(Count(EventTableHeader(','), ",") == EventTableColumns().size() - 1);
}

TEST_CASE("GraphML escapes names and declares label and weight") {
  RelationGraph g;
  g.AddEvent(MakeEvent());
  std::string xml = GraphToGraphMl(g);
  CHECK(xml.find("attr.name=\"label\"") != std::string::npos);
  CHECK(xml.find("attr.name=\"weight\" attr.type=\"double\"") !=
        std::string::npos);
  CHECK(xml.find("Xi &quot;Big&quot; &lt;Jinping&gt;") != std::string::npos);
  CHECK(xml.find("<Jinping>") == std::string::npos);
  CHECK(xml.find("doc-1#2") != std::string::npos);
}

TEST_CASE("Cytoscape JSON gives every edge a unique id and the node a value") {
  RelationGraph g;
  g.AddEvent(MakeEvent());
  std::string json = GraphToCytoscapeJson(g);
  CHECK(json.find("\"elements\":{\"nodes\":[") != std::string::npos);
  CHECK(json.find("\"value\":\"joe-biden\"") != std::string::npos);
  CHECK(json.find(":phone_call\",\"source\":\"joe-biden\"") !=
        std::string::npos);
}

TEST_CASE("the GDELT table has one row per event that happened, with counts") {
  RelationGraph g;
  Event e = MakeEvent();
  g.AddEvent(e);
  e.doc = "doc-2";
  e.sentence = 0;
  g.AddEvent(e);
  e.modality = "planned";
  e.date.value = "2021-10";
  g.AddEvent(e);  // planned: not an event that happened
  std::string table = GraphToGdeltTable(g, '\t');
  REQUIRE(Count(table, "\n") == 2);  // header and one event
  std::string row = table.substr(table.find('\n') + 1);
  CHECK(row.rfind("1\t20210909\t202109\t2021\t", 0) == 0);
  CHECK(row.find("\tUSAGOV\tJoe Biden\tUSA\tGOV\t") != std::string::npos);
  // IsRootEvent (lead sentence of doc-2), codes, quad, Goldstein, counts.
  CHECK(row.find("\t1\t041\t041\t04\t1\t1.0\t2\t2\t2\t") != std::string::npos);
  CHECK(row.find("\tdoc-1\t2021-09-09\tphone_call\tCONSULT\tdoc-1;doc-2\n") !=
        std::string::npos);
}

}  // namespace
}  // namespace entente
