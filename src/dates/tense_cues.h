// Does a clause look ahead? The cue that decides which way an
// underspecified time expression ("Thursday", "in March") points.
#ifndef ENTENTE_DATES_TENSE_CUES_H_
#define ENTENTE_DATES_TENSE_CUES_H_

#include <cstddef>
#include <string_view>

namespace entente {

// True when the words near [begin, end) in `sentence` (byte offsets into
// `sentence`) say the clause is about the future: "will", "'ll", "is to",
// "plans to", "is expected to", "scheduled", "upcoming", "next"... Looks at
// up to 8 words before the expression, nearest first, then up to 5 words
// after it; a past-tense cue ("said", "met", a verb in -ed) met first ends
// the search with false. Offsets out of range are clamped; never fails.
bool LooksAhead(std::string_view sentence, std::size_t begin, std::size_t end);

}  // namespace entente

#endif  // ENTENTE_DATES_TENSE_CUES_H_
