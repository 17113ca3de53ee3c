// The subcommands of the `entente` CLI. Each handler takes parsed arguments,
// does its work through the library, and returns a Status that main() maps
// to an exit code (0 ok, 1 bad input or failure, 2 usage).
#ifndef ENTENTE_CLI_COMMANDS_H_
#define ENTENTE_CLI_COMMANDS_H_

#include <functional>
#include <string>

#include "cli/args.h"
#include "entente/graph.h"
#include "entente/pipeline.h"
#include "entente/status.h"
#include "entente/types.h"

namespace entente::cli {

struct Command {
  const char* name;
  const char* summary;
  const char* help;  // full --help text
  ArgSpec spec;
  Status (*run)(const Args&);
};

// All subcommands, in the order `entente --help` lists them.
const std::vector<Command>& Commands();

// Shared by the commands that read articles: runs the pipeline over INPUTs
// (articles and events files), calling `on_analysis` for each analysed
// document and `on_event` for each event read from an events file (may be
// null: events files are then skipped with a warning). Reports warnings on
// stderr and progress on a terminal. Fails when an input is missing, when
// --date or a lexicon is bad, or when no input record could be read.
struct ExtractionTotals {
  std::size_t documents = 0, events = 0;
};
Status RunExtraction(const Args& args,
                     const std::function<Status(DocumentAnalysis&)>& on_analysis,
                     const std::function<Status(const Event&)>& on_event,
                     ExtractionTotals* totals);

// Loads graph.json written by `entente build`.
Result<RelationGraph> LoadGraph(const std::string& path);

// The time filter of --from, --to and --as-of (those the command takes);
// a usage error for a bad date. Apply it with FilterByTime (graph.h).
Result<TimeFilter> TimeFilterFromArgs(const Args& args);

Status RunExtract(const Args& args);
Status RunAnnotate(const Args& args);
Status RunBuild(const Args& args);
Status RunMerge(const Args& args);
Status RunWhoMet(const Args& args);
Status RunRender(const Args& args);
Status RunMap(const Args& args);
Status RunEval(const Args& args);

}  // namespace entente::cli

#endif  // ENTENTE_CLI_COMMANDS_H_
