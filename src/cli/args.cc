#include "cli/args.h"

namespace entente::cli {

std::string Args::Get(const std::string& key,
                      const std::string& fallback) const {
  auto it = values.find(key);
  return it == values.end() || it->second.empty() ? fallback
                                                  : it->second.back();
}

const std::vector<std::string>& Args::All(const std::string& key) const {
  static const std::vector<std::string> kNone;
  auto it = values.find(key);
  return it == values.end() ? kNone : it->second;
}

Result<Args> ParseArgs(int argc, char** argv, int first, const ArgSpec& spec) {
  Args args;
  bool only_positionals = false;
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (only_positionals || a == "-" || a.empty() || a[0] != '-') {
      args.positionals.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positionals = true;
      continue;
    }
    if (a == "-h" || a == "--help") {
      args.help = true;
      continue;
    }
    std::string value;
    bool has_value = false;
    if (std::size_t eq = a.find('='); eq != std::string::npos && a[1] == '-') {
      value = a.substr(eq + 1);
      a = a.substr(0, eq);
      has_value = true;
    }
    if (spec.flags.count(a)) {
      if (has_value) return Status::Usage(a + " takes no value");
      args.flags.insert(a);
      continue;
    }
    if (!spec.valued.count(a)) {
      return Status::Usage("unknown option '" + a + "'");
    }
    if (!has_value) {
      if (i + 1 >= argc) return Status::Usage(a + " needs a value");
      value = argv[++i];
    }
    args.values[a].push_back(value);
  }
  return args;
}

}  // namespace entente::cli
