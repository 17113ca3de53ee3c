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
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace entente {

struct Token {
  std::size_t start = 0;  // byte span in the text given to Tokenize
  std::size_t end = 0;
  // The folded form. Tokenize's tokens view their TokenList's own buffer,
  // so they stay valid as long as the list (copies of the list get their
  // own buffer); a token made by hand may view any string that outlives it.
  std::string_view folded;
  // HashFolded(folded), computed once here so that each phrase matcher
  // looking the token up does not hash it again.
  std::uint64_t hash = 0;
  bool capitalized = false;  // first character is an upper-case letter
  bool all_caps = false;     // two or more letters, all upper case ("US")
  bool is_word = false;      // a word or number, not punctuation
};

// The tokens of a sentence and the buffer their folded forms view: one
// allocation for all of them, not one string each. Moving the list keeps
// the views valid; copying it copies the buffer and re-points them. (A
// std::vector<Token> copied out of a list views the list's buffer.)
class TokenList : public std::vector<Token> {
 public:
  TokenList() = default;
  TokenList(TokenList&&) noexcept = default;
  TokenList& operator=(TokenList&&) noexcept = default;
  TokenList(const TokenList& other);
  TokenList& operator=(const TokenList& other);
  ~TokenList() = default;

 private:
  friend class TokenWriter;
  void Rebase(const char* old);
  std::unique_ptr<char[]> buffer_;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
};

// Tokenizes `text[begin, end)`; spans are offsets into `text`.
TokenList Tokenize(std::string_view text, std::size_t begin,
                   std::size_t end);

// The same tokens as Tokenize, all made by its general, byte-by-byte path
// (Tokenize takes a shorter path for plain ASCII words and punctuation):
// what tests compare Tokenize with.
TokenList TokenizeByGeneralPath(std::string_view text, std::size_t begin,
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
