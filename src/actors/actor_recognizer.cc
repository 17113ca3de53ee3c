// Approach: two passes over the document's tokens. Pass 1 (here) matches
// every lexicon phrase (longest match, one trie over folded tokens) and
// counts the states named, to know what country the story is about. Pass 2
// (mention_composer.cc) composes the raw matches into mentions.
#include "actors/actor_recognizer.h"

#include <algorithm>
#include <cstdint>
#include <utility>

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

namespace {

// Find()'s working vectors, kept per thread between documents.
struct FindScratch {
  std::vector<RawSpan> raw;
  std::vector<std::size_t> first;
  std::vector<std::pair<int, int>> named;
  void Clear() {
    raw.clear();
    first.clear();
    named.clear();
  }
};

}  // namespace

ActorRecognizer::ActorRecognizer(const Lexicon& lexicon)
    : impl_(std::make_unique<Impl>(lexicon)) {}
ActorRecognizer::~ActorRecognizer() = default;

std::vector<ActorMention> ActorRecognizer::Find(
    const Document& doc, const std::vector<Sentence>& sentences,
    const std::vector<SentenceTokens>& tokens) const {
  (void)sentences;
  // Pass 1: raw phrase matches, and which state the story is mostly about.
  // The matches of all sentences in one vector (sentence si's from
  // raw[first[si]]). The vectors are the thread's, reused from document to
  // document: a document allocates nothing here once they have grown.
  thread_local FindScratch scratch;
  scratch.Clear();
  std::vector<RawSpan>& raw = scratch.raw;
  std::vector<std::size_t>& first = scratch.first;
  first.reserve(tokens.size() + 1);
  // The states named and how often (a story names a few: a short list,
  // not a count for every state of the lexicon).
  std::vector<std::pair<int, int>>& named = scratch.named;
  const PhraseMatcher& matcher = impl_->matcher;
  const PhraseMatcher::OpeningFilter openings = matcher.opening_filter();
  for (std::size_t si = 0; si < tokens.size(); ++si) {
    const auto& t = tokens[si].tokens;
    first.push_back(raw.size());
    const Token* words = t.data();
    const std::size_t n = t.size();
    for (std::size_t i = 0; i < n;) {
      // Most words start no phrase: one byte of the opening filter skips them, with no
      // lookup of the word (LongestAt looks up only the words it reads,
      // so the sentence is not encoded as a whole).
      const Token* w = words + i;
      while (w != words + n && !openings.MayStart(w->hash)) ++w;
      if (w == words + n) break;
      i = static_cast<std::size_t>(w - words);
      // Most words that pass start no phrase here: a second filter, of
      // the word's case and the next word, passes over them unlooked-up.
      if (!openings.MayOpen(words, i, n)) {
        ++i;
        continue;
      }
      PhraseMatcher::Match m = matcher.LongestAt(t, i, n);
      if (m.length == 0) {
        ++i;
        continue;
      }
      RawSpan span(i, i + m.length, *m.payloads);
      if (span.Only(kPlace)) {  // names no actor, nor the state inside it
        i += m.length;
        continue;
      }
      if (int state = span.CountedState(); state >= 0) {
        auto it = std::find_if(named.begin(), named.end(),
                               [&](const auto& n) { return n.first == state; });
        if (it == named.end()) {
          named.emplace_back(state, 1);
        } else {
          ++it->second;
        }
      }
      raw.push_back(span);
      i += m.length;
    }
  }
  first.push_back(raw.size());
  // The most named state; on a tie, the first in the lexicon's order.
  int context = -1, best = 0;
  for (auto [state, count] : named) {
    if (count > best || (count == best && state < context)) {
      best = count, context = state;
    }
  }
  // Pass 2: compose mentions.
  return ComposeMentions(*impl_, doc, context, tokens, raw, first);
}

}  // namespace entente
