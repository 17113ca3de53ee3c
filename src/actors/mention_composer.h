// Pass 2 of the actors stage: composing raw phrase matches into mentions
// (titles with names, modifiers with groups, coreference within the
// document). See actor_recognizer.h for what is recognised.
#ifndef ENTENTE_ACTORS_MENTION_COMPOSER_H_
#define ENTENTE_ACTORS_MENTION_COMPOSER_H_

#include <vector>

#include "actors/actor_phrases.h"

namespace entente {

// Composes the mentions of `doc` from the raw matches of each sentence
// (`raw[first[i]]` up to `raw[first[i + 1]]` for `tokens[i]`; `first` has
// one more element than `tokens`); `context_state` is the index of the
// state the story is mostly about, or -1. Returns mentions sorted by start.
std::vector<ActorMention> ComposeMentions(
    const ActorRecognizer::Impl& impl, const Document& doc, int context_state,
    const std::vector<SentenceTokens>& tokens, const std::vector<RawSpan>& raw,
    const std::vector<std::size_t>& first);

}  // namespace entente

#endif  // ENTENTE_ACTORS_MENTION_COMPOSER_H_
