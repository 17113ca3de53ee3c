// The `events` stage: turns a sentence's actor mentions, time expressions
// and relation words into Event records.
//
// First version, by rule over tokens: a relation trigger (a verb phrase such
// as "spoke with", a passive "was warned by", or a noun such as "talks")
// takes its source from the nearest actor mention before it in the clause
// and its target from the first mention after it; "A and B" on either side
// gives an event per actor; a symmetric relation with two or more sources
// and no target ("the two leaders met") links the sources to each other;
// "talks between A and B" links A and B. Negation words before the trigger
// make the event negated; future and intention words make it planned (with
// CAMEO 036 for planned meetings); conditionals make it hypothetical; a
// reporting verb ("said", "according to") makes it reported. The event is
// dated by the time expression of its own clause, else by a frame the
// discourse set, else by the document date (events/event_dating.h).
#ifndef ENTENTE_EVENTS_EVENT_EXTRACTOR_H_
#define ENTENTE_EVENTS_EVENT_EXTRACTOR_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actor_recognizer.h"
#include "dates/dateline.h"
#include "entente/types.h"
#include "lexicon/lexicon.h"

namespace entente {

class EventExtractor {
 public:
  // Compiles the relation patterns of `lexicon`, which must outlive this.
  explicit EventExtractor(const Lexicon& lexicon);
  ~EventExtractor();
  EventExtractor(const EventExtractor&) = delete;
  EventExtractor& operator=(const EventExtractor&) = delete;

  // Events of a document, in sentence order, one per (source, relation,
  // target, date, polarity, modality). Evidence offsets are left in bytes;
  // the pipeline converts them to code points. With `one_sided`, events
  // whose sentence names a source but no target ("Iran agreed to ...")
  // are added there, with an empty target. Thread-safe.
  std::vector<Event> Extract(const Document& doc,
                             const std::vector<Sentence>& sentences,
                             const std::vector<SentenceTokens>& tokens,
                             const std::vector<ActorMention>& mentions,
                             const std::vector<TimeExpression>& times,
                             std::vector<Event>* one_sided = nullptr) const;
  // As above, given ReadDateline(doc.text), for a caller that read it.
  std::vector<Event> Extract(const Document& doc,
                             const std::vector<Sentence>& sentences,
                             const std::vector<SentenceTokens>& tokens,
                             const std::vector<ActorMention>& mentions,
                             const std::vector<TimeExpression>& times,
                             const std::optional<Dateline>& dateline,
                             std::vector<Event>* one_sided) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A place name as its folded words (FoldPhrase) joined by spaces ("new
// york"): how capitals, cities and datelines are matched.
std::string PlaceKey(std::string_view name);

}  // namespace entente

#endif  // ENTENTE_EVENTS_EVENT_EXTRACTOR_H_
