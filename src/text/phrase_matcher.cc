// Tokens are interned once per sentence (one hash lookup each); the trie's
// edges are then looked up by (node, token id) in one flat hash map. Case
// requirements are checked only where a phrase ends.
#include "text/phrase_matcher.h"

namespace entente {
namespace {

PhraseMatcher::Case CaseOf(std::string_view raw) {
  int upper = 0, lower = 0;
  for (char c : raw) {
    upper += c >= 'A' && c <= 'Z';
    lower += c >= 'a' && c <= 'z';
  }
  if (upper >= 2 && lower == 0) return PhraseMatcher::Case::kAllCaps;
  if (!raw.empty() && raw[0] >= 'A' && raw[0] <= 'Z') {
    return PhraseMatcher::Case::kCapitalized;
  }
  // A Latin-1 capital ("Ö", "É") is U+00C0..U+00DE: C3 80..C3 9E.
  if (raw.size() > 1 && static_cast<unsigned char>(raw[0]) == 0xC3 &&
      static_cast<unsigned char>(raw[1]) < 0x9F) {
    return PhraseMatcher::Case::kCapitalized;
  }
  return PhraseMatcher::Case::kAny;
}

bool Meets(PhraseMatcher::Case c, const Token& t) {
  switch (c) {
    case PhraseMatcher::Case::kAny:
      return true;
    case PhraseMatcher::Case::kCapitalized:
      return t.capitalized || !t.is_word;
    case PhraseMatcher::Case::kAllCaps:
      return t.all_caps;
  }
  return true;
}

std::uint64_t EdgeKey(std::uint32_t node, std::uint32_t id) {
  return (static_cast<std::uint64_t>(node) << 32) | id;
}

}  // namespace

void PhraseMatcher::Add(std::string_view phrase, int payload,
                        bool case_sensitive, bool user) {
  std::vector<Token> tokens = Tokenize(phrase, 0, phrase.size());
  if (tokens.empty()) return;
  std::uint32_t node = 0;
  std::vector<Case> cases;
  for (const Token& t : tokens) {
    cases.push_back(case_sensitive
                        ? CaseOf(phrase.substr(t.start, t.end - t.start))
                        : Case::kAny);
    auto [word, added] = vocabulary_.try_emplace(
        t.folded, static_cast<std::uint32_t>(vocabulary_.size()));
    (void)added;
    auto [edge, created] = edges_.try_emplace(
        EdgeKey(node, word->second), static_cast<std::uint32_t>(nodes_.size()));
    if (created) nodes_.emplace_back();
    node = edge->second;
  }
  Node& end = nodes_[node];
  if (end.endings.empty()) ++phrases_;
  for (Ending& e : end.endings) {
    if (e.cases != cases) continue;
    if (e.user && !user) return;  // a user's phrase outranks a built-in one
    if (user && !e.user) {
      e.payloads.clear();
      e.user = true;
    }
    for (int p : e.payloads) {
      if (p == payload) return;
    }
    e.payloads.push_back(payload);
    return;
  }
  end.endings.push_back({std::move(cases), {payload}, user});
}

std::vector<std::uint32_t> PhraseMatcher::Encode(
    const std::vector<Token>& tokens) const {
  std::vector<std::uint32_t> ids(tokens.size(), kUnknown);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto it = vocabulary_.find(tokens[i].folded);
    if (it != vocabulary_.end()) ids[i] = it->second;
  }
  return ids;
}

PhraseMatcher::Match PhraseMatcher::Longest(
    const std::vector<Token>& tokens, const std::vector<std::uint32_t>& ids,
    std::size_t begin, std::size_t end) const {
  Match best;
  std::uint32_t node = 0;
  for (std::size_t i = begin; i < end && i < ids.size(); ++i) {
    if (ids[i] == kUnknown) break;
    auto it = edges_.find(EdgeKey(node, ids[i]));
    if (it == edges_.end()) break;
    node = it->second;
    for (const Ending& e : nodes_[node].endings) {
      bool ok = true;
      for (std::size_t k = 0; k < e.cases.size() && ok; ++k) {
        ok = Meets(e.cases[k], tokens[begin + k]);
      }
      if (ok) {
        best.length = i - begin + 1;
        best.payloads = &e.payloads;
        break;
      }
    }
  }
  return best;
}

PhraseMatcher::Match PhraseMatcher::Longest(const std::vector<Token>& tokens,
                                            std::size_t begin,
                                            std::size_t end) const {
  return Longest(tokens, Encode(tokens), begin, end);
}

}  // namespace entente
