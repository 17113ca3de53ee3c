// Text handling shared by the readers of the field's dictionaries
// (PETRARCH/TABARI actor, agent and verb files).
#ifndef ENTENTE_LEXICON_DICTIONARY_TEXT_H_
#define ENTENTE_LEXICON_DICTIONARY_TEXT_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace entente {

// Removes "<!-- ... -->" blocks (also "<! -- ... -->"; they may span lines)
// and "#" comments, keeping line breaks so line numbers stay right. With
// `hash_in_brackets`, a '#' inside "[...]" is text, not a comment (verb
// files have codes such as "[###]").
std::string StripDictionaryComments(std::string_view in,
                                    bool hash_in_brackets);

// `s` without leading and trailing white space.
std::string TrimText(std::string_view s);

// The lines of `text`, trimmed, with their 1-based numbers.
std::vector<std::pair<std::size_t, std::string>> NumberedLines(
    const std::string& text);

}  // namespace entente

#endif  // ENTENTE_LEXICON_DICTIONARY_TEXT_H_
