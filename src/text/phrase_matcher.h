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

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
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
  // As above, into `ids` (reused between sentences: no allocation once it
  // has grown to the longest sentence).
  void Encode(const std::vector<Token>& tokens,
              std::vector<std::uint32_t>* ids) const;
  // Whether some phrase starts with the word of vocabulary id `id` (many
  // words of a text are in the vocabulary only inside phrases: "of", ",").
  bool Starts(std::uint32_t id) const { return root_[id] != 0; }
  // The vocabulary id of one folded word, or kUnknown.
  std::uint32_t IdOf(std::string_view folded) const;
  // As above, given HashFolded(folded).
  std::uint32_t IdOf(std::string_view folded, std::uint64_t hash) const;

  // The longest phrase that starts at tokens[begin] and ends at or before
  // tokens[end]; `ids` is Encode(tokens).
  Match Longest(const std::vector<Token>& tokens,
                const std::vector<std::uint32_t>& ids, std::size_t begin,
                std::size_t end) const;
  // Whether some phrase may start with a word of HashFolded `hash` (a
  // Token's hash; 0, a token not hashed, always may). A filter of the
  // phrases' first words: never false for one of them. A scan that tests
  // it at each token and calls LongestAt where it holds encodes only the
  // few words a trie walk reads, not the whole sentence.
  bool MayStart(std::uint64_t hash) const {
    return start_filter().MayStart(hash);
  }
  // The same test with the filter's array and mask copied out, for a loop
  // over many tokens (where the compiler would reload the members at each
  // token, not knowing that the loop's stores leave them alone).
  struct StartFilter {
    const std::uint64_t* bits;
    std::size_t mask;
    bool MayStart(std::uint64_t hash) const {
      std::size_t bit =
          static_cast<std::size_t>(hash >> 40) & mask;  // FilterBit
      return ((bits[bit >> 6] >> (bit & 63)) & 1) != 0;
    }
  };
  StartFilter start_filter() const {
    // (No phrase: a filter of one clear bit.)
    static constexpr std::uint64_t kNone = 0;
    if (start_filter_.empty()) return {&kNone, 0};
    return {start_filter_.data(), filter_mask_};
  }
  // A finer test for a scan, where MayStart holds: whether a phrase may
  // start at t[i] and end at or before t[end] (i < end), judged by the
  // first word's hash and case and the next word's hash, without looking
  // the words up. Never false where LongestAt(tokens, i, end) finds a
  // phrase. Most tokens that pass MayStart start no phrase ("the" before
  // a common noun, "he" where only "He Lifeng" starts with it): this
  // rejects most of them at the cost of a byte and a bit.
  struct OpeningFilter {
    // By CaseSlot(hash): bit (1 << Case) for the first case of a phrase of
    // one word, bit (8 << Case) for that of a longer phrase, of the words
    // whose hashes share the slot.
    const std::uint8_t* cases;
    std::size_t case_mask;
    const std::uint64_t* pairs;  // PairBit of each phrase's first two words
    std::size_t pair_mask;
    // Whether some phrase may start with a word of hash `hash`, in any
    // case: a filter of the phrases' first words, as MayStart, that a
    // scan tests at every token before MayOpen (one byte, which MayOpen
    // then reads again).
    bool MayStart(std::uint64_t hash) const {
      return cases[CaseSlot(hash, case_mask)] != 0;
    }
    bool MayOpen(const Token* t, std::size_t i, std::size_t end) const {
      // The cases t[i] meets, as Walk tests them (kAny always).
      unsigned met = 1u | (t[i].capitalized || !t[i].is_word ? 2u : 0u) |
                     (t[i].all_caps ? 4u : 0u);
      unsigned first = cases[CaseSlot(t[i].hash, case_mask)];
      if ((first & met) != 0) return true;  // a phrase of this word alone
      if (((first >> 3) & met) == 0 || i + 1 >= end) return false;
      // (A token not hashed passes: its hash is not known here.)
      std::uint64_t next = t[i + 1].hash;
      if (next == 0) return true;
      std::size_t bit = PairBit(t[i].hash, next, pair_mask);
      return ((pairs[bit >> 6] >> (bit & 63)) & 1) != 0;
    }
  };
  OpeningFilter opening_filter() const {
    // (No phrase: the slot of every hash is clear.)
    static constexpr std::uint8_t kNoCase = 0;
    static constexpr std::uint64_t kNoPair = 0;
    if (opening_cases_.empty()) return {&kNoCase, 0, &kNoPair, 0};
    return {opening_cases_.data(), opening_cases_.size() - 1,
            opening_pairs_.data(), opening_pairs_.size() * 64 - 1};
  }
  // Longest(tokens, Encode(tokens), begin, end), looking up only the words
  // the walk reads.
  Match LongestAt(const std::vector<Token>& tokens, std::size_t begin,
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
    bool any_case = false;  // every case is kAny: nothing to check
  };
  struct Node {
    std::vector<Ending> endings;
    // Bit (id & 63) is set for the word id of each child: Longest stops
    // where the next word's bit is clear instead of looking up an edge
    // that cannot be there (most nodes have no children, or a few).
    std::uint64_t child_bits = 0;
    // For a child of the root: bit (1 << Case) for the case each phrase
    // below asks of its first word. A word that meets none of them starts
    // no phrase here ("to" before "To Lam", "he" before "He Lifeng"), and
    // the walk stops before looking up the next word.
    std::uint8_t first_cases = 0;
  };
  // Open-addressing tables (linear probing, power-of-two sizes, at most
  // half full): scanning costs a hash of each token and one or two probes,
  // whatever the number of phrases.
  // Vocabulary: each slot holds a word id + 1 (0: empty), the word's hash,
  // its length and its first 8 bytes (zero-padded), so that a probe
  // compares a word of up to 8 bytes (most words of a text) without
  // reading words_, and rejects a different word by its hash.
  struct WordSlot {
    std::uint64_t hash = 0;
    std::uint32_t id = 0;
    std::uint32_t size = 0;
    char head[8] = {};
  };
  std::uint32_t AddWord(std::string_view folded);
  std::uint32_t Lookup(std::string_view folded, std::uint64_t hash) const;
  std::uint32_t Probe(const WordSlot* slots, std::size_t mask,
                      std::string_view folded, std::uint64_t hash) const;
  void Place(std::vector<WordSlot>* slots, std::uint32_t id,
             std::uint64_t hash) const;
  void GrowWords();
  std::vector<std::string> words_;  // by id
  std::vector<WordSlot> word_slots_;
  // word_slots_.size() - 1 (the slots are 24 bytes: their number is a
  // division away from the vector's ends), or 0 with no slots (there are
  // at least 64 once there are any).
  std::size_t word_mask_ = 0;
  // One bit for each word's hash (a Bloom filter with one hash), which
  // IdOf tests before the slots. Most words of a text are in no phrase;
  // with a large vocabulary their slots would be cache misses, while the
  // filter (at most 2 MB, 16 bits a word) mostly stays in cache, so that
  // the cost of scanning stays flat as lexicons grow.
  std::vector<std::uint64_t> filter_;
  std::size_t filter_mask_ = 0;  // its number of bits - 1
  std::size_t FilterBit(std::uint64_t hash) const {
    return static_cast<std::size_t>(hash >> 40) & filter_mask_;
  }
  void SetFilterBit(std::uint64_t hash) {
    std::size_t bit = FilterBit(hash);
    filter_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
  // The same for the words that start a phrase (root_[id] != 0), as big
  // as filter_ (MayStart).
  std::vector<std::uint64_t> start_filter_;
  void SetStartBit(std::uint64_t hash) {
    std::size_t bit = FilterBit(hash);
    start_filter_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
  // The opening filter's slot and bit (OpeningFilter): bits of the hash
  // other than those FilterBit and the word slots take, so that words the
  // start filter confuses are mostly told apart here. (A hash of 0, a
  // token not hashed, has slot 0, which Open marks for every case.)
  static std::size_t CaseSlot(std::uint64_t hash, std::size_t mask) {
    return static_cast<std::size_t>(hash >> 20) & mask;
  }
  static std::size_t PairBit(std::uint64_t first, std::uint64_t second,
                             std::size_t mask) {
    std::uint64_t k = first ^ ((second << 23) | (second >> 41));
    return static_cast<std::size_t>(k >> 12) & mask;
  }
  // Each phrase's first word's hash and case, and its second word's hash
  // (0 for a phrase of one word): what the opening filter is made of, kept
  // to remake the filter at a larger size as phrases are added.
  struct Opening {
    std::uint64_t first = 0, second = 0;
    Case first_case = Case::kAny;
  };
  std::vector<Opening> openings_;
  std::vector<std::uint8_t> opening_cases_;
  std::vector<std::uint64_t> opening_pairs_;
  void Open(const Opening& o);
  void AddOpening(const Opening& o);
  // Longest's walk; `first_id(begin)` is the vocabulary id of the first
  // word, and `child_at(node, nodes_[node], i)` the child of node by
  // tokens[i] (0 for none).
  template <typename FirstId, typename ChildAt>
  Match Walk(const std::vector<Token>& tokens, FirstId first_id,
             ChildAt child_at, std::size_t begin, std::size_t stop) const;
  // Edges of the trie: (node, word id) -> child. Edges from the root are
  // looked up by word id directly (root_[id], 0 for none).
  struct Edge {
    std::uint64_t key = ~std::uint64_t{0};  // (node << 32 | id); ~0 empty
    std::uint32_t child = 0;
  };
  std::uint32_t Child(std::uint32_t node, std::uint32_t id) const;
  void GrowEdges();
  // The same edges (not the root's), keyed by (node, the word's hash), so
  // that LongestAt finds the next node from a token's hash and its bytes,
  // without looking the word up in the vocabulary first. node 0: empty.
  struct WordEdge {
    std::uint64_t hash = 0;
    std::uint32_t node = 0;
    std::uint32_t child = 0;
    std::uint32_t id = 0;  // the word's
  };
  static std::size_t WordEdgeSlot(std::uint32_t node, std::uint64_t hash,
                                  std::size_t mask) {
    return static_cast<std::size_t>(hash ^ (node * 0x9E3779B97F4A7C15ULL)) &
           mask;
  }
  std::uint32_t WordChild(std::uint32_t node, std::string_view folded,
                          std::uint64_t hash) const;
  void AddWordEdge(const WordEdge& edge);
  std::vector<WordEdge> word_edges_;
  std::size_t word_edge_mask_ = 0;  // word_edges_.size() - 1
  std::size_t word_edge_count_ = 0;
  std::vector<std::uint32_t> root_;
  std::vector<Edge> edges_;
  std::size_t edge_count_ = 0;
  std::vector<Node> nodes_{1};
  std::size_t phrases_ = 0;
};

// LongestAt and the walk under it, inline: a scan calls LongestAt at every
// word its filters pass (a few in a sentence), where a call's saving and
// restoring of registers cost as much as a short walk.
namespace phrase_matcher_detail {

inline bool Meets(PhraseMatcher::Case c, const Token& t) {
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

// Whether `t` meets one of the cases whose bits (1 << Case) `cases` has.
inline bool MeetsOne(std::uint8_t cases, const Token& t) {
  using C = PhraseMatcher::Case;
  auto has = [cases](C c) {
    return (cases >> static_cast<unsigned>(c) & 1) != 0;
  };
  return has(C::kAny) || (has(C::kCapitalized) && Meets(C::kCapitalized, t)) ||
         (has(C::kAllCaps) && Meets(C::kAllCaps, t));
}

// The n bytes at a and b are equal, for sizeof(Word) <= n: the first and
// the last sizeof(Word) of them (which overlap when n is less than twice
// that) are compared as two words.
template <typename Word>
[[gnu::always_inline]] inline bool SameEnds(const char* a, const char* b,
                                            std::size_t n) {
  Word x0, y0, x1, y1;
  std::memcpy(&x0, a, sizeof(Word));
  std::memcpy(&y0, b, sizeof(Word));
  std::memcpy(&x1, a + n - sizeof(Word), sizeof(Word));
  std::memcpy(&y1, b + n - sizeof(Word), sizeof(Word));
  return ((x0 ^ y0) | (x1 ^ y1)) == 0;
}

// The n bytes at a and b are equal (n < 8): two overlapping loads of 4 or
// 2 bytes cover them, with no loop and no read outside them.
[[gnu::always_inline]] inline bool SameShort(const char* a, const char* b,
                                             std::size_t n) {
  if (n >= 4) return SameEnds<std::uint32_t>(a, b, n);
  if (n >= 2) return SameEnds<std::uint16_t>(a, b, n);
  return n == 0 || a[0] == b[0];
}

// w == f, without a call to memcmp or a loop over bytes: words are a few
// bytes long, compared eight (the last block overlapping), four or two
// bytes at a time.
[[gnu::always_inline]] inline bool SameWord(const std::string& w,
                                            std::string_view f) {
  std::size_t n = f.size();
  if (w.size() != n) return false;
  const char* a = w.data();
  const char* b = f.data();
  if (n < 8) return SameShort(a, b, n);
  for (std::size_t k = 0; k + 8 < n; k += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a + k, 8);
    std::memcpy(&y, b + k, 8);
    if (x != y) return false;
  }
  std::uint64_t x, y;
  std::memcpy(&x, a + n - 8, 8);
  std::memcpy(&y, b + n - 8, 8);
  return x == y;
}

// The edge table's hash of an (node, id) key.
inline std::uint64_t MixEdgeKey(std::uint64_t h) {
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ULL;
  h ^= h >> 32;
  return h;
}

}  // namespace phrase_matcher_detail

// The slot of `hash` or after it, in a table at most half full, holding
// `folded`; kUnknown at the first empty slot. A slot holding another word
// almost never has the same 64-bit hash, so the bytes are compared only
// for the word sought, those of up to 8 in the slot itself.
[[gnu::always_inline]] inline std::uint32_t PhraseMatcher::Probe(
    const WordSlot* slots, std::size_t mask, std::string_view folded,
    std::uint64_t h) const {
  const std::size_t n = folded.size();
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const WordSlot& s = slots[i];
    // (An empty slot's hash is 0, which a word's hash can be: the test of
    // its id keeps an empty slot from matching the empty word.)
    if (s.hash == h && s.size == n && s.id != 0) {
      bool same =
          n > 8    ? phrase_matcher_detail::SameWord(words_[s.id - 1], folded)
          : n == 8 ? phrase_matcher_detail::SameEnds<std::uint64_t>(
                         s.head, folded.data(), 8)
                   : phrase_matcher_detail::SameShort(s.head, folded.data(), n);
      if (same) return s.id - 1;
    }
    if (s.id == 0) return kUnknown;
  }
}

// Inline in the scans that look up each word (a call's saving and restoring
// of registers cost as much as the filter's test that rejects most words).
[[gnu::always_inline]] inline std::uint32_t PhraseMatcher::IdOf(
    std::string_view folded, std::uint64_t h) const {
  return Lookup(folded, h);
}

[[gnu::always_inline]] inline std::uint32_t PhraseMatcher::Lookup(
    std::string_view folded, std::uint64_t h) const {
  if (word_mask_ == 0) return kUnknown;  // no slots
  std::size_t bit = FilterBit(h);
  if (((filter_[bit >> 6] >> (bit & 63)) & 1) == 0) return kUnknown;
  return Probe(word_slots_.data(), word_mask_, folded, h);
}

// The child of `node` (not the root) by the word `folded` of hash h, or 0:
// one probe of word_edges_ by the hash, and the word's bytes compared only
// for the edge of that hash. (Inline in LongestAt's loop. Walk asks only
// at a node with children, so the table is never empty here.)
[[gnu::always_inline]] inline std::uint32_t PhraseMatcher::WordChild(
    std::uint32_t node, std::string_view folded, std::uint64_t h) const {
  const WordEdge* edges = word_edges_.data();
  for (std::size_t i = WordEdgeSlot(node, h, word_edge_mask_);;
       i = (i + 1) & word_edge_mask_) {
    const WordEdge& e = edges[i];
    if (e.node == 0) return 0;
    if (e.hash == h && e.node == node &&
        phrase_matcher_detail::SameWord(words_[e.id], folded)) {
      return e.child;
    }
  }
}

template <typename FirstId, typename ChildAt>
[[gnu::always_inline]] inline PhraseMatcher::Match PhraseMatcher::Walk(
    const std::vector<Token>& tokens, FirstId first_id, ChildAt child_at,
    std::size_t begin, std::size_t stop) const {
  Match best;
  if (begin >= stop) return best;
  std::uint32_t first = first_id(begin);
  if (first == kUnknown) return best;
  std::uint32_t node = root_[first];
  if (node == 0 || !phrase_matcher_detail::MeetsOne(nodes_[node].first_cases,
                                                    tokens[begin])) {
    return best;
  }
  for (std::size_t i = begin; node != 0;) {
    const Node& at = nodes_[node];
    for (const Ending& e : at.endings) {
      bool ok = true;
      if (!e.any_case) {
        for (std::size_t k = 0; k < e.cases.size() && ok; ++k) {
          ok = phrase_matcher_detail::Meets(e.cases[k], tokens[begin + k]);
        }
      }
      if (ok) {
        best.length = i - begin + 1;
        best.payloads = &e.payloads;
        break;
      }
    }
    if (++i >= stop) break;
    // (A node without children stops here, before its next word is
    // looked up.)
    if (at.child_bits == 0) break;
    node = child_at(node, at, i);
  }
  return best;
}

// Inline in Longest's loop, which calls it for every word it reads.
[[gnu::always_inline]] inline std::uint32_t PhraseMatcher::Child(
    std::uint32_t node, std::uint32_t id) const {
  if (node == 0) return root_[id];
  if (edges_.empty()) return 0;
  std::uint64_t key = (static_cast<std::uint64_t>(node) << 32) | id;
  std::size_t mask = edges_.size() - 1;
  for (std::size_t i = phrase_matcher_detail::MixEdgeKey(key) & mask;;
       i = (i + 1) & mask) {
    if (edges_[i].key == key) return edges_[i].child;
    if (edges_[i].key == ~std::uint64_t{0}) return 0;
  }
}

[[gnu::always_inline]] inline PhraseMatcher::Match PhraseMatcher::Longest(
    const std::vector<Token>& tokens, const std::vector<std::uint32_t>& ids,
    std::size_t begin, std::size_t end) const {
  return Walk(
      tokens, [&ids](std::size_t i) { return ids[i]; },
      [this, &ids](std::uint32_t node, const Node& at, std::size_t i)
          __attribute__((always_inline)) {
            std::uint32_t id = ids[i];
            if (id == kUnknown || ((at.child_bits >> (id & 63)) & 1) == 0) {
              return std::uint32_t{0};
            }
            return Child(node, id);
          },
      begin, std::min(end, ids.size()));
}

[[gnu::always_inline]] inline PhraseMatcher::Match PhraseMatcher::LongestAt(
    const std::vector<Token>& tokens, std::size_t begin,
    std::size_t end) const {
  // Each word by the hash the token carries, or (a token made by hand) its
  // hash computed here. The first word goes straight to the slots, past
  // the vocabulary's filter: a scan calls this where its own filters
  // passed the word, so this one would too, mostly (and it only ever saves
  // a probe). The words after it are not looked up in the vocabulary at
  // all: the edge to the next node is found by the word's hash.
  return Walk(
      tokens, [ this, &tokens ](std::size_t i) __attribute__((always_inline)) {
        const Token& t = tokens[i];
        if (word_mask_ == 0) return kUnknown;  // no slots
        return Probe(word_slots_.data(), word_mask_, t.folded,
                     t.hash != 0 ? t.hash : HashFolded(t.folded));
      },
      [ this, &tokens ](std::uint32_t node, const Node&, std::size_t i)
          __attribute__((always_inline)) {
            const Token& t = tokens[i];
            return WordChild(node, t.folded,
                             t.hash != 0 ? t.hash : HashFolded(t.folded));
          },
      begin, std::min(end, tokens.size()));
}

}  // namespace entente

#endif  // ENTENTE_TEXT_PHRASE_MATCHER_H_
