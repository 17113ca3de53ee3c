// Word classes of tokens by one table look-up: which of a few fixed word
// lists ("not", "never", ... ; "will", "plans", ...) a token is in. The
// events stage asks this for most tokens around each trigger, where
// scanning each list would compare the token with every listed word.
//
//   static const WordClasses kCues({kNegation, kFuture});  // bits 0 and 1
//   if (kCues.Of(token) & 1) ...  // a negation word
#ifndef ENTENTE_EVENTS_WORD_CLASSES_H_
#define ENTENTE_EVENTS_WORD_CLASSES_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

#include "text/tokens.h"

namespace entente {

class WordClasses {
 public:
  // The words of `lists[k]` (folded) are in class 1 << k; a word may be in
  // several lists. The lists must outlive this (their words are viewed).
  explicit WordClasses(
      std::initializer_list<std::span<const std::string_view>> lists) {
    std::size_t words = 0;
    for (const auto& list : lists) words += list.size();
    std::size_t size = 16;
    while (size < 4 * words) size *= 2;  // at most a quarter full
    slots_.resize(size);
    mask_ = size - 1;
    std::uint32_t bit = 1;
    for (const auto& list : lists) {
      for (std::string_view w : list) {
        std::uint64_t hash = HashFolded(w);
        Slot& s = Find(w, hash);
        s.hash = hash;
        s.word = w;
        s.classes |= bit;
      }
      bit <<= 1;
    }
  }

  // The classes of a token (0: in no list). Tokenize hashed the token; a
  // token made some other way (hash 0) is hashed here.
  std::uint32_t Of(const Token& t) const {
    return Of(t.folded, t.hash != 0 ? t.hash : HashFolded(t.folded));
  }
  // As above, given HashFolded(word).
  std::uint32_t Of(std::string_view word, std::uint64_t hash) const {
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.classes == 0) return 0;
      if (s.hash == hash && s.word == word) return s.classes;
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view word;
    std::uint32_t classes = 0;  // 0: empty
  };
  // The slot of `word`, or the empty slot where it goes.
  Slot& Find(std::string_view word, std::uint64_t hash) {
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.classes == 0 || (s.hash == hash && s.word == word)) return s;
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

}  // namespace entente

#endif  // ENTENTE_EVENTS_WORD_CLASSES_H_
