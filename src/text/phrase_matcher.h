// Longest-match lookup of multi-word phrases over folded tokens: a trie
// whose edges are token ids. Each phrase carries integer payloads (what it
// names) and a case requirement per token, so that "US" (the country) does
// not match the pronoun "us" while "foreign minister" matches in any case.
//
//   PhraseMatcher m;
//   m.Add("met with", kMeet, /*case_sensitive=*/false);
//   std::vector<std::uint32_t> ids = m.Encode(tokens);  // once per sentence
//   PhraseMatcher::Match hit = m.Longest(tokens, ids, i, tokens.size());
#ifndef ENTENTE_TEXT_PHRASE_MATCHER_H_
#define ENTENTE_TEXT_PHRASE_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/tokens.h"

namespace entente {

class PhraseMatcher {
 public:
  enum class Case : std::uint8_t { kAny, kCapitalized, kAllCaps };

  // Adds `phrase` (tokenised and folded here) with `payload`. With
  // `case_sensitive`, each token of the text must be capitalised where the
  // phrase's token is, and all upper case where the phrase's token is (for
  // tokens of two or more letters). Empty phrases are ignored.
  // With `user`, the phrase comes from a user's lexicon or dictionary and
  // replaces what built-in phrases of the same form said (in either order of
  // adding).
  void Add(std::string_view phrase, int payload, bool case_sensitive,
           bool user = false);

  struct Match {
    std::size_t length = 0;  // tokens matched; 0 if none
    const std::vector<int>* payloads = nullptr;
  };

  // The vocabulary ids of `tokens` (kUnknown for words in no phrase).
  static constexpr std::uint32_t kUnknown = 0xFFFFFFFF;
  std::vector<std::uint32_t> Encode(const std::vector<Token>& tokens) const;

  // The longest phrase that starts at tokens[begin] and ends at or before
  // tokens[end]; `ids` is Encode(tokens).
  Match Longest(const std::vector<Token>& tokens,
                const std::vector<std::uint32_t>& ids, std::size_t begin,
                std::size_t end) const;
  // As above, encoding the tokens first (convenient, slower).
  Match Longest(const std::vector<Token>& tokens, std::size_t begin,
                std::size_t end) const;

  std::size_t size() const { return phrases_; }

 private:
  // One way a phrase can end at a node: its case requirements and payloads.
  struct Ending {
    std::vector<Case> cases;
    std::vector<int> payloads;
    bool user = false;
  };
  struct Node {
    std::vector<Ending> endings;
  };
  std::unordered_map<std::string, std::uint32_t> vocabulary_;
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;  // (node, id)
  std::vector<Node> nodes_{1};
  std::size_t phrases_ = 0;
};

}  // namespace entente

#endif  // ENTENTE_TEXT_PHRASE_MATCHER_H_
