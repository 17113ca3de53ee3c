// The table of subcommands with their help texts.
#include "cli/commands.h"

namespace entente::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"extract", "extract events from articles as JSON Lines",
       "usage: entente extract INPUT... [-o events.jsonl] [--date YYYY-MM-DD]\n"
       "                       [--lexicon FILE]...\n\n"
       "Reads articles and writes one event per line (schemas/event.schema.json).\n"
       "INPUT: a text file (optional Title:/Date:/Source:/URL: header, then a\n"
       "blank line), a JSON Lines file of {\"id\",\"date\",\"title\",\"text\"},\n"
       "a directory (read recursively), or - for standard input.\n\n"
       "  -o FILE          write here (default: standard output)\n"
       "  --date DATE      date for articles that carry none\n"
       "  --lexicon FILE   add a lexicon (JSON Lines, schemas/lexicon.schema.json)\n"
       "  --cameo-actors FILE  add a PETRARCH/CAMEO actor dictionary\n"
       "  --cameo-agents FILE  add a PETRARCH/CAMEO agent dictionary\n"
       "                   (all repeatable; their entries outrank built-in ones)\n",
       {{"-o", "--date", "--lexicon", "--cameo-actors", "--cameo-agents"}, {}},
       RunExtract},
      {"build", "aggregate articles or events into graph.json",
       "usage: entente build INPUT... -o graph.json [--date DATE] [--lexicon FILE]...\n"
       "                     [--edges-key edges|links]\n\n"
       "INPUT may be articles or events JSON Lines (from `entente extract`).\n"
       "Writes networkx node-link JSON; --edges-key links for networkx < 3.4.\n",
       {{"-o", "--date", "--lexicon", "--cameo-actors", "--cameo-agents", "--edges-key"}, {}},
       RunBuild},
      {"who-met", "who met, called or visited whom, and when",
       "usage: entente who-met [ACTOR] [--with ACTOR] [--from DATE] [--to DATE]\n"
       "                       (--graph graph.json | INPUT...) [--json]\n\n"
       "Lists meetings, calls, visits and talks that happened (not denied,\n"
       "planned or hypothetical ones): date, actors, how, where, number of\n"
       "source documents. ACTOR is a name, id or country code, as typed.\n"
       "  --graph FILE     query a saved graph (else extract from INPUTs)\n"
       "  --json           one JSON object per line\n",
       {{"--with", "--from", "--to", "--graph", "--date", "--lexicon", "--cameo-actors", "--cameo-agents"},
        {"--json"}},
       RunWhoMet},
      {"render", "draw graph.json as SVG, PNG, PDF or DOT",
       "usage: entente render graph.json -o map.svg|map.png|map.pdf|map.dot\n"
       "                      [--format svg|png|pdf|dot] [--layout dot|sfdp]\n\n"
       "Renders in-process with Graphviz. The layout defaults to dot, and to\n"
       "sfdp above 150 actors.\n",
       {{"-o", "--format", "--layout"}, {}},
       RunRender},
      {"map", "extract, build and render in one step",
       "usage: entente map INPUT... -o DIR [--date DATE] [--lexicon FILE]...\n\n"
       "Writes DIR/events.jsonl, DIR/graph.json, DIR/map.dot and DIR/map.svg.\n",
       {{"-o", "--date", "--lexicon", "--cameo-actors", "--cameo-agents", "--layout", "--edges-key"}, {}},
       RunMap},
      {"annotate", "show every actor, time expression and event found",
       "usage: entente annotate INPUT... [-o FILE] [--date DATE] [--lexicon FILE]...\n\n"
       "One JSON object per document: sentences, actor mentions (with what they\n"
       "resolved to), time expressions ({text,start,end,type,value}) and events.\n"
       "Offsets are Unicode code points into the document text.\n",
       {{"-o", "--date", "--lexicon", "--cameo-actors", "--cameo-agents"}, {}},
       RunAnnotate},
      {"eval", "score extraction against hand-coded gold events",
       "usage: entente eval --gold FILE [--scheme cameo|plover] [--set NAME]\n"
       "                    [--show-errors] [--json] [--lexicon FILE]...\n"
       "                    [--cameo-actors FILE]... [--cameo-agents FILE]...\n\n"
       "Runs the pipeline over every record of a gold JSON Lines file\n"
       "({\"id\",\"date\",\"text\",\"events\":[{\"source\",\"target\",\"code\"}]},\n"
       "schemas/gold.schema.json) and prints precision, recall and F1:\n"
       "  cameo:  code (full CAMEO code), root (first two digits), actors\n"
       "          (source and target codes only), countries (country codes\n"
       "          and root code); and per root code\n"
       "  plover: type (actor codes and PLOVER type), countries (country\n"
       "          codes or none, and type); and per type\n"
       "Negated and hypothetical events do not count as extracted; a\n"
       "symmetric event matches either direction.\n"
       "  --set NAME       only the records whose \"set\" is NAME\n"
       "  --show-errors    list the missed and the spurious events\n"
       "  --json           the report as one JSON object\n",
       {{"--gold", "--scheme", "--set", "--lexicon", "--cameo-actors",
         "--cameo-agents"},
        {"--show-errors", "--json"}},
       RunEval},
  };
  return kCommands;
}

}  // namespace entente::cli
