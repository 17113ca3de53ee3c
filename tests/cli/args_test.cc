#include "cli/args.h"

#include <doctest/doctest.h>

#include <vector>

namespace entente::cli {
namespace {

Result<Args> Parse(std::vector<const char*> argv) {
  argv.insert(argv.begin(), {"entente", "cmd"});
  return ParseArgs(static_cast<int>(argv.size()),
                   const_cast<char**>(argv.data()), 2,
                   ArgSpec{{"-o", "--lexicon"}, {"--json"}});
}

TEST_CASE("parses positionals, repeated options, flags and --opt=value") {
  auto a = Parse({"in1", "-o", "out.json", "--lexicon=a.jsonl", "--lexicon",
                  "b.jsonl", "--json", "-", "in2"});
  REQUIRE(a.ok());
  CHECK(a->positionals == std::vector<std::string>{"in1", "-", "in2"});
  CHECK(a->Get("-o") == "out.json");
  CHECK(a->All("--lexicon") == std::vector<std::string>{"a.jsonl", "b.jsonl"});
  CHECK(a->Has("--json"));
  CHECK(a->Get("--missing", "dflt") == "dflt");
}

TEST_CASE("rejects unknown options and missing values as usage errors") {
  auto unknown = Parse({"--frob"});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == StatusCode::kUsage);
  CHECK(unknown.status().message().find("--frob") != std::string::npos);
  auto missing = Parse({"-o"});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == "-o needs a value");
  auto flag_value = Parse({"--json=yes"});
  CHECK_FALSE(flag_value.ok());
}

TEST_CASE("--help anywhere asks for help; -- ends the options") {
  auto h = Parse({"x", "--help"});
  REQUIRE(h.ok());
  CHECK(h->help);
  auto dashes = Parse({"--", "--json"});
  REQUIRE(dashes.ok());
  CHECK(dashes->positionals == std::vector<std::string>{"--json"});
}

}  // namespace
}  // namespace entente::cli
