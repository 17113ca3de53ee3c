// The table of subcommands with their help texts.
#include "cli/commands.h"
#include "cli/query_commands.h"

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
       "  --cameo-verbs FILE   add a PETRARCH/CAMEO verb dictionary (CAMEO.2.0\n"
       "                   format): its patterns code the verbs it knows\n"
       "                   (all repeatable; their entries outrank built-in ones)\n",
       {{"-o", "--date", "--date-order", "--lexicon", "--cameo-actors", "--cameo-agents", "--cameo-verbs"}, {}},
       RunExtract},
      {"build", "aggregate articles or events into graph.json",
       "usage: entente build INPUT... -o graph.json [--date DATE] [--lexicon FILE]...\n"
       "                     [--edges-key edges|links] [--date-order mdy|dmy|ymd]\n"
       "                     [--from DATE] [--to DATE] [--as-of DATE]\n"
       "       entente build --update graph.json NEW... [-o FILE]\n\n"
       "INPUT may be articles or events JSON Lines (from `entente extract`).\n"
       "Writes networkx node-link JSON; --edges-key links for networkx < 3.4.\n"
       "The same event (same actors, relation and date value) reported by several\n"
       "documents is one event of its edge with several sources (edge \"events\").\n"
       "  --update FILE    add NEW inputs to a saved graph, written back atomically\n"
       "                   (or to -o) in the edges key it had; documents whose id the\n"
       "                   graph already has are skipped (and listed on stderr)\n"
       "  --from/--to DATE keep only evidence whose event date is in this window\n"
       "                   (YYYY-MM-DD, inclusive; \"2021-03\" counts if any day is in)\n"
       "  --as-of DATE     the graph as it stood on DATE: only evidence whose event\n"
       "                   date lies wholly on or before it (\"2021-03\" from 03-31)\n",
       {{"-o", "--date", "--date-order", "--lexicon", "--cameo-actors", "--cameo-agents", "--cameo-verbs", "--edges-key",
         "--update", "--from", "--to", "--as-of"}, {}},
       RunBuild},
      {"merge", "merge graphs built from parts of a corpus into one",
       "usage: entente merge A.json B.json... -o all.json [--edges-key edges|links]\n\n"
       "Adds graphs up: mentions add; actors, documents, dates and evidence unite.\n"
       "The result does not depend on the order or grouping of the inputs: merging\n"
       "the graphs of any partition of a corpus gives, byte for byte, the graph of\n"
       "the whole corpus, so `build` can be the map step and `merge` the reduce\n"
       "step of a parallel job. A document found in several inputs is counted\n"
       "once, from the first input that has it (listed on stderr).\n"
       "  -o FILE          write here (atomically)\n"
       "  --edges-key K    edges (default) or links, for networkx < 3.4\n",
       {{"-o", "--edges-key"}, {}},
       RunMerge},
      {"who-met", "who met, called or visited whom, and when",
       "usage: entente who-met [ACTOR] [--with ACTOR] [--from DATE] [--to DATE]\n"
       "                       [--as-of DATE] [--how call|meeting|visit|talks]\n"
       "                       [--min-sources N] (--graph graph.json | INPUT...)\n"
       "                       [--json|--csv]\n\n"
       "Lists meetings, calls, visits and talks that happened (not denied,\n"
       "planned or hypothetical ones): date, actors, how, where, number of\n"
       "source documents. ACTOR is a name, id or country code, as typed.\n"
       "One row per contact and date: every document reporting it counts as a\n"
       "source (a visit and its hosting are one contact).\n"
       "  --graph FILE     query a saved graph (else extract from INPUTs)\n"
       "  --with ACTOR     only contacts with ACTOR\n"
       "  --how KIND       only call, meeting, visit or talks (repeat or separate\n"
       "                   with commas for several)\n"
       "  --min-sources N  only contacts reported by at least N documents\n"
       "  --from/--to DATE only contacts dated in this window (YYYY-MM-DD, inclusive)\n"
       "  --as-of DATE     the graph as it stood on DATE (event dates wholly past)\n"
       "  --json           one JSON object per line, with the evidence\n"
       "  --csv            CSV with a header line\n",
       {{"--with", "--from", "--to", "--as-of", "--how", "--min-sources", "--graph", "--date", "--date-order", "--lexicon", "--cameo-actors", "--cameo-agents", "--cameo-verbs"},
        {"--json", "--csv"}},
       RunWhoMet},
      {"timeline", "the dated events of an actor or a pair, with evidence",
       "usage: entente timeline ACTOR [ACTOR2] --graph graph.json [--events FILE]\n"
       "                        [--relation R] [--from DATE] [--to DATE] [--json|--csv]\n\n"
       "Lists every event of ACTOR (with ACTOR2 only, when given) in date order:\n"
       "date, source, relation, target, where, number of source documents, and\n"
       "each supporting sentence as doc#sentence. graph.json keeps only these\n"
       "references; the sentences themselves are quoted from --events FILE, or\n"
       "from an events.jsonl beside graph.json (as `entente map` writes them).\n"
       "ACTOR is a name, short name, id or country code, as typed.\n"
       "  --graph FILE     the graph to query (from `entente build` or `map`)\n"
       "  --events FILE    the events.jsonl to quote evidence sentences from\n"
       "  --relation R     only relation R: a name (meeting), a PLOVER type\n"
       "                   (CONSULT) or a CAMEO code prefix (04, 042)\n"
       "  --from/--to DATE only events dated in this window (YYYY-MM-DD, inclusive)\n"
       "  --json           one JSON object per line, sentences included\n"
       "  --csv            CSV with a header line\n",
       {{"--graph", "--events", "--relation", "--from", "--to"}, {"--json", "--csv"}},
       RunTimeline},
      {"neighbors", "the actors related to an actor, and how",
       "usage: entente neighbors ACTOR --graph graph.json [--relation R]\n"
       "                         [--from DATE] [--to DATE] [--json|--csv]\n\n"
       "One line per related actor: its relations with ACTOR, their direction\n"
       "(out: ACTOR acted; in: ACTOR was acted on; mutual: symmetric relations;\n"
       "both), mentions, source documents and dates; most sources first.\n"
       "Affiliations (people to their state) are listed with --relation affiliation.\n"
       "  --relation R     a relation name, PLOVER type or CAMEO code prefix\n"
       "  --from/--to DATE only relations dated in this window\n"
       "  --json, --csv    machine-readable output\n",
       {{"--graph", "--relation", "--from", "--to"}, {"--json", "--csv"}},
       RunNeighbors},
      {"path", "a shortest chain of relations between two actors",
       "usage: entente path ACTOR ACTOR --graph graph.json [--cooperative]\n"
       "                    [--affiliations] [--from DATE] [--to DATE] [--json|--csv]\n\n"
       "Finds a path with the fewest links (relations taken in either direction;\n"
       "Boost.Graph breadth-first search, ties broken by actor id) and lists each\n"
       "step with its relations ('>' or '<' marks a directed one), dates and\n"
       "number of source documents. Prints nothing (and says so on stderr) when\n"
       "the two are not connected.\n"
       "  --cooperative    only relations of CAMEO quad classes 1-2 (verbal and\n"
       "                   material cooperation)\n"
       "  --affiliations   let a person's affiliation to their state be a link\n"
       "  --planned        let planned relations (planned_visit...) be links; by\n"
       "                   default only relations that happened are\n"
       "  --from/--to DATE only relations dated in this window\n"
       "  --json, --csv    machine-readable output\n",
       {{"--graph", "--from", "--to"}, {"--cooperative", "--affiliations", "--planned", "--json", "--csv"}},
       RunPath},
      {"top", "the most central actors by degree, PageRank or betweenness",
       "usage: entente top --graph graph.json [--by degree|pagerank|betweenness]\n"
       "                   [--kind person|state|organization|group] [-n N]\n"
       "                   [--from DATE] [--to DATE] [--json|--csv]\n\n"
       "Ranks the actors by the relations that happened (affiliations and, unless\n"
       "--planned, planned relations left out):\n"
       "  degree       distinct actors related to the actor (default)\n"
       "  pagerank     Boost.Graph page_rank, damping 0.85, one arc per relation\n"
       "               (both ways for symmetric ones), scaled to sum to 1\n"
       "  betweenness  Boost.Graph Brandes betweenness over related pairs,\n"
       "               normalised like networkx: divided by the (n-1)(n-2)/2\n"
       "               pairs of other actors\n"
       "The measure is computed on the whole graph; --kind only filters the list.\n"
       "  -n N             how many (default 10; 0 for all)\n"
       "  --from/--to DATE only relations dated in this window\n"
       "  --json, --csv    machine-readable output\n",
       {{"--graph", "--by", "--kind", "-n", "--from", "--to"}, {"--planned", "--json", "--csv"}},
       RunTop},
      {"stats", "counts of events by relation, quad class, country and month",
       "usage: entente stats --graph graph.json [--from DATE] [--to DATE] [--json|--csv]\n\n"
       "An event is a relation between two actors on one date; its mentions are\n"
       "its supporting sentences and its sources the distinct documents. Events\n"
       "count for each country of their two actors, and for the month of their\n"
       "date (a week for the month of its Thursday; coarser dates such as\n"
       "2021-Q3 stand for themselves; 'undated' for none).\n"
       "  --from/--to DATE only events dated in this window\n"
       "  --json           one JSON object\n"
       "  --csv            by,key,events,mentions,sources\n",
       {{"--graph", "--from", "--to"}, {"--json", "--csv"}},
       RunStats},
      {"export", "write the graph or events for Gephi, Cytoscape, pandas, GDELT tools",
       "usage: entente export (--graph graph.json | --events events.jsonl) -o FILE\n"
       "                      [--format FORMAT] [--from DATE] [--to DATE]\n"
       "                      [--edges-key edges|links]\n\n"
       "FORMAT (else from the extension of -o: .graphml .cyjs .csv .tsv):\n"
       "  graphml    GraphML for Gephi, networkx, igraph: node 'label' = name,\n"
       "             edge 'label' = relation, 'weight' = source documents (--graph)\n"
       "  cytoscape  Cytoscape.js elements JSON (.cyjs) (--graph)\n"
       "  json       networkx node-link JSON, as `build` writes it (--graph)\n"
       "  csv, tsv   one row per event of events.jsonl, all fields (--events)\n"
       "  gdelt      tab-separated GDELT-style event table (GlobalEventID, Day,\n"
       "             Actor1Code, ..., EventCode, QuadClass, GoldsteinScale,\n"
       "             NumMentions, NumSources, ...): one row per event that\n"
       "             happened (--graph, or --events aggregated as `build` does)\n"
       "  --from/--to DATE only what is dated in this window\n"
       "Files are written atomically; -o - writes to standard output.\n",
       {{"--graph", "--events", "-o", "--format", "--from", "--to", "--edges-key"}, {}},
       RunExport},
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
       {{"-o", "--date", "--date-order", "--lexicon", "--cameo-actors", "--cameo-agents", "--cameo-verbs"}, {}},
       RunAnnotate},
      {"eval", "score extraction against hand-coded gold events",
       "usage: entente eval --gold FILE [--scheme cameo|plover] [--set NAME]\n"
       "                    [--show-errors] [--json] [--lexicon FILE]...\n"
       "                    [--cameo-actors FILE]... [--cameo-agents FILE]...\n"
       "                    [--cameo-verbs FILE]...\n\n"
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
         "--cameo-agents", "--cameo-verbs"},
        {"--show-errors", "--json"}},
       RunEval},
  };
  return kCommands;
}

}  // namespace entente::cli
