// Word classes of tokens by one table look-up: which of a few fixed word
// lists ("not", "never", ... ; "will", "plans", ...) a token is in. The
// events stage asks this for most tokens around each trigger, where
// scanning each list would compare the token with every listed word.
//
//   static const WordClasses kCues({kNegation, kFuture});  // bits 0 and 1
//   if (kCues.Of(token) & 1) ...  // a negation word
#ifndef ENTENTE_EVENTS_WORD_CLASSES_H_
#define ENTENTE_EVENTS_WORD_CLASSES_H_

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "text/phrase_matcher.h"
#include "text/tokens.h"

namespace entente {

class WordClasses {
 public:
  // The words of `lists[k]` (folded) are in class 1 << k; a word may be in
  // several lists. The lists must outlive this (their words are viewed).
  // (Made once per table: cold, out of line, it leaves the inlining of
  // the functions that build their table on first use as it was.)
  [[gnu::cold]] explicit WordClasses(
      std::initializer_list<std::span<const std::string_view>> lists) {
    std::size_t words = 0;
    for (const auto& list : lists) words += list.size();
    std::size_t size = 16;
    while (size < 4 * words) size *= 2;  // at most a quarter full
    slots_.resize(size);
    mask_ = size - 1;
    // A token not hashed (hash 0) is hashed in ProbeOutOfLine: it always
    // passes.
    maybe_[MaybeSlot(0)] = 1;
    std::uint32_t bit = 1;
    for (const auto& list : lists) {
      for (std::string_view w : list) {
        std::uint64_t hash = HashFolded(w);
        Slot& s = Find(w, hash);
        s.hash = hash;
        s.word = w;
        s.classes |= bit;
        maybe_[MaybeSlot(hash)] = 1;
        if (w.size() == 1) single_[static_cast<unsigned char>(w[0])] |= bit;
      }
      bit <<= 1;
    }
  }

  // The classes of a token (0: in no list). Tokenize hashed the token; a
  // token made some other way (hash 0) is hashed here.
  // (A probe, inline: the byte filter OfEach tests first saves the
  // actors stage's callers nothing, measured.)
  std::uint32_t Of(const Token& t) const {
    return Of(t.folded, t.hash != 0 ? t.hash : HashFolded(t.folded));
  }
  // As above, given HashFolded(word).
  std::uint32_t Of(std::string_view word, std::uint64_t hash) const {
    return Probe(slots_.data(), mask_, word, hash);
  }
  // Sets out[i] to Of(tokens[i]) for each token.
  void OfEach(std::span<const Token> tokens, std::uint32_t* out) const {
    OfEach(tokens, out, [](std::size_t, std::uint32_t) {});
  }
  // As above, and calls on_word(i, out[i]) for each token i in a class, in
  // order, once out[0..i] are set. (Most tokens are in no list: their
  // loop tests one byte of `maybe_` per token and stores a 0. The look-up
  // of the others is a call of its own, whose registers stay out of the
  // loop's; so does `on_word`, which only they reach.)
  template <typename OnWord>
  void OfEach(std::span<const Token> tokens, std::uint32_t* out,
              OnWord&& on_word) const {
    const std::uint8_t* maybe = maybe_.data();
    const Token* t = tokens.data();
    const std::size_t n = tokens.size();
    for (std::size_t i = 0; i < n; ++i) {
      std::uint32_t classes = 0;
      if (maybe[MaybeSlot(t[i].hash)] != 0) [[unlikely]] {
        classes = ProbeOutOfLine(t[i]);
        out[i] = classes;
        if (classes != 0) on_word(i, classes);
        continue;
      }
      out[i] = classes;
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view word;
    std::uint32_t classes = 0;  // 0: empty
  };
  // A byte for each value of 14 bits of a word's hash (not those of its
  // slot): 0 where no listed word has them, which holds for all but a few
  // words of a text, so that a token is mostly rejected by one load, with
  // no probe of the slots.
  // (The top 14 bits: a shift alone, with no mask, in OfEach's loop. With
  // 12, one word in sixteen outside the lists passed, for a probe.)
  static constexpr int kMaybeBits = 14;
  static constexpr std::size_t kMaybeSlots = std::size_t{1} << kMaybeBits;
  static std::size_t MaybeSlot(std::uint64_t hash) {
    return static_cast<std::size_t>(hash >> (64 - kMaybeBits));
  }
  static std::uint32_t Probe(const Slot* slots, std::size_t mask,
                             std::string_view word, std::uint64_t hash) {
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots[i];
      if (s.classes == 0) return 0;
      if (s.hash == hash && s.word == word) return s.classes;
    }
  }
  // Of(t), out of OfEach's loop, with the words compared without memcmp.
  // (A leaf function: a token not hashed or longer than 16 bytes, whose
  // look-up makes a call, goes to ProbeSlow, so that this one saves and
  // restores no registers; most tokens it is given are in a list.)
  // (A word of one byte - ",", "a" - is looked up by its byte: they are
  // among the most frequent words in a list.)
  [[gnu::noinline]] std::uint32_t ProbeOutOfLine(const Token& t) const {
    if (t.folded.size() == 1) {
      return single_[static_cast<unsigned char>(t.folded[0])];
    }
    const std::uint64_t hash = t.hash;
    if (hash == 0 || t.folded.size() > 16) [[unlikely]] return ProbeSlow(t);
    const Slot* slots = slots_.data();
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots[i];
      if (s.classes == 0) return 0;
      if (s.hash == hash && SameShort(s.word, t.folded)) return s.classes;
    }
  }
  [[gnu::noinline, gnu::cold]] std::uint32_t ProbeSlow(const Token& t) const {
    return Of(t);
  }
  // a == b, for `b` of at most 16 bytes, without a call of memcmp: two
  // loads from each, overlapping where the word is shorter than both (the
  // phrase matcher's comparisons of short words).
  static bool SameShort(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (b.size() != n) return false;
    if (n >= 8) {
      return phrase_matcher_detail::SameEnds<std::uint64_t>(a.data(),
                                                            b.data(), n);
    }
    return phrase_matcher_detail::SameShort(a.data(), b.data(), n);
  }
  // The slot of `word`, or the empty slot where it goes.
  Slot& Find(std::string_view word, std::uint64_t hash) {
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.classes == 0 || (s.hash == hash && s.word == word)) return s;
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::array<std::uint8_t, kMaybeSlots> maybe_{};
  // The classes of each word of one byte (ProbeOutOfLine).
  std::array<std::uint32_t, 256> single_{};
};

// A set of phrases, each its folded words joined by single spaces ("new
// york"), with a filter on the first word: MayStart(hash) is one bit test,
// false for most words that start no phrase, and never false for one that
// does. (The events stage asks whether parties are cities for every group
// of every sentence; few are.)
class PhraseSet {
 public:
  void Add(std::string phrase) {
    // Every prefix that ends before a space, and the whole phrase: a token
    // whose folded text is a phrase's first word passes, and so does one
    // whose text holds a space itself ("new york" as one token).
    for (std::size_t i = 0; i <= phrase.size(); ++i) {
      if (i == phrase.size() || phrase[i] == ' ') {
        first_words_.set(HashFolded(std::string_view(phrase).substr(0, i)) %
                         kBits);
      }
    }
    phrases_.insert(std::move(phrase));
  }
  bool empty() const { return phrases_.empty(); }
  bool Contains(const std::string& phrase) const {
    return phrases_.count(phrase) > 0;
  }
  // False when no phrase starts with the word whose HashFolded is `hash`
  // followed by a space or the phrase's end.
  bool MayStart(std::uint64_t hash) const {
    return first_words_[hash % kBits];  // (in range: no checked test())
  }

 private:
  // (A bit for each value of 16 bits of the hash: the lexicon's cities
  // have a few hundred first words, which would leave one word in six
  // passing a filter of 4096 bits.)
  static constexpr std::size_t kBits = 1 << 16;
  std::unordered_set<std::string> phrases_;
  std::bitset<kBits> first_words_;
};

}  // namespace entente

#endif  // ENTENTE_EVENTS_WORD_CLASSES_H_
