// Sentence boundaries by rule, in one pass over the text: a candidate is a
// run of '.', '!' or '?' (with any closing quotes or brackets after it)
// followed by white space. It ends a sentence when the next word starts a
// sentence (upper-case letter, opening quote or digit) and the word before
// the period is not an abbreviation. After initials such as "U.S." the
// period ends a sentence only when the next word is a common sentence
// opener ("The", "He", "In" ...), since "U.S. officials" is far more common
// than a sentence ending in "U.S.". Paragraph breaks always end a sentence.
#include "text/sentences.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "text/tokens.h"

namespace entente {
namespace {

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// The bytes that end the word before a period (WordBefore), one table
// probe a byte rather than seven comparisons.
constexpr std::array<char, 7> kWordStopBytes = {' ',  '\t', '\n', '\r',
                                                '\f', '(',  '"'};
constexpr std::array<bool, 256> kWordStops = [] {
  std::array<bool, 256> stops{};
  for (char c : kWordStopBytes) stops[static_cast<unsigned char>(c)] = true;
  return stops;
}();

// The word (letters, digits, periods) that ends at `end` (exclusive).
// Words before a period are some ten bytes long: the sixteen bytes before
// `end` are tested at once (SSE2) for the last stop among them.
std::string_view WordBefore(std::string_view text, std::size_t end) {
  std::size_t b = end;
#ifdef __SSE2__
  while (b >= 16) {
    __m128i x =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + b - 16));
    // (Each stop by name: a loop over them was not unrolled.)
    auto is = [&](std::size_t k) {
      return _mm_cmpeq_epi8(x, _mm_set1_epi8(kWordStopBytes[k]));
    };
    static_assert(kWordStopBytes.size() == 7);
    __m128i stops = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(is(0), is(1)), _mm_or_si128(is(2), is(3))),
        _mm_or_si128(_mm_or_si128(is(4), is(5)), is(6)));
    auto mask = static_cast<std::uint32_t>(_mm_movemask_epi8(stops));
    if (mask != 0) {
      b = b - 16 + static_cast<std::size_t>(32 - std::countl_zero(mask));
      return text.substr(b, end - b);
    }
    b -= 16;
  }
#endif
  while (b > 0 && !kWordStops[static_cast<unsigned char>(text[b - 1])]) --b;
  return text.substr(b, end - b);
}

bool IsInitialism(std::string_view w) {
  // "U.S", "U.N", "E.U", "U.K" (without the final period)
  if (w.size() < 3) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if ((i % 2 == 0) != (w[i] != '.')) return false;
  }
  return true;
}

bool IsSentenceOpener(std::string_view word) {
  static constexpr std::array<std::string_view, 40> kOpeners = {
      "the", "he", "she", "it", "they", "we", "i", "in", "on", "at", "a",
      "an", "but", "and", "this", "that", "these", "those", "his", "her",
      "their", "its", "there", "after", "before", "when", "while", "as",
      "both", "earlier", "later", "last", "meanwhile", "however", "officials",
      "no", "speaking", "according", "asked", "during"};
  std::string folded = FoldWord(word);
  return std::find(kOpeners.begin(), kOpeners.end(), folded) !=
         kOpeners.end();
}

// The word (up to the next space) that starts at text[i].
std::string_view WordAt(std::string_view text, std::size_t i) {
  std::size_t j = i;
  while (j < text.size() && !IsSpaceByte(text[j])) ++j;
  return text.substr(i, j - i);
}

// Whether the text after position `i` looks like a sentence start; *next
// is where its first word begins (text.size() if none). (The word itself
// is read only where a period after an abbreviation needs it: WordAt.)
bool NextStartsSentence(std::string_view text, std::size_t i,
                        std::size_t* next) {
  while (i < text.size() && IsSpaceByte(text[i])) ++i;
  *next = i;
  if (i >= text.size()) return false;
  char c = text[i];
  if (IsUpper(c) || (c >= '0' && c <= '9') || c == '"' || c == '\'' ||
      c == '(' || c == '[') {
    return true;
  }
  if (static_cast<unsigned char>(c) < 0x80) return false;  // (not decoded)
  std::size_t len;
  char32_t cp = DecodeAt(text, i, &len);
  return cp == 0x201C || cp == 0x2018 || (cp >= 0xC0 && cp <= 0xDE);
}

bool IsParagraphBreak(std::string_view text, std::size_t i, std::size_t* end) {
  // At a '\n': is there another '\n' after only spaces?
  std::size_t j = i + 1;
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t' ||
                             text[j] == '\r')) {
    ++j;
  }
  if (j < text.size() && text[j] == '\n') {
    while (j < text.size() && IsSpaceByte(text[j])) ++j;
    *end = j;
    return true;
  }
  return false;
}

// (Inlined: a call for every sentence cost more than its trimming.)
[[gnu::always_inline]] inline void Push(std::string_view text, std::size_t b,
                                        std::size_t e,
                                        std::vector<Sentence>* out) {
  while (b < e && IsSpaceByte(text[b])) ++b;
  while (e > b && IsSpaceByte(text[e - 1])) --e;
  if (e > b) out->push_back({b, e});
}

bool IsClosing(std::string_view text, std::size_t i, std::size_t* len) {
  char c = text[i];
  *len = 1;
  if (c == '"' || c == '\'' || c == ')' || c == ']') return true;
  // (Other ASCII closes nothing: most candidates, with a space after them,
  // are not decoded.)
  if (static_cast<unsigned char>(c) < 0x80) return false;
  char32_t cp = DecodeAt(text, i, len);
  return cp == 0x201D || cp == 0x2019;
}

bool IsCandidate(char c) {
  return c == '.' || c == '!' || c == '?' || c == '\n';
}

// Whether the 8 bytes of `w` hold the byte `c` (the classic test for a
// zero byte, applied to w XOR c: exact for "any", which is all we ask).
std::uint64_t HasByte(std::uint64_t w, unsigned char c) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::uint64_t x = w ^ (kOnes * c);
  return (x - kOnes) & ~x & kHigh;
}

// The first '.', '!', '?' or '\n' in text[i, end), or end. Most bytes of a
// text are none of them: 16 (SSE2) or 8 are tested at once.
std::size_t NextCandidate(std::string_view text, std::size_t i) {
  const char* data = text.data();
  const std::size_t end = text.size();
#ifdef __SSE2__
  const __m128i period = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!');
  const __m128i question = _mm_set1_epi8('?'), newline = _mm_set1_epi8('\n');
  for (; i + 16 <= end; i += 16) {
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(b, period), _mm_cmpeq_epi8(b, bang)),
        _mm_or_si128(_mm_cmpeq_epi8(b, question), _mm_cmpeq_epi8(b, newline)));
    int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<std::size_t>(std::countr_zero(
                                  static_cast<unsigned>(mask)));
  }
#endif
  for (; i + 8 <= end; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, data + i, 8);
    if (HasByte(w, '.') | HasByte(w, '!') | HasByte(w, '?') |
        HasByte(w, '\n')) {
      break;
    }
  }
  while (i < end && !IsCandidate(data[i])) ++i;
  return i;
}

// "No." abbreviates "number" only before one ("No. 10 Downing Street"):
// "Moscow said no. Kyiv ..." ends a sentence.
bool SaidNo(std::string_view folded, std::string_view next) {
  return folded == "no" && (next.empty() || next[0] < '0' || next[0] > '9');
}

// Whether `word` (before a period) is an abbreviation that keeps the
// period inside the sentence: IsKnownAbbreviation(FoldWord(word)), but for
// "no." that is not a number's ("said no."); `text` and `next` say where
// the next word begins (NextStartsSentence). An ASCII word folds to its
// lower-case self, of the same length, and the known abbreviations have
// two to five bytes: most words before a period are rejected by their
// length, and the others folded here, without FoldWord's string.
bool KeepsPeriod(std::string_view word, std::string_view text,
                 std::size_t next) {
  char lower[5];
  std::string folded;
  std::string_view f;
  if (std::all_of(word.begin(), word.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    if (word.size() < 2 || word.size() > sizeof lower) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
      lower[k] = IsUpper(word[k]) ? static_cast<char>(word[k] + 32) : word[k];
    }
    f = std::string_view(lower, word.size());
  } else {
    folded = FoldWord(word);
    f = folded;
  }
  return IsKnownAbbreviation(f) && !SaidNo(f, WordAt(text, next));
}

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text) {
  std::vector<Sentence> out;
  // Room for a sentence every 32 bytes, more than news text has: the
  // vector is allocated once, not grown sentence by sentence.
  out.reserve(text.size() / 32 + 4);
  std::size_t start = 0;
  std::size_t i = 0;
  while ((i = NextCandidate(text, i)) < text.size()) {
    char c = text[i];
    std::size_t para_end;
    if (c == '\n' && IsParagraphBreak(text, i, &para_end)) {
      Push(text, start, i, &out);
      start = i = para_end;
      continue;
    }
    if (c == '\n') {
      ++i;
      continue;
    }
    std::size_t word_end = i;
    std::size_t j = i;
    while (j < text.size() && (text[j] == '.' || text[j] == '!' ||
                               text[j] == '?')) {
      ++j;
    }
    std::size_t len;
    while (j < text.size() && IsClosing(text, j, &len)) j += len;
    if (j < text.size() && !IsSpaceByte(text[j])) {
      i = j;
      continue;  // "3.5", "U.S.-China", "...said.Next" stays together
    }
    std::size_t next;
    bool starts = NextStartsSentence(text, j, &next);
    bool boundary = starts;
    if (starts && c == '.' && j == i + 1) {
      std::string_view word = WordBefore(text, word_end);
      if (IsInitialism(word)) {
        boundary = IsSentenceOpener(WordAt(text, next));
      } else if (KeepsPeriod(word, text, next) ||
                 (word.size() == 1 && IsUpper(word[0]))) {
        boundary = false;  // "Mr. Biden", "Feb. 17", "J. Biden"
      }
    }
    if (j >= text.size()) boundary = true;
    if (boundary) {
      Push(text, start, j, &out);
      start = j;
    }
    i = j;
  }
  Push(text, start, text.size(), &out);
  return out;
}

}  // namespace entente
