// The trie keeps, at each end node, the strictest case requirement among the
// phrases that end there: a phrase added case-insensitively (a title) and
// one added case-sensitively with the same folded form share payloads but a
// text token must meet the requirement of the payload's own phrase. To keep
// it simple and exact, phrases with different requirements get different
// end nodes: the requirement is part of the final edge's key.
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
  unsigned char c0 = raw.empty() ? 0 : static_cast<unsigned char>(raw[0]);
  if (c0 >= 0xC3 && c0 <= 0xC5 && raw.size() > 1) {
    // Non-ASCII Latin capital ("Ö", "Ž"): the tokenizer decides; require it.
    unsigned char c1 = static_cast<unsigned char>(raw[1]);
    if (c0 == 0xC3 && c1 < 0xA0) return PhraseMatcher::Case::kCapitalized;
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

}  // namespace

void PhraseMatcher::Add(std::string_view phrase, int payload,
                        bool case_sensitive) {
  std::vector<Token> tokens = Tokenize(phrase, 0, phrase.size());
  if (tokens.empty()) return;
  int node = 0;
  std::vector<Case> cases;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    Case c = case_sensitive
                 ? CaseOf(phrase.substr(t.start, t.end - t.start))
                 : Case::kAny;
    cases.push_back(c);
    std::string key = t.folded;
    if (i + 1 == tokens.size()) key += static_cast<char>('0' + int(c));
    else key += '_';
    auto it = nodes_[node].children.find(key);
    if (it == nodes_[node].children.end()) {
      nodes_.emplace_back();
      it = nodes_[node].children.emplace(key, int(nodes_.size()) - 1).first;
    }
    node = it->second;
  }
  Node& end = nodes_[node];
  if (end.payloads.empty()) ++phrases_;
  end.cases = std::move(cases);
  for (int p : end.payloads) {
    if (p == payload) return;
  }
  end.payloads.push_back(payload);
}

PhraseMatcher::Match PhraseMatcher::Longest(const std::vector<Token>& tokens,
                                            std::size_t begin,
                                            std::size_t end) const {
  Match best;
  int node = 0;
  std::string key;
  for (std::size_t i = begin; i < end && i < tokens.size(); ++i) {
    const std::string& f = tokens[i].folded;
    // Try each case variant of a final edge, strictest first.
    for (Case c : {Case::kAllCaps, Case::kCapitalized, Case::kAny}) {
      key.assign(f);
      key += static_cast<char>('0' + int(c));
      auto it = nodes_[node].children.find(key);
      if (it == nodes_[node].children.end()) continue;
      const Node& n = nodes_[it->second];
      bool ok = true;
      for (std::size_t k = 0; k < n.cases.size() && ok; ++k) {
        ok = Meets(n.cases[k], tokens[begin + k]);
      }
      if (ok) {
        best.length = i - begin + 1;
        best.payloads = &n.payloads;
        break;
      }
    }
    key.assign(f);
    key += '_';
    auto it = nodes_[node].children.find(key);
    if (it == nodes_[node].children.end()) break;
    node = it->second;
  }
  return best;
}

}  // namespace entente
