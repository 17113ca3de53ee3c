// Word tokens of a sentence, with their byte spans and folded forms.
//
// A token is a word ("Xi", "al-Qaeda", "d'Ivoire", "2021"), an abbreviation
// with its periods ("U.S.", "Feb.", "Mr."), the possessive "'s", or a single
// punctuation character. Folded forms (core/utf8.h FoldWord) are what the
// lexicons match against, so matching ignores case and accents.
#ifndef ENTENTE_TEXT_TOKENS_H_
#define ENTENTE_TEXT_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace entente {

struct Token {
  std::size_t start = 0;  // byte span in the text given to Tokenize
  std::size_t end = 0;
  std::string folded;
  // HashFolded(folded), computed once here so that each phrase matcher
  // looking the token up does not hash it again.
  std::uint64_t hash = 0;
  bool capitalized = false;  // first character is an upper-case letter
  bool all_caps = false;     // two or more letters, all upper case ("US")
  bool is_word = false;      // a word or number, not punctuation
};

// Tokenizes `text[begin, end)`; spans are offsets into `text`.
std::vector<Token> Tokenize(std::string_view text, std::size_t begin,
                            std::size_t end);

// A fast 64-bit hash of a folded word (what Token::hash holds).
std::uint64_t HashFolded(std::string_view folded);

// Tokenizes a whole lexicon phrase and returns its folded tokens.
std::vector<std::string> FoldPhrase(std::string_view phrase);

// True for abbreviations that keep their period and do not end a sentence
// ("Mr.", "Feb.", "Gen.", "Sept."); `word` is folded, without the period.
bool IsKnownAbbreviation(std::string_view word);

}  // namespace entente

#endif  // ENTENTE_TEXT_TOKENS_H_
