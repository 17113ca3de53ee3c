// Tokens are interned once per sentence (one hash and, almost always, one
// probe of a flat table each); the trie's edges are then looked up by
// (node, token id) in a second flat table, or by id alone from the root.
// Case requirements are checked only where a phrase ends.
#include "text/phrase_matcher.h"

#include <algorithm>
#include <cstring>

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

std::uint64_t EdgeKey(std::uint32_t node, std::uint32_t id) {
  return (static_cast<std::uint64_t>(node) << 32) | id;
}

}  // namespace

std::uint32_t PhraseMatcher::IdOf(std::string_view folded) const {
  return IdOf(folded, HashFolded(folded));
}

// Puts word `id` (already in words_) in the first free slot from its hash.
void PhraseMatcher::Place(std::vector<WordSlot>* slots, std::uint32_t id,
                          std::uint64_t h) const {
  const std::string& w = words_[id];
  std::size_t mask = slots->size() - 1;
  std::size_t i = h & mask;
  while ((*slots)[i].id != 0) i = (i + 1) & mask;
  WordSlot& s = (*slots)[i];
  s.hash = h;
  s.id = id + 1;
  // (A word too long for 32 bits is compared in full: SameWord's path.)
  s.size = static_cast<std::uint32_t>(
      std::min<std::size_t>(w.size(), std::uint32_t{0xFFFFFFFF}));
  std::memcpy(s.head, w.data(), std::min(w.size(), sizeof(s.head)));
}

void PhraseMatcher::GrowWords() {
  std::vector<WordSlot> slots(word_slots_.empty() ? 64
                                                  : word_slots_.size() * 2);
  for (std::size_t id = 0; id < words_.size(); ++id) {
    Place(&slots, static_cast<std::uint32_t>(id), HashFolded(words_[id]));
  }
  word_slots_ = std::move(slots);
  word_mask_ = word_slots_.size() - 1;
  // At least 16 filter bits a word (at most one word in 16 of a text not
  // in the vocabulary gets past the filter), within 2^24 bits.
  std::size_t bits = 4096;
  while (bits < word_slots_.size() * 8 && bits < (std::size_t{1} << 24)) {
    bits *= 2;
  }
  filter_.assign(bits / 64, 0);
  filter_mask_ = bits - 1;
  // Bit 0 is FilterBit(0): a token not yet hashed (hash 0) gets past the
  // filter to be hashed, so Encode need not test for it before the filter.
  filter_[0] = 1;
  start_filter_.assign(bits / 64, 0);
  start_filter_[0] = 1;
  for (std::size_t id = 0; id < words_.size(); ++id) {
    std::uint64_t h = HashFolded(words_[id]);
    SetFilterBit(h);
    if (root_[id] != 0) SetStartBit(h);
  }
}

std::uint32_t PhraseMatcher::AddWord(std::string_view folded) {
  if (std::uint32_t id = IdOf(folded); id != kUnknown) return id;
  words_.emplace_back(folded);
  root_.push_back(0);
  auto id = static_cast<std::uint32_t>(words_.size() - 1);
  if (words_.size() * 2 > word_slots_.size()) {
    GrowWords();  // places every word, the new one included
  } else {
    std::uint64_t h = HashFolded(folded);
    Place(&word_slots_, id, h);
    SetFilterBit(h);
  }
  return id;
}

// Adds the edge (node, word id of hash h) -> child to word_edges_, which
// is made twice as big when half full.
void PhraseMatcher::AddWordEdge(const WordEdge& edge) {
  if ((word_edge_count_ + 1) * 2 > word_edges_.size()) {
    std::vector<WordEdge> old = std::move(word_edges_);
    word_edges_.assign(old.empty() ? 64 : old.size() * 2, WordEdge{});
    word_edge_mask_ = word_edges_.size() - 1;
    word_edge_count_ = 0;
    for (const WordEdge& e : old) {
      if (e.node != 0) AddWordEdge(e);
    }
  }
  std::size_t i = WordEdgeSlot(edge.node, edge.hash, word_edge_mask_);
  while (word_edges_[i].node != 0) i = (i + 1) & word_edge_mask_;
  word_edges_[i] = edge;
  ++word_edge_count_;
}

void PhraseMatcher::GrowEdges() {
  std::vector<Edge> edges(edges_.empty() ? 64 : edges_.size() * 2);
  std::size_t mask = edges.size() - 1;
  for (const Edge& e : edges_) {
    if (e.key == ~std::uint64_t{0}) continue;
    std::size_t i = phrase_matcher_detail::MixEdgeKey(e.key) & mask;
    while (edges[i].key != ~std::uint64_t{0}) i = (i + 1) & mask;
    edges[i] = e;
  }
  edges_ = std::move(edges);
}

// Marks opening o in the filter's tables.
void PhraseMatcher::Open(const Opening& o) {
  unsigned bit = 1u << static_cast<unsigned>(o.first_case);
  if (o.second != 0) bit <<= 3;
  opening_cases_[CaseSlot(o.first, opening_cases_.size() - 1)] |=
      static_cast<std::uint8_t>(bit);
  if (o.second != 0) {
    std::size_t b =
        PairBit(o.first, o.second, opening_pairs_.size() * 64 - 1);
    opening_pairs_[b >> 6] |= std::uint64_t{1} << (b & 63);
  }
}

// Adds o to the filter, at least 16 case slots and 16 pair bits an
// opening (within 2^22 slots and bits): the tables are made again, twice
// as big, when they fill. (A scan tests a case slot at every word: at
// most one word in 16 not starting a phrase gets past it.)
void PhraseMatcher::AddOpening(const Opening& o) {
  openings_.push_back(o);
  if (openings_.size() * 16 <= opening_cases_.size() ||
      opening_cases_.size() >= (std::size_t{1} << 22)) {
    Open(o);
    return;
  }
  std::size_t slots = 1024;
  while (slots < openings_.size() * 16 && slots < (std::size_t{1} << 22)) {
    slots *= 2;
  }
  opening_cases_.assign(slots, 0);
  opening_pairs_.assign(slots / 64, 0);
  // A token not hashed (hash 0, slot 0) passes for any case.
  opening_cases_[0] = 0x3F;
  for (const Opening& each : openings_) Open(each);
}

void PhraseMatcher::Add(std::string_view phrase, int payload,
                        bool case_sensitive, bool user) {
  TokenList tokens = Tokenize(phrase, 0, phrase.size());
  if (tokens.empty()) return;
  std::uint32_t node = 0, first_node = 0;
  std::vector<Case> cases;
  for (const Token& t : tokens) {
    cases.push_back(case_sensitive
                        ? CaseOf(phrase.substr(t.start, t.end - t.start))
                        : Case::kAny);
    std::uint32_t id = AddWord(t.folded);
    std::uint32_t child = Child(node, id);
    if (child == 0) {  // node 0 is the root, never a child
      child = static_cast<std::uint32_t>(nodes_.size());
      nodes_.emplace_back();
      if (node == 0) {
        root_[id] = child;
        SetStartBit(HashFolded(t.folded));
      } else {
        nodes_[node].child_bits |= std::uint64_t{1} << (id & 63);
        if ((edge_count_ + 1) * 2 > edges_.size()) GrowEdges();
        std::uint64_t key = EdgeKey(node, id);
        std::size_t mask = edges_.size() - 1;
        std::size_t i = phrase_matcher_detail::MixEdgeKey(key) & mask;
        while (edges_[i].key != ~std::uint64_t{0}) i = (i + 1) & mask;
        edges_[i] = {key, child};
        ++edge_count_;
        AddWordEdge({HashFolded(t.folded), node, child, id});
      }
    }
    if (first_node == 0) first_node = child;
    node = child;
  }
  nodes_[first_node].first_cases |=
      static_cast<std::uint8_t>(1u << static_cast<unsigned>(cases[0]));
  AddOpening({HashFolded(tokens[0].folded),
              tokens.size() > 1 ? HashFolded(tokens[1].folded) : 0,
              cases[0]});
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
  bool any_case = std::all_of(cases.begin(), cases.end(),
                              [](Case c) { return c == Case::kAny; });
  end.endings.push_back({std::move(cases), {payload}, user, any_case});
}

void PhraseMatcher::Encode(const std::vector<Token>& tokens,
                           std::vector<std::uint32_t>* ids) const {
  ids->resize(tokens.size());
  std::uint32_t* out = ids->data();
  if (word_slots_.empty()) {
    std::fill(out, out + tokens.size(), kUnknown);
    return;
  }
  // The tables' pointers and masks in locals: stores to `out` could alias
  // the members as far as the compiler knows, which would reload them for
  // every token. Words in no phrase mostly stop at the filter (the test
  // is FilterBit's); the others go straight to the slots.
  const std::uint64_t* filter = filter_.data();
  const std::size_t filter_mask = filter_mask_;
  const WordSlot* slots = word_slots_.data();
  const std::size_t slot_mask = word_slots_.size() - 1;
  const Token* t = tokens.data();
  const std::size_t n = tokens.size();
  auto passes = [filter, filter_mask](std::uint64_t h) {
    std::size_t bit = static_cast<std::size_t>(h >> 40) & filter_mask;
    return ((filter[bit >> 6] >> (bit & 63)) & 1) != 0;
  };
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t h = t[i].hash;
    if (!passes(h)) {
      out[i] = kUnknown;
      continue;
    }
    // Tokenize hashed the token; a token made some other way has no hash
    // (hash 0 always passes the filter).
    if (h == 0) {
      h = HashFolded(t[i].folded);
      if (!passes(h)) {
        out[i] = kUnknown;
        continue;
      }
    }
    out[i] = Probe(slots, slot_mask, t[i].folded, h);
  }
}

std::vector<std::uint32_t> PhraseMatcher::Encode(
    const std::vector<Token>& tokens) const {
  std::vector<std::uint32_t> ids;
  Encode(tokens, &ids);
  return ids;
}

PhraseMatcher::Match PhraseMatcher::Longest(const std::vector<Token>& tokens,
                                            std::size_t begin,
                                            std::size_t end) const {
  return Longest(tokens, Encode(tokens), begin, end);
}

}  // namespace entente
