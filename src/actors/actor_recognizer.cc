// Approach: two passes over the document's tokens. Pass 1 (here) matches
// every lexicon phrase (longest match, one trie over folded tokens) and
// counts the states named, to know what country the story is about. Pass 2
// (mention_composer.cc) composes the raw matches into mentions.
#include "actors/actor_recognizer.h"

#include <map>

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
  std::vector<std::vector<RawSpan>> raw(tokens.size());
  std::map<int, int> state_counts;
  for (std::size_t si = 0; si < tokens.size(); ++si) {
    const auto& t = tokens[si].tokens;
    const std::vector<std::uint32_t> ids = impl_->matcher.Encode(t);
    for (std::size_t i = 0; i < t.size();) {
      PhraseMatcher::Match m = impl_->matcher.Longest(t, ids, i, t.size());
      if (m.length == 0) {
        ++i;
        continue;
      }
      RawSpan span{i, i + m.length, *m.payloads};
      int state = -1;
      for (Kind k : {kStateName, kStateAdj, kDemonym, kCapital}) {
        if (span.Has(k)) state = span.Get(k);
      }
      if (state >= 0) ++state_counts[state];
      raw[si].push_back(std::move(span));
      i += m.length;
    }
  }
  int context = -1, best = 0;
  for (const auto& [state, count] : state_counts) {
    if (count > best) best = count, context = state;
  }
  // Pass 2: compose mentions.
  return ComposeMentions(*impl_, doc, context, tokens, raw);
}

}  // namespace entente
