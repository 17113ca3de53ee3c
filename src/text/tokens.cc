// A hand-written scanner: letters, digits and non-ASCII bytes form words;
// '-', '.', and apostrophes join word characters on both sides; a final
// period joins a word that is a known abbreviation or a run of initials
// ("U.S."); "'s" after a word is its own token. Everything else that is not
// space is a one-character punctuation token.
#include "text/tokens.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "core/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace entente {
namespace {

// Byte classes, looked up once per byte in the scanner's loops.
enum : std::uint8_t {
  kSpaceByte = 1,
  kWordByte = 2,  // letters, digits and every non-ASCII byte
  kUpperByte = 4,
  kLowerByte = 8,
  kAsciiWordByte = 16,  // ASCII letters and digits
  // '-', '.', '\'' and every non-ASCII byte: after a run of ASCII letters
  // and digits, what may join more to it (or, non-ASCII, be part of it).
  kMayJoinByte = 32,
};

constexpr std::array<std::uint8_t, 256> MakeByteClasses() {
  std::array<std::uint8_t, 256> c{};
  for (int b = 0; b < 256; ++b) {
    if (b >= 'a' && b <= 'z') c[b] = kWordByte | kAsciiWordByte | kLowerByte;
    if (b >= 'A' && b <= 'Z') c[b] = kWordByte | kAsciiWordByte | kUpperByte;
    if (b >= '0' && b <= '9') c[b] = kWordByte | kAsciiWordByte;
    if (b >= 0x80) c[b] = kWordByte | kMayJoinByte;
  }
  for (char j : {'-', '.', '\''}) {
    c[static_cast<unsigned char>(j)] = kMayJoinByte;
  }
  for (char s : {' ', '\t', '\n', '\r', '\f', '\v'}) {
    c[static_cast<unsigned char>(s)] = kSpaceByte;
  }
  return c;
}
constexpr std::array<std::uint8_t, 256> kByteClasses = MakeByteClasses();

bool IsWordByte(unsigned char c) { return kByteClasses[c] & kWordByte; }

// Non-ASCII characters that are punctuation or spaces, not word characters.
std::size_t PunctuationLength(std::string_view s, std::size_t i) {
  std::size_t len;
  char32_t cp = DecodeAt(s, i, &len);
  switch (cp) {
    case 0x00A0:  // no-break space
    case 0x2009: case 0x200A: case 0x202F:
    case 0x2013: case 0x2014: case 0x2015:  // dashes
    case 0x201C: case 0x201D: case 0x201E:  // double quotes
    case 0x2018: case 0x2019:  // single quotes (apostrophe inside words)
    case 0x00AB: case 0x00BB: case 0x2026: case 0x00B7: case 0x2022:
    case 0xFFFD:
      return len;
    default:
      return 0;
  }
}

bool IsApostropheAt(std::string_view s, std::size_t i, std::size_t* len) {
  if (s[i] == '\'') {
    *len = 1;
    return true;
  }
  if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
    *len = 3;
    return true;
  }
  return false;
}

bool IsInitials(std::string_view folded) {
  // "u.s", "u.n", "e.u" (before the final period is added)
  if (folded.size() < 3) return folded.size() == 1;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (i % 2 == 1 && folded[i] != '.') return false;
    if (i % 2 == 0 && folded[i] == '.') return false;
  }
  return true;
}

// Upper-case letters of Latin-1 and Latin Extended-A ("Ž", "Ö", "Ł").
bool IsUpperLatin(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) {
    return cp % 2 == 0;
  }
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) {
    return cp % 2 == 1;
  }
  return cp == 0x178;
}

constexpr std::uint64_t Mix(std::uint64_t h) {
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ULL;
  h ^= h >> 32;
  return h;
}

}  // namespace

// Eight bytes at a time: folded words are short, so this is a few
// multiplications. (HashAt and FinishWord below compute the same value.)
std::uint64_t HashFolded(std::string_view w) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ w.size();
  std::size_t i = 0;
  for (; i + 8 <= w.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, w.data() + i, 8);
    h = (h ^ v) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  }
  std::uint64_t v = 0;
  for (std::size_t k = 0; i + k < w.size(); ++k) {
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[i + k]))
         << (8 * k);
  }
  return Mix(h ^ v);
}

TokenList::TokenList(const TokenList& other)
    : std::vector<Token>(other), used_(other.used_), capacity_(other.used_) {
  if (!other.buffer_) return;
  buffer_.reset(new char[capacity_ + 1]);
  std::memcpy(buffer_.get(), other.buffer_.get(), used_);
  Rebase(other.buffer_.get());
}

TokenList& TokenList::operator=(const TokenList& other) {
  if (this != &other) *this = TokenList(other);
  return *this;
}

// Points the views into `old` (the first used_ bytes of which are now at
// buffer_) at buffer_.
void TokenList::Rebase(const char* old) {
  for (Token& t : *this) {
    const char* d = t.folded.data();
    if (d >= old && d <= old + used_) {
      t.folded = std::string_view(buffer_.get() + (d - old), t.folded.size());
    }
  }
}

// Writes the folded forms of the tokens being made into one buffer, which
// then goes to their TokenList. The buffer is sized for the sentence
// (folding never lengthens a span), so it almost never grows; kSlack
// spare bytes let words be written eight bytes at a time.
class TokenWriter {
 public:
  static constexpr std::size_t kSlack = 16;

  // `tokens` (the tokens made so far, `*count` of them) are re-pointed if
  // the buffer has to grow.
  TokenWriter(std::size_t bytes, Token* tokens, const std::size_t* count)
      : tokens_(tokens), count_(count) {
    // kSlack more than the text's bytes: the eight-byte writes of the
    // sentence's last word (within kSlack of the end) then still fit, so
    // the buffer does not grow (and copy) at the end of most sentences.
    if (bytes > 0) Grow(bytes + kSlack);
  }
  TokenWriter(const TokenWriter&) = delete;
  TokenWriter& operator=(const TokenWriter&) = delete;

  // The first n bytes of the empty buffer, for the caller to fill, and
  // kSlack zero bytes after them (sixteen-byte reads of its last word
  // reach them); folded forms then go after these.
  char* Claim(std::size_t n) {
    Room(n + kSlack);
    std::memset(buffer_.get() + pos_ + n, 0, kSlack);
    char* claimed = buffer_.get() + pos_;
    pos_ += n + kSlack;
    return claimed;
  }
  // Where the next folded form goes: room for n bytes and kSlack more.
  char* Room(std::size_t n) {
    if (pos_ + n + kSlack > capacity_) Grow(n);
    return buffer_.get() + pos_;
  }
  // The n bytes written at Room() are t's folded form.
  void Commit(Token* t, std::size_t n) {
    t->folded = std::string_view(buffer_.get() + pos_, n);
    pos_ += n;
  }
  void Append(Token* t, std::string_view s) {
    char* d = Room(s.size());
    std::memcpy(d, s.data(), s.size());
    Commit(t, s.size());
  }
  // Hands the buffer to `list` (moving it keeps the views valid).
  void GiveTo(TokenList* list) {
    list->buffer_ = std::move(buffer_);
    list->used_ = pos_;
    list->capacity_ = capacity_;
  }

 private:
  void Grow(std::size_t n) {
    std::size_t capacity = capacity_ * 2 + n + kSlack;
    std::unique_ptr<char[]> old = std::move(buffer_);
    buffer_.reset(new char[capacity]);
    capacity_ = capacity;
    if (pos_ == 0) return;
    std::memcpy(buffer_.get(), old.get(), pos_);
    for (std::size_t k = 0; k < *count_; ++k) {
      std::string_view& f = tokens_[k].folded;
      if (f.data() >= old.get() && f.data() <= old.get() + pos_) {
        f = std::string_view(buffer_.get() + (f.data() - old.get()),
                             f.size());
      }
    }
  }
  Token* tokens_;
  const std::size_t* count_;
  std::unique_ptr<char[]> buffer_;
  std::size_t pos_ = 0;
  std::size_t capacity_ = 0;
};

namespace {

constexpr std::uint64_t kHashSeed = 0x9E3779B97F4A7C15ULL;
constexpr std::uint64_t kHashMul = 0xBF58476D1CE4E5B9ULL;

// The low n bytes of x (n < 8), by a table rather than a shift's few
// instructions: it is on the path of every word.
constexpr std::array<std::uint64_t, 8> kLowBytes = [] {
  std::array<std::uint64_t, 8> m{};
  for (std::size_t n = 1; n < 8; ++n) m[n] = (std::uint64_t{1} << (8 * n)) - 1;
  return m;
}();
std::uint64_t LowBytes(std::uint64_t x, std::size_t n) {
  return x & kLowBytes[n];
}

// Eight bytes from p, the first lowest.
std::uint64_t Load8(const char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  if constexpr (std::endian::native != std::endian::little) {
    x = __builtin_bswap64(x);
  }
  return x;
}

// HashFolded(std::string_view(p, n)) when p may be read up to the next
// multiple of eight bytes, and at least sixteen bytes: the last partial
// block is one masked load. (Every caller hashes a word followed by
// TokenWriter::kSlack bytes.)
[[gnu::always_inline]] inline std::uint64_t HashAt(const char* p,
                                                   std::size_t n) {
  if constexpr (std::endian::native != std::endian::little) {
    return HashFolded(std::string_view(p, n));
  } else {
    std::uint64_t h = kHashSeed ^ n;
    // Most words are shorter than eight bytes: one masked load.
    if (n < 8) return Mix(h ^ LowBytes(Load8(p), n));
    // Most of the others are shorter than sixteen: one block and a masked
    // load (LowBytes(x, 0) is zero), without the loop.
    if (n < 16) {
      h = (h ^ Load8(p)) * kHashMul;
      h ^= h >> 31;
      return Mix(h ^ LowBytes(Load8(p + 8), n - 8));
    }
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t v;
      std::memcpy(&v, p + i, 8);
      h = (h ^ v) * kHashMul;
      h ^= h >> 31;
    }
    std::uint64_t v = 0;
    if (i < n) {
      std::memcpy(&v, p + i, 8);
      v = LowBytes(v, n - i);
    }
    return Mix(h ^ v);
  }
}

// Eight ASCII bytes at a time: 0x80 in each byte of `x` that is at least
// `c` (bytes below 0x80 only; an addition then never carries into the
// next byte).
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
std::uint64_t AtLeast(std::uint64_t x, unsigned char c) {
  return (x + kOnes * (0x80u - c)) & kHighs;
}

// FinishWord for words with non-ASCII bytes (and very long words near the
// end of the text): FoldWord, byte by byte.
void FinishOtherWord(std::string_view w, bool period, Token* t,
                     TokenWriter* out) {
  int upper = 0;
  std::uint8_t lower = 0;
  for (char ch : w) {
    std::uint8_t cls = kByteClasses[static_cast<unsigned char>(ch)];
    upper += (cls & kUpperByte) != 0;
    lower |= cls & kLowerByte;
  }
  if (t->capitalized) t->all_caps = lower == 0 && upper >= 2;
  std::string folded = FoldWord(w);
  if (period && (IsKnownAbbreviation(folded) || IsInitials(folded))) {
    t->end += 1;
    folded.push_back('.');
  }
  t->hash = HashFolded(folded);
  out->Append(t, folded);
}

// Folds and hashes the word token `t` spanning text[i, i + n) and marks it
// all-caps; `period`: a period follows, which joins an abbreviation or
// initials. Plain ASCII words (almost all) are read, lower-cased, hashed
// and written eight bytes at a time, straight from the text into the
// list's buffer.
void FinishWord(std::string_view text, std::size_t i, std::size_t n,
                bool period, Token* t, TokenWriter* out) {
  constexpr std::size_t kShort = 48;
  const char* src = text.data() + i;
  alignas(8) char local[kShort + 8];
  if (i + ((n + 7) & ~std::size_t{7}) > text.size()) {
    // Eight-byte loads would run past the text: copy the word first.
    if (n > kShort) return FinishOtherWord(text.substr(i, n), period, t, out);
    std::memcpy(local, src, n);
    src = local;
  }
  char* dst = out->Room(n + 1);  // + 1: a period that may join
  std::uint64_t high = 0, lower = 0, h = kHashSeed ^ n, last = 0;
  int upper = 0;
  for (std::size_t k = 0; k < n; k += 8) {
    std::uint64_t x;
    std::memcpy(&x, src + k, 8);
    if (n - k < 8) x = LowBytes(x, n - k);  // zeros: neither upper nor lower
    high |= x;
    std::uint64_t up = AtLeast(x, 'A') & ~AtLeast(x, 'Z' + 1);
    lower |= AtLeast(x, 'a') & ~AtLeast(x, 'z' + 1);
    upper += static_cast<int>(((up >> 7) * kOnes) >> 56);  // bytes' sum
    x |= up >> 2;  // 0x80 >> 2 is the case bit 0x20
    std::memcpy(dst + k, &x, 8);
    if (n - k >= 8) {
      h = (h ^ x) * kHashMul;
      h ^= h >> 31;
    } else {
      last = x;
    }
  }
  if ((high & kHighs) != 0) {
    return FinishOtherWord(text.substr(i, n), period, t, out);
  }
  if (t->capitalized) t->all_caps = lower == 0 && upper >= 2;
  if (period && (IsKnownAbbreviation(std::string_view(dst, n)) ||
                 IsInitials(std::string_view(dst, n)))) {
    t->end += 1;
    dst[n++] = '.';
    t->hash = HashAt(dst, n);
  } else if constexpr (std::endian::native != std::endian::little) {
    t->hash = HashFolded(std::string_view(dst, n));
  } else {
    t->hash = Mix(h ^ last);
  }
  out->Commit(t, n);
}

}  // namespace

namespace {

constexpr std::array<std::string_view, 52> kAbbreviations = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "adm",
    "sgt", "sen", "rep", "gov", "amb", "pres", "prof", "rev", "st", "jr",
    "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "cmdr", "brig",
    "cpl", "pvt", "lieut"};

// A word of up to eight bytes packed into an integer, its first byte
// lowest (as an eight-byte load reads it). No abbreviation holds a zero
// byte, so words of different lengths differ.
constexpr std::uint64_t Pack(std::string_view s) {
  std::uint64_t v = 0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    v |= std::uint64_t{static_cast<unsigned char>(s[k])} << (8 * k);
  }
  return v;
}

// The abbreviations by a perfect hash of their packed form: one probe
// instead of a search of the list, for every word before a period.
// `multiplier` is the first of a fixed sequence of odd numbers under which
// the words' products land in different slots of 256 (by their top byte);
// slot s holds 1 + the index of its word in kAbbreviations, or 0, whose
// packed form is one no word of two to five bytes has.
struct AbbreviationTable {
  std::uint64_t multiplier = 0;
  std::array<std::uint8_t, 256> slots{};
  std::array<std::uint64_t, kAbbreviations.size() + 1> packed{~0ULL};
};

constexpr AbbreviationTable MakeAbbreviationTable() {
  AbbreviationTable t;
  for (std::uint64_t m = 0x9E3779B97F4A7C15ULL;;
       m = (m * 6364136223846793005ULL + 1442695040888963407ULL) | 1) {
    t.multiplier = m;
    t.slots.fill(0);
    bool distinct = true;
    for (std::size_t i = 0; i < kAbbreviations.size() && distinct; ++i) {
      std::uint64_t v = Pack(kAbbreviations[i]);
      std::uint8_t& slot = t.slots[(v * m) >> 56];
      distinct = slot == 0;
      slot = static_cast<std::uint8_t>(i + 1);
      t.packed[i + 1] = v;
    }
    if (distinct) return t;
  }
}

constexpr AbbreviationTable kAbbreviationTable = MakeAbbreviationTable();

// IsKnownAbbreviation of a word of two to five bytes packed by Pack (or
// read by an eight-byte load and masked to its length).
bool IsPackedAbbreviation(std::uint64_t v) {
  const AbbreviationTable& t = kAbbreviationTable;
  return t.packed[t.slots[(v * t.multiplier) >> 56]] == v;
}

}  // namespace

bool IsKnownAbbreviation(std::string_view w) {
  const std::size_t n = w.size();
  if (n < 2 || n > 5) return false;  // "mr" .. "thurs"
  // Pack(w) by two loads that overlap, of two bytes (n < 4) or four, the
  // second shifted to end at byte n: the bytes both read are the same.
  const char* p = w.data();
  std::uint64_t v;
  if (n < 4) {
    std::uint16_t lo, hi;
    std::memcpy(&lo, p, 2);
    std::memcpy(&hi, p + n - 2, 2);
    v = lo | std::uint64_t{hi} << (8 * (n - 2));
  } else {
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    v = lo | std::uint64_t{hi} << (8 * (n - 4));
  }
  if constexpr (std::endian::native != std::endian::little) v = Pack(w);
  return IsPackedAbbreviation(v);
}

namespace {

// 0x80 in each byte of x that is not an ASCII letter or digit. (Inlined:
// it is a few instructions, on the path of every word.)
[[gnu::always_inline]] inline std::uint64_t NotAsciiWordBytes(
    std::uint64_t x) {
  std::uint64_t high = x & kHighs;
  std::uint64_t y = x & ~kHighs;  // below 0x80: AtLeast applies
  std::uint64_t digit = AtLeast(y, '0') & ~AtLeast(y, '9' + 1);
  std::uint64_t z = y | (kOnes * 0x20);  // upper case to lower case
  std::uint64_t letter = AtLeast(z, 'a') & ~AtLeast(z, 'z' + 1);
  return (~(digit | letter) & kHighs) | high;
}

// The end of the run of ASCII letters and digits from p[j], within end:
// eight bytes at a time while they fit.
std::size_t AsciiRunEnd(const char* p, std::size_t j, std::size_t end) {
  if constexpr (std::endian::native == std::endian::little) {
    for (; j + 8 <= end; j += 8) {
      std::uint64_t x;
      std::memcpy(&x, p + j, 8);
      if (std::uint64_t m = NotAsciiWordBytes(x); m != 0) {
        return j + (static_cast<std::size_t>(std::countr_zero(m)) >> 3);
      }
    }
  }
  while (j < end &&
         (kByteClasses[static_cast<unsigned char>(p[j])] & kAsciiWordByte)) {
    ++j;
  }
  return j;
}

bool IsSOrCapitalS(char c) { return c == 's' || c == 'S'; }

const std::uint64_t kPossessiveHash = HashFolded("'s");

// Whether "'s" or "'S" at f (in the lower-cased copy of a sentence, which
// ends in zero bytes) is a possessive: a word byte does not follow.
bool IsPossessiveAt(const char* f) {
  return f[0] == '\'' && f[1] == 's' &&
         !(kByteClasses[static_cast<unsigned char>(f[2])] & kWordByte);
}

// Tokens are made in a per-thread array that fits any sentence of up to
// kScratchBytes (there are at most as many tokens as bytes), without a
// capacity check each; the list then gets them in one exact allocation.
constexpr std::size_t kScratchBytes = std::size_t{1} << 16;

// The short path takes sentences of up to kShortPathBytes, whose marks
// of word bytes (LowerAndMarkBreaks, a byte for each byte) fit on the
// stack; the rare longer ones take the general path, which makes the same
// tokens.
constexpr std::size_t kShortPathBytes = std::size_t{1} << 13;

// Bytes of the marks LowerAndMarkBreaks writes for n bytes of text: whole
// sixteen-byte blocks, and eight bytes after them, which RunLength's
// eight-byte loads may reach.
constexpr std::size_t BreakMarksBytes(std::size_t n) {
  return (n + 15) / 16 * 16 + 8;
}

// Copies src[0, n) to dst with ASCII upper-case letters lower-cased (every
// other byte as it is): the folded form of a plain ASCII word is then its
// own span of the copy. Sets breaks[k] to 0xFF when dst[k] is not an
// ASCII letter or digit and to 0 when it is, so that the end of a word is
// found by one count of the zero bits of an eight-byte load (a bit string
// took a shift and more to read at any bit); the marks at and after n are
// 0xFF. dst must hold 16 zero bytes after n, `breaks` BreakMarksBytes(n)
// bytes.
//
// Sixteen bytes at a time where SSE2 is there (it is on every x86-64),
// each range test one signed comparison: adding 0x80 - 'A' moves 'A'..'Z'
// to the bottom of the signed range, where nothing else lands (bytes of
// 0x80 and above read as negative and move up).
void LowerAndMarkBreaks(const char* src, std::size_t n, char* dst,
                        unsigned char* breaks) {
  std::size_t k = 0;
#if defined(__SSE2__)
  auto in_range = [](__m128i x, char first, char last) {
    const auto shift = static_cast<char>(0x80 - first);
    const auto bound = static_cast<char>(-0x80 + (last - first + 1));
    return _mm_cmpgt_epi8(_mm_set1_epi8(bound),
                          _mm_add_epi8(x, _mm_set1_epi8(shift)));
  };
  // The letters of x, either case: the bytes whose x | 0x20 is in 'a'..'z'
  // (one range test for both cases).
  auto letters16 = [&](__m128i x) {
    return in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z');
  };
  // x lower-cased: the case bit set in its letters.
  auto lower16 = [&](__m128i x, __m128i letters) {
    return _mm_or_si128(x, _mm_and_si128(letters, _mm_set1_epi8(0x20)));
  };
  // The marks of sixteen bytes at `at`: 0xFF where neither a letter nor a
  // digit is.
  auto mark16 = [&](__m128i x, __m128i letters, std::size_t at) {
    __m128i words = _mm_or_si128(letters, in_range(x, '0', '9'));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(breaks + at),
                     _mm_andnot_si128(words, _mm_set1_epi8(-1)));
  };
  auto lower_and_mark16 = [&](__m128i x, std::size_t at) {
    __m128i letters = letters16(x);
    mark16(x, letters, at);
    return lower16(x, letters);
  };
  for (; k + 16 <= n; k += 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + k));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + k),
                     lower_and_mark16(x, k));
  }
  if (k < n) {
    if (n >= 16) {
      // The last sixteen bytes again, overlapping: lower-casing is the
      // same whichever block a byte is read in.
      __m128i x =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + n - 16));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + n - 16),
                       lower16(x, letters16(x)));
    } else {
      for (std::size_t j = 0; j < n; ++j) {
        char c = src[j];
        dst[j] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
      }
    }
    // The last block's marks from the copy, whose zeros after n are
    // breaks.
    __m128i copy = _mm_loadu_si128(reinterpret_cast<const __m128i*>(dst + k));
    mark16(copy, letters16(copy), k);
    k += 16;
  }
#else
  for (; k < n; k += 16) {
    for (std::size_t j = k; j < k + 16; ++j) {
      char c = j < n ? src[j] : '\0';
      if (j < n) {
        dst[j] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
      }
      bool word =
          (kByteClasses[static_cast<unsigned char>(c)] & kAsciiWordByte) != 0;
      breaks[j] = word ? 0 : 0xFF;
    }
  }
#endif
  std::memset(breaks + k, 0xFF, 8);
}

// The length of the word of ASCII letters and digits at byte `at` of a
// sentence: the zero marks of `breaks` (LowerAndMarkBreaks's) up to the
// next 0xFF; one eight-byte load for a word of up to seven bytes.
std::size_t RunLength(const unsigned char* breaks, std::size_t at) {
  std::size_t k = at;
  std::uint64_t marks;
  while ((marks = Load8(reinterpret_cast<const char*>(breaks + k))) == 0) {
    k += 8;
  }
  // (The count as unsigned: no sign extension.)
  return k - at + static_cast<unsigned>(std::countr_zero(marks)) / 8;
}

// One sentence being tokenized: the text, the tokens made so far and where
// their folded forms go.
struct Scan {
  std::string_view text;
  std::size_t end;
  Token* out;
  std::size_t n;  // tokens made
  TokenWriter* folded;
  // The short path's copy and bits of text[begin, end) (ScanJoined).
  const char* lower = nullptr;
  const unsigned char* breaks = nullptr;
  std::size_t begin = 0;
};

// The general path: makes the token that starts at text[i] (i is not a
// space) and returns where the next one may begin. It handles everything:
// joined words ("al-Qaeda", "U.S.", "d’Ivoire"), possessives, non-ASCII
// letters and punctuation, abbreviations.
[[gnu::noinline]] std::size_t ScanToken(Scan& s, std::size_t i) {
  std::string_view text = s.text;
  const std::size_t end = s.end;
  const char* p = text.data();
  Token* out = s.out;
  unsigned char c = static_cast<unsigned char>(p[i]);
  std::uint8_t cls = kByteClasses[c];
  std::size_t plen = c >= 0x80 ? PunctuationLength(text, i) : 0;
  if (plen > 0 || !(cls & kWordByte)) {
    std::size_t alen;
    // "'s" after a word: possessive token. (An apostrophe is ' or starts
    // with 0xE2: other punctuation skips the call.)
    if ((c == '\'' || c == 0xE2) && IsApostropheAt(text, i, &alen) &&
        s.n > 0 && out[s.n - 1].is_word && out[s.n - 1].end == i &&
        i + alen < end && IsSOrCapitalS(p[i + alen]) &&
        (i + alen + 1 >= end ||
         !IsWordByte(static_cast<unsigned char>(p[i + alen + 1])))) {
      Token& t = out[s.n++];
      t = Token{};
      t.start = i;
      t.end = i + alen + 1;
      s.folded->Append(&t, "'s");
      t.hash = kPossessiveHash;
      t.is_word = true;
      return i + alen + 1;
    }
    std::size_t len = plen > 0 ? plen : 1;
    Token& t = out[s.n++];
    t = Token{};
    t.start = i;
    t.end = i + len;
    if (c < 0x80) {  // len == 1: ASCII punctuation folds to itself
      *s.folded->Room(1) = static_cast<char>(c);
      s.folded->Commit(&t, 1);
      t.hash = HashFolded(t.folded);
    } else {
      s.folded->Append(&t, FoldWord(text.substr(i, len)));
      t.hash = HashFolded(t.folded);
    }
    return i + len;
  }
  // Most of a word is ASCII letters and digits, which need no more tests
  // than AsciiRunEnd's.
  std::size_t j = (cls & kAsciiWordByte) ? AsciiRunEnd(p, i + 1, end) : i;
  while (j < end) {
    unsigned char d = static_cast<unsigned char>(p[j]);
    std::uint8_t dcls = kByteClasses[d];
    if (dcls & kSpaceByte) break;
    if (dcls & kAsciiWordByte) {
      j = AsciiRunEnd(p, j + 1, end);
      continue;
    }
    if (d >= 0x80 && PunctuationLength(text, j) > 0) {
      std::size_t alen;
      // A typographic apostrophe inside a word ("d’Ivoire") joins it,
      // unless it starts a possessive.
      if (IsApostropheAt(text, j, &alen) && j + alen < end &&
          IsWordByte(static_cast<unsigned char>(p[j + alen])) &&
          !(IsSOrCapitalS(p[j + alen]) &&
            (j + alen + 1 >= end ||
             !IsWordByte(static_cast<unsigned char>(p[j + alen + 1]))))) {
        j += alen;
        continue;
      }
      break;
    }
    if (d >= 0x80) {
      std::size_t len;
      DecodeAt(text, j, &len);
      j += len;  // a whole letter, never part of one
      continue;
    }
    bool joiner = d == '-' || d == '.' || d == '\'';
    if (joiner && j + 1 < end) {
      auto next = static_cast<unsigned char>(p[j + 1]);
      // (ASCII is never punctuation of PunctuationLength's.)
      if (IsWordByte(next) &&
          (next < 0x80 || PunctuationLength(text, j + 1) == 0)) {
        if (d == '\'' && IsSOrCapitalS(p[j + 1]) &&
            (j + 2 >= end ||
             !IsWordByte(static_cast<unsigned char>(p[j + 2])))) {
          break;  // possessive
        }
        ++j;
        continue;
      }
    }
    break;
  }
  Token& t = out[s.n++];
  t = Token{};
  t.start = i;
  t.end = j;
  t.is_word = true;
  if (c < 0x80) {
    t.capitalized = c >= 'A' && c <= 'Z';
  } else {
    std::size_t len;
    t.capitalized = IsUpperLatin(DecodeAt(text, i, &len));
  }
  // A final period joins abbreviations and initials.
  FinishWord(text, i, j - i, j < end && p[j] == '.', &t, s.folded);
  return t.end;
}

// Whether the capitalised ASCII word text[i, e) is all caps: no lower-case
// letter, and an upper-case one after the first. (Most capitalised words
// end the loop at their second letter.)
bool AllCapsAfterFirst(const char* p, std::size_t i, std::size_t e) {
  bool more_upper = false;
  for (std::size_t k = i + 1; k < e; ++k) {
    std::uint8_t cls = kByteClasses[static_cast<unsigned char>(p[k])];
    if (cls & kLowerByte) return false;
    more_upper |= (cls & kUpperByte) != 0;
  }
  return more_upper;
}

// The length of the word at f, the lower-cased copy of sentence byte
// `at`, whose first k bytes are ASCII letters and digits and whose next
// byte may join more to it: runs of ASCII letters and digits joined by
// single '-', '.' or '\'' ("al-qaeda", "3.5", "d'ivoire", "u.s"), then a
// final period when the word is an abbreviation or initials, as the
// general path makes them. 0 when a non-ASCII byte may join: the general
// path makes those words.
std::size_t JoinedLength(const char* f, const unsigned char* breaks,
                         std::size_t at, std::size_t k) {
  for (;;) {
    auto d = static_cast<unsigned char>(f[k]);
    if (d >= 0x80) return 0;
    if (!(kByteClasses[d] & kMayJoinByte)) return k;
    auto next = static_cast<unsigned char>(f[k + 1]);
    if (kByteClasses[next] & kAsciiWordByte) {
      if (IsPossessiveAt(f + k)) return k;
      k += 1 + RunLength(breaks, at + k + 1);
      continue;
    }
    if (next >= 0x80) return 0;
    std::string_view word(f, k);
    if (d == '.' && (IsKnownAbbreviation(word) || IsInitials(word))) ++k;
    return k;
  }
}

// Makes *t the word at offset `at` of the sentence when it is ASCII
// letters and digits joined by '-', '.' or '\'' (JoinedLength) and
// returns its length and that of a space after it; 0 when the general
// path must make it. Out of the short path's loop: such words are few.
std::size_t JoinedWord(const char* sentence, const char* lower,
                       const unsigned char* breaks, std::size_t begin,
                       std::size_t at, Token* t) {
  const char* f = lower + at;
  std::size_t k = JoinedLength(f, breaks, at, RunLength(breaks, at));
  if (k == 0) return 0;
  t->start = begin + at;
  t->end = begin + at + k;
  t->folded = std::string_view(f, k);
  t->hash = HashAt(f, k);
  auto c = static_cast<unsigned char>(sentence[at]);
  t->capitalized = (kByteClasses[c] & kUpperByte) != 0;
  // (Joiners and a joined period are neither upper nor lower case.)
  t->all_caps = t->capitalized && AllCapsAfterFirst(sentence, at, at + k);
  t->is_word = true;
  return k + (f[k] == ' ');
}

// For the short path: makes the token at text[i] that it leaves, by
// JoinedWord when it is ASCII letters and digits joined by '-', '.' or
// '\'', else by ScanToken, and returns where the next one may begin.
// (One call in the short path's loop, as ScanToken alone was: a second
// costs the loop registers.)
[[gnu::noinline]] std::size_t ScanJoined(Scan& s, std::size_t i) {
  const std::size_t at = i - s.begin;
  if (kByteClasses[static_cast<unsigned char>(s.lower[at])] &
      kAsciiWordByte) {
    if (std::size_t k = JoinedWord(s.text.data() + s.begin, s.lower, s.breaks,
                                   s.begin, at, s.out + s.n)) {
      ++s.n;
      return i + k;
    }
  }
  return ScanToken(s, i);
}

template <bool kFast>
TokenList TokenizeRange(std::string_view text, std::size_t begin,
                        std::size_t end) {
  TokenList tokens;
  end = std::min(end, text.size());
  if (end <= begin) return tokens;
  std::size_t bytes = end - begin;
  // The short path's marks are on the stack, where their address needs no
  // register of its own.
  if (kFast && bytes > kShortPathBytes) {
    return TokenizeRange<false>(text, begin, end);
  }
  thread_local std::vector<Token> scratch;
  std::vector<Token> large;
  Token* out;
  if (bytes <= kScratchBytes) {
    if (scratch.size() < bytes) {
      scratch.resize(std::max(bytes, std::size_t{4096}));
    }
    out = scratch.data();
  } else {
    large.resize(bytes);
    out = large.data();
  }
  Scan s{text, end, out, 0, nullptr};
  // The buffer holds the lower-cased copy of the sentence (whose spans are
  // the folded forms of plain ASCII words and punctuation) and kSlack zero
  // bytes, then the folded forms the general path writes, which are never
  // longer than their spans.
  TokenWriter folded(2 * bytes + TokenWriter::kSlack, out, &s.n);
  s.folded = &folded;
  const char* sentence = text.data() + begin;
  char* lower = nullptr;
  alignas(16) unsigned char
      breaks[kFast ? BreakMarksBytes(kShortPathBytes) : 1];
  if (kFast) {
    lower = folded.Claim(bytes);
    LowerAndMarkBreaks(sentence, bytes, lower, breaks);
    s.lower = lower;
    s.breaks = breaks;
    s.begin = begin;
  }
  // HashFolded of each one-byte string, made at compile time (a static
  // made at run time costs every sentence a check of its guard).
  static constexpr std::array<std::uint64_t, 128> kByteHashes = [] {
    std::array<std::uint64_t, 128> h{};
    for (std::uint64_t b = 0; b < 128; ++b) h[b] = Mix(kHashSeed ^ 1 ^ b);
    return h;
  }();
    // The tokens made, `next` the place of the next one, in a local between
  // calls of the general path (which counts in s.n): stores to the tokens
  // cannot then be taken to change it.
  Token* next = out;
  std::size_t a = 0;  // offset in the sentence
  while (a < bytes) {
    auto c = static_cast<unsigned char>(sentence[a]);
    std::uint8_t cls = kByteClasses[c];
    if (kFast && (cls & kAsciiWordByte)) {
      // A run of ASCII letters and digits is a whole word, whose folded
      // form is its span of the copy, unless what follows may join it: a
      // non-ASCII byte (a letter, or a typographic apostrophe), or '-',
      // '.' or '\'' before a word byte. Those words are ScanJoined's.
      // (The copy's bytes after the sentence are zeros: they join nothing.)
      const char* f = lower + a;
      std::size_t k = RunLength(breaks, a);
      auto d = static_cast<unsigned char>(f[k]);
      bool period = false, joins = false;
      if (kByteClasses[d] & kMayJoinByte) {
        joins = d >= 0x80 ||
                ((kByteClasses[static_cast<unsigned char>(f[k + 1])] &
                  kWordByte) &&
                 !IsPossessiveAt(f + k));
        period = d == '.';
      }
      if (!joins) {
        std::size_t word = k;
        Token& t = *next;
        t.hash = HashAt(f, k);
        // A final period joins abbreviations and single initials (as
        // FinishWord decides; a run of letters is initials only alone).
        // (The word is hashed first, then again with its period: hashing
        // after the test costs the loop a register. The hash goes straight
        // to the token: held in a register, it was kept on the stack.)
        if (period && (k == 1 || (k <= 5 && IsPackedAbbreviation(
                                                LowBytes(Load8(f), k))))) {
          ++k;
          t.hash = HashAt(f, k);
        }
        t.start = begin + a;
        t.end = begin + a + k;
        t.folded = std::string_view(f, k);
        t.is_word = true;
        t.all_caps = false;
        t.capitalized = false;
        if (cls & kUpperByte) {
          t.capitalized = true;
          // Most capitalised words go on in lower case ("Biden"): their
          // second byte is a lower-case letter in the copy and the same
          // in the sentence. (The copy's byte after a word of one letter,
          // and after the sentence, is no letter: the sentence's is read
          // only within the word.)
          auto second = static_cast<unsigned char>(f[1]);
          if (!(kByteClasses[second] & kLowerByte) ||
              second != static_cast<unsigned char>(sentence[a + 1])) {
            t.all_caps = AllCapsAfterFirst(sentence, a, a + word);
          }
        }
        // Most words are followed by one space: step over it here rather
        // than in a turn of the loop of its own. (The copy ends in zeros.)
        a += k;
        a += lower[a] == ' ';
        // (Moved on last: the next token's address is not held through
        // the word's.)
        ++next;
        continue;
      }
    } else if (cls & kSpaceByte) {
      ++a;
      continue;
    } else if (kFast && c < 0x80 && !(cls & kWordByte)) {
      // ASCII punctuation is a token of its own, folded to itself, but for
      // the apostrophe of a possessive "'s" right after a word.
      // (Every field is set below: no zeroing of the whole token first.)
      Token& t = *next;
      t.start = begin + a;
      t.capitalized = false;
      t.all_caps = false;
      std::size_t len = 1;
      if (c == '\'' && IsPossessiveAt(lower + a) && next != out &&
          next[-1].is_word && next[-1].end == begin + a) {
        len = 2;
        t.hash = kPossessiveHash;
        t.is_word = true;
      } else {
        t.hash = kByteHashes[c];
        t.is_word = false;
      }
      t.end = begin + a + len;
      t.folded = std::string_view(lower + a, len);
      a += len + (lower[a + len] == ' ');
      ++next;
      continue;
    }
    s.n = static_cast<std::size_t>(next - out);
    a = (kFast ? ScanJoined(s, begin + a) : ScanToken(s, begin + a)) - begin;
    next = out + s.n;
  }
  std::size_t n = static_cast<std::size_t>(next - out);
  tokens.assign(out, out + n);
  folded.GiveTo(&tokens);
  return tokens;
}

}  // namespace

TokenList Tokenize(std::string_view text, std::size_t begin,
                   std::size_t end) {
  return TokenizeRange<true>(text, begin, end);
}

TokenList TokenizeByGeneralPath(std::string_view text, std::size_t begin,
                                std::size_t end) {
  return TokenizeRange<false>(text, begin, end);
}

std::vector<std::string> FoldPhrase(std::string_view phrase) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(phrase, 0, phrase.size())) {
    out.emplace_back(t.folded);
  }
  return out;
}

}  // namespace entente
