// Command-line arguments of one subcommand: positionals, options with
// values (repeatable), and flags, checked against the command's spec.
#ifndef ENTENTE_CLI_ARGS_H_
#define ENTENTE_CLI_ARGS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "entente/status.h"

namespace entente::cli {

struct ArgSpec {
  std::set<std::string> valued;  // "-o", "--date", ...
  std::set<std::string> flags;   // "--json", ...
};

struct Args {
  std::vector<std::string> positionals;
  std::map<std::string, std::vector<std::string>> values;
  std::set<std::string> flags;
  bool help = false;

  // The last value of an option, or `fallback`.
  std::string Get(const std::string& key, const std::string& fallback = "")
      const;
  const std::vector<std::string>& All(const std::string& key) const;
  bool Has(const std::string& flag) const { return flags.count(flag) > 0; }
};

// Parses argv[first..argc). Accepts "--opt value" and "--opt=value"; "-"
// alone and everything after "--" are positionals. Fails (usage) on an
// unknown option or a missing value.
Result<Args> ParseArgs(int argc, char** argv, int first, const ArgSpec& spec);

}  // namespace entente::cli

#endif  // ENTENTE_CLI_ARGS_H_
