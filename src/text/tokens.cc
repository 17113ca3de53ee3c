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
};

constexpr std::array<std::uint8_t, 256> MakeByteClasses() {
  std::array<std::uint8_t, 256> c{};
  for (int b = 0; b < 256; ++b) {
    if (b >= 'a' && b <= 'z') c[b] = kWordByte | kAsciiWordByte | kLowerByte;
    if (b >= 'A' && b <= 'Z') c[b] = kWordByte | kAsciiWordByte | kUpperByte;
    if (b >= '0' && b <= '9') c[b] = kWordByte | kAsciiWordByte;
    if (b >= 0x80) c[b] = kWordByte;
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

std::uint64_t Mix(std::uint64_t h) {
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

// The low n bytes of x (n < 8).
std::uint64_t LowBytes(std::uint64_t x, std::size_t n) {
  return x & ((std::uint64_t{1} << (8 * n)) - 1);
}

// HashFolded(std::string_view(p, n)) when p may be read up to the next
// multiple of eight bytes: the last partial block is one masked load.
[[gnu::always_inline]] inline std::uint64_t HashAt(const char* p,
                                                   std::size_t n) {
  if constexpr (std::endian::native != std::endian::little) {
    return HashFolded(std::string_view(p, n));
  } else {
    std::uint64_t h = kHashSeed ^ n;
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

bool IsKnownAbbreviation(std::string_view w) {
  if (w.size() < 2 || w.size() > 5) return false;  // "mr" .. "thurs"
  static constexpr std::array<std::string_view, 52> kAbbrev = {
      "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "adm",
      "sgt", "sen", "rep", "gov", "amb", "pres", "prof", "rev", "st", "jr",
      "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb",
      "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "cmdr", "brig",
      "cpl", "pvt", "lieut"};
  // Each word packed into an integer (no word holds a zero byte, so words
  // of different lengths differ): integer comparisons, no memcmp.
  auto pack = [](std::string_view s) {
    std::uint64_t v = 0;
    for (std::size_t k = 0; k < s.size(); ++k) {
      v |= std::uint64_t{static_cast<unsigned char>(s[k])} << (8 * k);
    }
    return v;
  };
  static constexpr std::array<std::uint64_t, kAbbrev.size()> kPacked = [&] {
    std::array<std::uint64_t, kAbbrev.size()> p{};
    for (std::size_t i = 0; i < kAbbrev.size(); ++i) p[i] = pack(kAbbrev[i]);
    return p;
  }();
  return std::find(kPacked.begin(), kPacked.end(), pack(w)) != kPacked.end();
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

// Tokens are made in a per-thread array that fits any sentence of up to
// kScratchBytes (there are at most as many tokens as bytes), without a
// capacity check each; the list then gets them in one exact allocation.
constexpr std::size_t kScratchBytes = std::size_t{1} << 16;

// Copies src[0, n) to dst with ASCII upper-case letters lower-cased (every
// other byte as it is): the folded form of a plain ASCII word is then its
// own span of the copy. Sixteen bytes at a time where SSE2 is there (it is
// on every x86-64); signed compares leave the bytes of 0x80 and above,
// which read as negative, untouched.
void LowerAscii(const char* src, std::size_t n, char* dst) {
  std::size_t k = 0;
#if defined(__SSE2__)
  const __m128i after_at = _mm_set1_epi8('A' - 1);
  const __m128i after_z = _mm_set1_epi8('Z' + 1);
  const __m128i case_bit = _mm_set1_epi8(0x20);
  auto lower16 = [&](std::size_t at) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + at));
    __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(x, after_at),
                                  _mm_cmplt_epi8(x, after_z));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + at),
                     _mm_or_si128(x, _mm_and_si128(upper, case_bit)));
  };
  for (; k + 16 <= n; k += 16) lower16(k);
  // The last sixteen bytes again, overlapping: lower-casing is the same
  // whichever block a byte is read in.
  if (k < n && n >= 16) {
    lower16(n - 16);
    return;
  }
#endif
  for (; k < n; ++k) {
    char c = src[k];
    dst[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
  }
}

// One sentence being tokenized: the text, the tokens made so far and where
// their folded forms go.
struct Scan {
  std::string_view text;
  std::size_t end;
  Token* out;
  std::size_t n;  // tokens made
  TokenWriter* folded;
};

// The general path: makes the token that starts at text[i] (i is not a
// space) and returns where the next one may begin. It handles everything:
// joined words ("al-Qaeda", "U.S.", "d’Ivoire"), possessives, non-ASCII
// letters and punctuation, abbreviations.
std::size_t ScanToken(Scan& s, std::size_t i) {
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
      static const std::uint64_t kPossessive = HashFolded("'s");
      Token& t = out[s.n++];
      t = Token{};
      t.start = i;
      t.end = i + alen + 1;
      s.folded->Append(&t, "'s");
      t.hash = kPossessive;
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

// The end of the run of ASCII letters and digits from lower[k], in the
// lower-cased copy of a sentence, which ends in zero bytes (not letters):
// the run ends there at the latest, so no bound is needed. Sixteen bytes
// at a time where SSE2 is there.
std::size_t LowerRunEnd(const char* lower, std::size_t k) {
#if defined(__SSE2__)
  const __m128i after_a = _mm_set1_epi8('a' - 1);
  const __m128i after_z = _mm_set1_epi8('z' + 1);
  const __m128i after_0 = _mm_set1_epi8('0' - 1);
  const __m128i after_9 = _mm_set1_epi8('9' + 1);
  for (;; k += 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lower + k));
    __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(x, after_a),
                                   _mm_cmplt_epi8(x, after_z));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, after_0),
                                  _mm_cmplt_epi8(x, after_9));
    auto word = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(letter, digit)));
    if (word != 0xFFFF) return k + std::countr_one(word);
  }
#else
  while (kByteClasses[static_cast<unsigned char>(lower[k])] & kAsciiWordByte) {
    ++k;
  }
  return k;
#endif
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

TokenList TokenizeRange(std::string_view text, std::size_t begin,
                        std::size_t end, bool fast) {
  TokenList tokens;
  end = std::min(end, text.size());
  if (end <= begin) return tokens;
  std::size_t bytes = end - begin;
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
  char* lower = folded.Claim(bytes);
  LowerAscii(text.data() + begin, bytes, lower);
  const char* p = text.data();
  static const std::array<std::uint64_t, 128> kByteHashes = [] {
    std::array<std::uint64_t, 128> h{};
    for (int b = 0; b < 128; ++b) {
      char ch = static_cast<char>(b);
      h[static_cast<std::size_t>(b)] = HashFolded(std::string_view(&ch, 1));
    }
    return h;
  }();
  // The tokens made, in a local between calls of the general path (which
  // counts in s.n): stores to the tokens cannot then be taken to change it.
  std::size_t n = 0;
  std::size_t i = begin;
  while (i < end) {
    auto c = static_cast<unsigned char>(p[i]);
    std::uint8_t cls = kByteClasses[c];
    if (cls & kSpaceByte) {
      ++i;
      continue;
    }
    if (fast && (cls & kAsciiWordByte)) {
      // A run of ASCII letters and digits is a whole word, whose folded
      // form is its span of the copy, unless what follows may join it: a
      // non-ASCII byte (a letter, or a typographic apostrophe), or '-',
      // '.' or '\'' before a word byte. Those words take the general path.
      const char* f = lower + (i - begin);
      std::size_t k = LowerRunEnd(f, 1);
      bool period = false, simple = true;
      if (i + k < end) {
        auto d = static_cast<unsigned char>(f[k]);
        if (d >= 0x80) {
          simple = false;
        } else if (d == '-' || d == '.' || d == '\'') {
          // (The copy's bytes after the sentence are zeros: not words.)
          simple = !(kByteClasses[static_cast<unsigned char>(f[k + 1])] &
                     kWordByte);
          period = d == '.';
        }
      }
      if (simple) {
        std::size_t word_end = i + k;
        // A final period joins abbreviations and single initials (as
        // FinishWord decides; a run of letters is initials only alone).
        if (period &&
            (k == 1 || IsKnownAbbreviation(std::string_view(f, k)))) {
          ++k;
        }
        Token& t = out[n++];
        t.start = i;
        t.end = i + k;
        t.folded = std::string_view(f, k);
        t.hash = HashAt(f, k);
        t.capitalized = c >= 'A' && c <= 'Z';
        t.all_caps = t.capitalized && AllCapsAfterFirst(p, i, word_end);
        t.is_word = true;
        i += k;
        // Most words are followed by one space: step over it here rather
        // than in a turn of the loop of its own.
        if (i < end && p[i] == ' ') ++i;
        continue;
      }
    } else if (fast && c < 0x80 && c != '\'' && !(cls & kWordByte)) {
      // ASCII punctuation other than an apostrophe (which may start a
      // possessive) is a token of its own, folded to itself.
      Token& t = out[n++];
      t = Token{};
      t.start = i;
      t.end = i + 1;
      t.folded = std::string_view(lower + (i - begin), 1);
      t.hash = kByteHashes[c];
      ++i;
      continue;
    }
    s.n = n;
    i = ScanToken(s, i);
    n = s.n;
  }
  tokens.assign(out, out + n);
  folded.GiveTo(&tokens);
  return tokens;
}

}  // namespace

TokenList Tokenize(std::string_view text, std::size_t begin,
                   std::size_t end) {
  return TokenizeRange(text, begin, end, /*fast=*/true);
}

TokenList TokenizeByGeneralPath(std::string_view text, std::size_t begin,
                                std::size_t end) {
  return TokenizeRange(text, begin, end, /*fast=*/false);
}

std::vector<std::string> FoldPhrase(std::string_view phrase) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(phrase, 0, phrase.size())) {
    out.emplace_back(t.folded);
  }
  return out;
}

}  // namespace entente
