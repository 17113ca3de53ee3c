// Approach: two passes over the document's tokens. Pass 1 (here) matches
// every lexicon phrase (longest match, one trie over folded tokens) and
// counts the states named, to know what country the story is about. Pass 2
// (mention_composer.cc) composes the raw matches into mentions.
#include "actors/actor_recognizer.h"

#include <cstdint>

#include "actors/actor_phrases.h"
#include "actors/mention_composer.h"
#include "core/utf8.h"

namespace entente {

std::string SlugOf(std::string_view name) {
  std::string folded = FoldWord(name), out;
  for (char c : folded) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

ActorRecognizer::ActorRecognizer(const Lexicon& lexicon)
    : impl_(std::make_unique<Impl>(lexicon)) {}
ActorRecognizer::~ActorRecognizer() = default;

std::vector<ActorMention> ActorRecognizer::Find(
    const Document& doc, const std::vector<Sentence>& sentences,
    const std::vector<SentenceTokens>& tokens) const {
  (void)sentences;
  // Pass 1: raw phrase matches, and which state the story is mostly about.
  // The matches of all sentences in one vector (sentence si's from
  // raw[first[si]]): a few allocations per document, not one per sentence.
  std::vector<RawSpan> raw;
  std::vector<std::size_t> first;
  first.reserve(tokens.size() + 1);
  std::vector<int> state_counts(impl_->lex.states().size(), 0);
  std::vector<std::uint32_t> ids;  // reused: one allocation per document
  for (std::size_t si = 0; si < tokens.size(); ++si) {
    const auto& t = tokens[si].tokens;
    first.push_back(raw.size());
    impl_->matcher.Encode(t, &ids);
    for (std::size_t i = 0; i < t.size();) {
      // Most words start no phrase: skip them without a trie lookup.
      if (ids[i] == PhraseMatcher::kUnknown) {
        ++i;
        continue;
      }
      PhraseMatcher::Match m = impl_->matcher.Longest(t, ids, i, t.size());
      if (m.length == 0) {
        ++i;
        continue;
      }
      RawSpan span(i, i + m.length, *m.payloads);
      int state = -1;
      for (Kind k : {kStateName, kStateAdj, kDemonym, kCapital, kCity}) {
        if (span.Has(k)) state = span.Get(k);
      }
      if (state >= 0) {
        auto at = static_cast<std::size_t>(state);
        if (at >= state_counts.size()) state_counts.resize(at + 1, 0);
        ++state_counts[at];
      }
      raw.push_back(span);
      i += m.length;
    }
  }
  first.push_back(raw.size());
  // The most named state; on a tie, the first in the lexicon's order.
  int context = -1, best = 0;
  for (std::size_t state = 0; state < state_counts.size(); ++state) {
    if (state_counts[state] > best) {
      best = state_counts[state], context = static_cast<int>(state);
    }
  }
  // Pass 2: compose mentions.
  return ComposeMentions(*impl_, doc, context, tokens, raw, first);
}

}  // namespace entente
