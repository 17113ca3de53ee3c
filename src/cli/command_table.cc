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
       "  --date-order mdy|dmy|ymd  how to read 9/10/2021 (default mdy: Sept. 10)\n"
       "  --lexicon FILE   add a lexicon (JSON Lines, schemas/lexicon.schema.json)\n"
       "  --cameo-actors FILE  add a PETRARCH/CAMEO actor dictionary\n"
       "  --cameo-agents FILE  add a PETRARCH/CAMEO agent dictionary\n"
       "                   (all repeatable; their entries outrank built-in ones)\n",
       {{"-o", "--date", "--date-order", "--lexicon", "--cameo-actors", "--cameo-agents"}, {}},
       RunExtract},
      {"build", "aggregate articles or events into graph.json",
       "usage: entente build INPUT... -o graph.json [--date DATE] [--lexicon FILE]...\n"
       "                     [--edges-key edges|links] [--date-order mdy|dmy|ymd]\n\n"
       "INPUT may be articles or events JSON Lines (from `entente extract`).\n"
       "Writes networkx node-link JSON; --edges-key links for networkx < 3.4.\n",
       {{"-o", "--date", "--date-order", "--lexicon", "--cameo-actors", "--cameo-agents", "--edges-key"}, {}},
       RunBuild},
      {"who-met", "who met, called or visited whom, and when",
       "usage: entente who-met [ACTOR] [--with ACTOR] [--from DATE] [--to DATE]\n"
       "                       (--graph graph.json | INPUT...) [--json]\n\n"
       "Lists meetings, calls, visits and talks that happened (not denied,\n"
       "planned or hypothetical ones): date, actors, how, where, number of\n"
       "source documents. ACTOR is a name, id or country code, as typed.\n"
       "  --graph FILE     query a saved graph (else extract from INPUTs)\n"
       "  --json           one JSON object per line\n",
       {{"--with", "--from", "--to", "--graph", "--date", "--date-order", "--lexicon", "--cameo-actors", "--cameo-agents"},
        {"--json"}},
       RunWhoMet},
      {"render", "draw graph.json as a map: SVG, HTML page, PNG, PDF or DOT",
       "usage: entente render graph.json -o map.svg|map.html|map.png|map.pdf|map.dot\n"
       "                      [--format FORMAT] [--layout ENGINE] [--events events.jsonl]\n"
       "                      [--focus ACTOR [--depth K]] [--from DATE] [--to DATE]\n"
       "                      [--max-nodes N] [--cluster-by country]\n\n"
       "Draws the graph in-process with Graphviz. Shape: kind of actor; fill:\n"
       "country; edge colour: CAMEO quad class; edge width: number of sources.\n"
       "Small maps label each edge with its relation and dates.\n\n"
       "  -o FILE              the map; its extension gives the format\n"
       "  --format FORMAT      svg, html, png, pdf or dot. html is one self-contained\n"
       "                       page (no network needed): pan and zoom, a search box\n"
       "                       that highlights an actor and its neighbours, a date\n"
       "                       filter, and tooltips with the evidence\n"
       "  --layout ENGINE      dot (default up to 150 actors), sfdp (default above:\n"
       "                       seconds for 10,000 actors), neato, fdp or circo\n"
       "  --events FILE        the events.jsonl the graph was built from: tooltips then\n"
       "                       quote the evidence sentences, not only their documents\n"
       "  --focus ACTOR        only the neighbourhood of ACTOR (name, id or country\n"
       "                       code, as who-met takes it)\n"
       "  --depth K            how many relations away from ACTOR to go (default 1)\n"
       "  --from/--to DATE     only relations dated in this window (YYYY-MM-DD,\n"
       "                       inclusive; \"2021-03\" counts if any of its days is in)\n"
       "  --max-nodes N        only the N most connected actors (by number of source\n"
       "                       documents of their relations); says who was left out\n"
       "  --cluster-by country draw each state with its people in a box (dot, fdp)\n",
       {{"-o", "--format", "--layout", "--events", "--focus", "--depth",
         "--from", "--to", "--max-nodes", "--cluster-by"},
        {}},
       RunRender},
      {"map", "extract, build and draw in one step",
       "usage: entente map INPUT... -o DIR [--date DATE] [--lexicon FILE]...\n"
       "                   [--edges-key edges|links] [--layout ENGINE]\n"
       "                   [--focus ACTOR [--depth K]] [--from DATE] [--to DATE]\n"
       "                   [--max-nodes N] [--cluster-by country]\n\n"
       "Writes DIR/events.jsonl, DIR/graph.json, and the map as DIR/map.svg,\n"
       "DIR/map.html (the interactive page) and DIR/map.dot. The map options are\n"
       "those of `entente render` and apply to the map only: events.jsonl and\n"
       "graph.json always hold everything found.\n",
       {{"-o", "--date", "--lexicon", "--layout", "--edges-key", "--focus",
         "--depth", "--from", "--to", "--max-nodes", "--cluster-by"},
        {}},
       RunMap},
      {"annotate", "show every actor, time expression and event found",
       "usage: entente annotate INPUT... [-o FILE] [--date DATE] [--lexicon FILE]...\n"
       "                        [--date-order mdy|dmy|ymd]\n\n"
       "One JSON object per document: sentences, actor mentions (with what they\n"
       "resolved to), time expressions ({text,start,end,type,value}) and events.\n"
       "Offsets are Unicode code points into the document text.\n",
       {{"-o", "--date", "--date-order", "--lexicon", "--cameo-actors", "--cameo-agents"}, {}},
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
