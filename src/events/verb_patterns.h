// Coding events with a PETRARCH/CAMEO verb dictionary
// (lexicon/cameo_verbs.h), without a parser.
//
// PETRARCH matches its patterns against a parse tree: the verb's subject,
// its object and the phrases under its verb phrase. We approximate that
// over tokens: a verb form is found by longest match (not a capitalised
// word, not after a determiner, not inside an actor's name); its clause is
// bounded by ';', ':' and subordinators; the pattern's words must appear
// in order on their side of the verb with at most a few tokens between
// them, its '$'/'+' slots bind the actor groups found there, and the most
// specific matching pattern (most elements matched, then fewest tokens
// skipped) gives the code, else the verb's or block's default. Without
// slots, the source is the nearest actor group before the verb (the
// subject of the previous verb when the verb follows "and": "X condemned
// ... and promised aid"), the target the first group after it; a passive
// ("was criticised by X") swaps them. Coordinated actors ("A and B") each
// get an event; a compound subject ('%', or a symmetric code without a
// target: "A and B postponed their meeting") links its members. Negation
// and modality come from events/sentence_cues.h, the date from
// events/event_dating.h.
#ifndef ENTENTE_EVENTS_VERB_PATTERNS_H_
#define ENTENTE_EVENTS_VERB_PATTERNS_H_

#include <memory>
#include <vector>

#include "actors/actor_recognizer.h"
#include "entente/types.h"
#include "lexicon/cameo_verbs.h"
#include "lexicon/lexicon.h"

namespace entente {

// What the dictionary made of a document: its events, and the byte spans
// of the verbs it coded (with an event, or explicitly as no event), so that
// the relation lexicon's events on the same words can give way.
struct VerbCoding {
  std::vector<Event> events;
  struct Claim {
    std::size_t sentence = 0;
    std::size_t begin = 0, end = 0;  // bytes in the document text
  };
  std::vector<Claim> claimed;
};

class VerbPatternCoder {
 public:
  // Compiles the verb forms of `dictionary`; both arguments must outlive
  // this. `lexicon` names relations and PLOVER types for CAMEO codes.
  VerbPatternCoder(const CameoVerbDictionary& dictionary,
                   const Lexicon& lexicon);
  ~VerbPatternCoder();
  VerbPatternCoder(const VerbPatternCoder&) = delete;
  VerbPatternCoder& operator=(const VerbPatternCoder&) = delete;

  // Codes every sentence of a document. Evidence offsets are bytes, as the
  // event extractor leaves them. Thread-safe; cost linear in the text (each
  // verb tries only its own block's patterns).
  VerbCoding Code(const Document& doc, const std::vector<Sentence>& sentences,
                  const std::vector<SentenceTokens>& tokens,
                  const std::vector<ActorMention>& mentions,
                  const std::vector<TimeExpression>& times) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The relation lexicon's events merged with the dictionary's: a lexicon
// event whose trigger lies on a verb the dictionary coded, or that links
// two actors the dictionary linked in the same sentence, is dropped (the
// dictionary's code wins), the rest are kept, and duplicates (same source,
// code, target, date, polarity, modality) are removed. Sorted by sentence.
// `lexicon_events` carry byte offsets. The lexicon's one-sided events (no
// target; may be null) are cleared: the dictionary codes dyads, as
// PETRARCH does by default.
std::vector<Event> MergeVerbCoding(std::vector<Event> lexicon_events,
                                   VerbCoding coding, const Document& doc,
                                   const std::vector<Sentence>& sentences,
                                   std::vector<Event>* one_sided = nullptr);

}  // namespace entente

#endif  // ENTENTE_EVENTS_VERB_PATTERNS_H_
