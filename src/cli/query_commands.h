// The analysis and export subcommands: timeline, neighbors, path, top,
// stats (queries over a saved graph.json) and export (GraphML, Cytoscape.js,
// CSV/TSV events, GDELT-style table). Handlers as in commands.h.
#ifndef ENTENTE_CLI_QUERY_COMMANDS_H_
#define ENTENTE_CLI_QUERY_COMMANDS_H_

#include "cli/args.h"
#include "entente/status.h"

namespace entente::cli {

Status RunTimeline(const Args& args);
Status RunNeighbors(const Args& args);
Status RunPath(const Args& args);
Status RunTop(const Args& args);
Status RunStats(const Args& args);
Status RunExport(const Args& args);

}  // namespace entente::cli

#endif  // ENTENTE_CLI_QUERY_COMMANDS_H_
