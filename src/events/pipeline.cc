// The pipeline owns the lexicon and one compiled instance of each stage,
// and runs them in order on each document. It also converts event evidence
// offsets from bytes to code points, the last step before output.
#include "entente/pipeline.h"

#include "actors/actor_recognizer.h"
#include "core/utf8.h"
#include "dates/time_recognizer.h"
#include "events/event_extractor.h"
#include "lexicon/lexicon.h"
#include "text/sentences.h"

namespace entente {

struct Pipeline::Impl {
  explicit Impl(Lexicon l)
      : lexicon(std::move(l)), actors(lexicon), events(lexicon) {}
  Lexicon lexicon;
  ActorRecognizer actors;
  TimeRecognizer times;
  EventExtractor events;
};

Pipeline::Pipeline() = default;
Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(
    const PipelineOptions& options) {
  Result<Lexicon> lexicon = Lexicon::LoadDefault();
  if (!lexicon.ok()) return lexicon.status();
  for (const std::string& path : options.lexicon_files) {
    Status s = lexicon->AddFile(path);
    if (!s.ok()) return s;
  }
  for (const std::string& path : options.cameo_actor_files) {
    Status s = lexicon->AddCameoActorsFile(path);
    if (!s.ok()) return s;
  }
  for (const std::string& path : options.cameo_agent_files) {
    Status s = lexicon->AddCameoAgentsFile(path);
    if (!s.ok()) return s;
  }
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->impl_ = std::make_unique<Impl>(std::move(*lexicon));
  return p;
}

DocumentAnalysis Pipeline::Analyze(Document document) const {
  DocumentAnalysis a;
  a.document = std::move(document);
  const Document& doc = a.document;
  a.sentences = SplitSentences(doc.text);
  std::vector<SentenceTokens> tokens(a.sentences.size());
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    tokens[i].tokens =
        Tokenize(doc.text, a.sentences[i].start, a.sentences[i].end);
  }
  a.actors = impl_->actors.Find(doc, a.sentences, tokens);
  a.times = impl_->times.Find(doc.text, a.sentences, doc.date);
  a.events =
      impl_->events.Extract(doc, a.sentences, tokens, a.actors, a.times);
  CodePointIndex index(doc.text);
  for (Event& e : a.events) {
    e.evidence_start = index.ToCodePoint(e.evidence_start);
    e.evidence_end = index.ToCodePoint(e.evidence_end);
  }
  return a;
}

const std::vector<std::string>& Pipeline::load_warnings() const {
  return impl_->lexicon.warnings();
}

Pipeline::LexiconStats Pipeline::lexicon_stats() const {
  const Lexicon& l = impl_->lexicon;
  return {l.states().size(),    l.organizations().size(), l.people().size(),
          l.titles().size(),    l.agents().size(),        l.relations().size(),
          l.cameo_codes().size()};
}

}  // namespace entente
