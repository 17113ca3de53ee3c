// The extraction loop the commands share: stream records from the inputs,
// analyse documents, hand results to the command, report what was skipped.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "core/calendar.h"
#include "core/files.h"
#include "entente/export.h"
#include "entente/ingest.h"

namespace entente::cli {
namespace {

void Progress(std::size_t docs, std::size_t events, bool final) {
  static const bool tty = ::isatty(STDERR_FILENO);
  if (!tty) return;
  if (!final && docs % 50 != 0) return;
  std::fprintf(stderr, "\r  %zu documents, %zu events%s", docs, events,
               final ? "\n" : "");
}

}  // namespace

Status RunExtraction(
    const Args& args,
    const std::function<Status(DocumentAnalysis&)>& on_analysis,
    const std::function<Status(const Event&)>& on_event,
    ExtractionTotals* totals) {
  if (args.positionals.empty()) {
    return Status::Usage("no INPUT given (files, directories, or - for "
                         "standard input)");
  }
  IngestOptions ingest;
  if (std::string d = args.Get("--date"); !d.empty()) {
    ingest.default_date = ParseIsoDate(d);
    if (!ingest.default_date) {
      return Status::InvalidInput("--date: '" + d +
                                  "' is not a valid date (use YYYY-MM-DD)");
    }
  }
  PipelineOptions options;
  options.lexicon_files = args.All("--lexicon");
  options.cameo_actor_files = args.All("--cameo-actors");
  options.cameo_agent_files = args.All("--cameo-agents");
  options.cameo_verb_files = args.All("--cameo-verbs");
  options.date_order = args.Get("--date-order", "mdy");
  DocumentSource source(args.positionals, ingest);
  if (Status s = source.CheckInputs(); !s.ok()) return s;
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) return pipeline.status();
  for (const std::string& w : (*pipeline)->load_warnings()) {
    std::cerr << "warning: " << w << "\n";
  }

  std::size_t warned = 0, undated = 0, records = 0;
  auto flush_warnings = [&] {
    const auto& w = source.warnings();
    for (; warned < w.size(); ++warned) {
      std::cerr << "warning: " << w[warned] << "\n";
    }
  };
  InputRecord record;
  std::string events_file_warned;
  while (true) {
    Result<bool> more = source.Next(&record);
    flush_warnings();
    if (!more.ok()) return more.status();
    if (!*more) break;
    ++records;
    if (record.kind == InputRecord::Kind::kEvent) {
      if (!on_event) {
        // Once per file: "samples/expected/events.jsonl holds events".
        std::string file = record.origin.substr(0, record.origin.rfind(':'));
        if (file != events_file_warned) {
          std::cerr << "warning: " << file
                    << ": holds events, not articles; skipped (give it to "
                       "`entente build`)\n";
          events_file_warned = file;
        }
        continue;
      }
      if (Status s = on_event(record.event); !s.ok()) return s;
      ++totals->events;
      continue;
    }
    DocumentAnalysis a = (*pipeline)->Analyze(std::move(record.document));
    if (!a.document.date) ++undated;  // none given and no dateline date
    for (const std::string& w : a.warnings) std::cerr << "warning: " << w << "\n";
    totals->documents++;
    totals->events += a.events.size();
    if (Status s = on_analysis(a); !s.ok()) return s;
    Progress(totals->documents, totals->events, false);
  }
  Progress(totals->documents, totals->events, true);
  if (undated > 0) {
    std::cerr << "warning: " << undated << " document(s) had no date; their "
              << "events carry no date (give --date YYYY-MM-DD)\n";
  }
  if (source.skipped() > 0) {
    std::cerr << "warning: " << source.skipped()
              << " bad file(s) or record(s) skipped\n";
  }
  if (records == 0) {
    return Status::InvalidInput("no articles could be read from the input (" +
                                std::to_string(source.skipped()) +
                                " skipped)");
  }
  return Status::Ok();
}

Result<RelationGraph> LoadGraph(const std::string& path) {
  if (path == "-") {  // standard input cannot be mapped
    Result<std::string> text = ReadWholeFile(path);
    if (!text.ok()) return text.status();
    return GraphFromNodeLinkJson(*text, path);
  }
  return ReadGraphJsonFile(path);
}

}  // namespace entente::cli
