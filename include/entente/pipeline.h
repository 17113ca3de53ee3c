// The extraction pipeline: document -> sentences -> actors -> dates ->
// events (DESIGN.md). Build one Pipeline per process and share it: Analyze
// is const and thread-safe.
//
//   Result<std::unique_ptr<Pipeline>> p = Pipeline::Create({});
//   if (!p.ok()) return p.status();
//   DocumentAnalysis a = (*p)->Analyze(doc);
//   for (const Event& e : a.events) ...
#ifndef ENTENTE_PIPELINE_H_
#define ENTENTE_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "entente/status.h"
#include "entente/types.h"

namespace entente {

struct PipelineOptions {
  // Lexicon files (JSON Lines, schemas/lexicon.schema.json) added to the
  // built-in lexicons, in order; later records override earlier ones.
  std::vector<std::string> lexicon_files;
  // PETRARCH/CAMEO actor and agent dictionaries (the field's format), added
  // after the lexicon files; their entries outrank built-in ones.
  std::vector<std::string> cameo_actor_files;
  std::vector<std::string> cameo_agent_files;
  // PETRARCH/CAMEO verb dictionaries (CAMEO.2.0 format): their patterns
  // code the verbs they know, and their codes win over the built-in
  // relation patterns on the same words.
  std::vector<std::string> cameo_verb_files;
  // How numeric dates such as "9/10/2021" are read: "mdy" (10 September,
  // the default), "dmy" (9 October) or "ymd" (for "21/09/10"). Create fails
  // on any other value.
  std::string date_order = "mdy";
  // Also make the events that name a source but no target ("Iran agreed to
  // ...") into DocumentAnalysis::one_sided_events. They are no part of the
  // output contract, and only evaluation against gold sets that code them
  // needs them (`entente eval` asks for them); off, they are not built at
  // all, which spares a third of the events stage's event construction.
  bool one_sided_events = false;
};

class Pipeline {
 public:
  // Loads the lexicons and compiles the matchers. Fails with a message
  // naming the lexicon file, line and field when a file is bad.
  static Result<std::unique_ptr<Pipeline>> Create(
      const PipelineOptions& options);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Analyses one document. Spans of sentences, actor mentions and time
  // expressions are UTF-8 byte offsets into document.text; event evidence
  // offsets are Unicode code points, as the output contract requires.
  DocumentAnalysis Analyze(Document document) const;

  // Sizes of the compiled lexicons, for --version and diagnostics.
  struct LexiconStats {
    std::size_t states = 0, organizations = 0, people = 0, titles = 0,
                agents = 0, relations = 0, cameo_codes = 0;
  };
  LexiconStats lexicon_stats() const;

  // Lines of the user's dictionaries that were malformed and skipped.
  const std::vector<std::string>& load_warnings() const;

 private:
  Pipeline();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace entente

#endif  // ENTENTE_PIPELINE_H_
