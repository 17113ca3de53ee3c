// entente's command line: find the subcommand in the table, parse its
// arguments, run it, print its error and map the status to an exit code
// (0 success, 1 bad input or failure, 2 usage error).
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/commands.h"
#include "entente_config.h"

namespace {

void PrintHelp() {
  std::printf(
      "entente %s: a knowledge graph of diplomatic relations from news text\n\n"
      "usage: entente COMMAND [ARGS...]\n\ncommands:\n",
      ENTENTE_VERSION);
  for (const auto& c : entente::cli::Commands()) {
    std::printf("  %-10s %s\n", c.name, c.summary);
  }
  std::printf(
      "\n`entente COMMAND --help` shows a command's options.\n"
      "Example: entente map samples -o out\n");
}

int ExitCode(const entente::Status& s) {
  if (s.ok()) return 0;
  return s.code() == entente::StatusCode::kUsage ? 2 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintHelp();
    return 2;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintHelp();
    return 0;
  }
  if (name == "--version" || name == "-V") {
    std::printf("entente %s\n", ENTENTE_VERSION);
    return 0;
  }
  for (const auto& c : entente::cli::Commands()) {
    if (name != c.name) continue;
    entente::Result<entente::cli::Args> args =
        entente::cli::ParseArgs(argc, argv, 2, c.spec);
    if (!args.ok()) {
      std::fprintf(stderr, "entente %s: %s\n(see entente %s --help)\n", c.name,
                   args.status().message().c_str(), c.name);
      return 2;
    }
    if (args->help) {
      std::fputs(c.help, stdout);
      return 0;
    }
    entente::Status s = c.run(*args);
    if (!s.ok()) {
      std::fprintf(stderr, "entente %s: %s\n", c.name, s.message().c_str());
      if (s.code() == entente::StatusCode::kUsage) {
        std::fprintf(stderr, "(see entente %s --help)\n", c.name);
      }
    }
    return ExitCode(s);
  }
  std::fprintf(stderr, "entente: unknown command '%s' (see entente --help)\n",
               name.c_str());
  return 2;
}
