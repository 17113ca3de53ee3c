// Sentence splitting for news English.
//
// Splits a document's text into sentences at '.', '!' or '?' followed by
// space and an upper-case letter, quote or digit, except after abbreviations
// ("U.S.", "Feb.", "Mr.", "Gen.", single initials) and inside numbers. Blank
// lines (paragraph breaks) always end a sentence, so headlines and datelines
// without a final period stand alone.
#ifndef ENTENTE_TEXT_SENTENCES_H_
#define ENTENTE_TEXT_SENTENCES_H_

#include <string_view>
#include <vector>

#include "entente/types.h"

namespace entente {

// Returns the sentences of `text` in order, as byte spans trimmed of
// surrounding whitespace. Never fails; empty text gives no sentences.
std::vector<Sentence> SplitSentences(std::string_view text);

}  // namespace entente

#endif  // ENTENTE_TEXT_SENTENCES_H_
