// The `actors` stage: finds the actors a document names and resolves each
// mention to an Actor of the output contract.
//
// What it recognises (first version): states by name, adjective, demonym,
// capital and seat of government; organisations; people of the lexicon by
// full name and short form, with the role they held at the document's date;
// unknown people introduced by a title ("Vice Foreign Minister Shi Feng",
// "Sergei Lavrov, Russia's foreign minister"), with the country of the
// title's adjective or possessive, the title's own country, or the country
// the story is about; later short forms of names met earlier ("Shi");
// "the president"-style references to the nearest earlier holder of that
// title; "the two leaders" (the last two people named); and groups such as
// "Chinese officials" attached to their country.
#ifndef ENTENTE_ACTORS_ACTOR_RECOGNIZER_H_
#define ENTENTE_ACTORS_ACTOR_RECOGNIZER_H_

#include <memory>
#include <vector>

#include "entente/types.h"
#include "lexicon/lexicon.h"
#include "text/tokens.h"

namespace entente {

// Tokens of one sentence.
struct SentenceTokens {
  TokenList tokens;
};

class ActorRecognizer {
 public:
  // Compiles the lexicon's names into matchers. `lexicon` must outlive the
  // recognizer.
  explicit ActorRecognizer(const Lexicon& lexicon);
  ~ActorRecognizer();
  ActorRecognizer(const ActorRecognizer&) = delete;
  ActorRecognizer& operator=(const ActorRecognizer&) = delete;

  // Returns the mentions of `doc`, sorted by start. Mentions that denote a
  // coordinated pair ("the two leaders") share the same span. Thread-safe.
  std::vector<ActorMention> Find(const Document& doc,
                                 const std::vector<Sentence>& sentences,
                                 const std::vector<SentenceTokens>& tokens)
      const;

  struct Impl;  // compiled matchers; public so the .cc's helpers can use it

 private:
  std::unique_ptr<Impl> impl_;
};

// A stable id for a person's name: lower case ASCII, words joined by '-'
// ("Shi Feng" -> "shi-feng", "Vučić" -> "vucic").
std::string SlugOf(std::string_view name);

}  // namespace entente

#endif  // ENTENTE_ACTORS_ACTOR_RECOGNIZER_H_
