// UTF-8 helpers: validation, byte-to-code-point offsets, and the folding
// (lower case, accents removed, typographic apostrophes made plain) that
// lexicon matching uses so that "Vučić" matches "Vucic".
#ifndef ENTENTE_CORE_UTF8_H_
#define ENTENTE_CORE_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace entente {

// Returns the byte offset of the first invalid UTF-8 sequence in `text`, or
// nullopt when all of it is valid (overlongs and surrogates are invalid).
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

// Counts the code points in `text` (valid UTF-8 assumed).
std::size_t CountCodePoints(std::string_view text);

// Converts byte offsets of one text into code-point offsets. Build once per
// text; each lookup is O(log n) over a sparse index.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  // `byte_offset` must lie on a character boundary and be <= text size.
  std::size_t ToCodePoint(std::size_t byte_offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> checkpoints_;  // code points before every 256th byte
};

// Folds one word for matching: ASCII lower case, Latin letters with
// diacritics mapped to their base letter (ß to ss), U+2019 and U+2018 to an
// ASCII apostrophe, other characters kept as they are.
std::string FoldWord(std::string_view word);

// Whether `word` lower-cased (ASCII letters only) is `lower`, compared in
// place without a copy.
inline bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// Decodes the code point at `text[i]`, setting `len` to its byte length
// (1 for an invalid byte, which is returned as U+FFFD).
char32_t DecodeAt(std::string_view text, std::size_t i, std::size_t* len);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace entente

#endif  // ENTENTE_CORE_UTF8_H_
