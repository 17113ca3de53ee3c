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
bool IsSpace(unsigned char c) { return kByteClasses[c] & kSpaceByte; }

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

// FoldWord into `out`, reusing its buffer; plain ASCII (most words) is
// only lower-cased, in the same pass that looks for non-ASCII bytes.
void FoldInto(std::string_view w, std::string* out) {
  out->resize(w.size());
  char* o = out->data();
  unsigned char high = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto c = static_cast<unsigned char>(w[i]);
    high |= c;
    o[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  if (high >= 0x80) *out = FoldWord(w);
}

std::uint64_t Mix(std::uint64_t h) {
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ULL;
  h ^= h >> 32;
  return h;
}

}  // namespace

// Eight bytes at a time: folded words are short, so this is a few
// multiplications. (HashPadded below must compute the same value.)
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

namespace {

// HashFolded(std::string_view(p, n)) when p[n, n + 8) are zero bytes: the
// last partial block is one load instead of a loop over its bytes.
std::uint64_t HashPadded(const char* p, std::size_t n) {
  if constexpr (std::endian::native != std::endian::little) {
    return HashFolded(std::string_view(p, n));
  } else {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t v;
      std::memcpy(&v, p + i, 8);
      h = (h ^ v) * 0xBF58476D1CE4E5B9ULL;
      h ^= h >> 31;
    }
    std::uint64_t v;
    std::memcpy(&v, p + i, 8);
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

// Folds and hashes the word token `t` spanning `w` and marks it all-caps;
// `period`: a period follows, which joins an abbreviation or initials.
// Plain ASCII words (almost all) are lower-cased eight bytes at a time in
// a buffer on the stack, then copied once into the token; others go
// through FoldWord.
void FinishWord(std::string_view w, bool period, Token* t) {
  constexpr std::size_t kShort = 48;
  alignas(8) char buf[kShort + 16];
  int upper = 0;
  std::uint64_t lower = 0;
  bool ascii = w.size() <= kShort;
  if (ascii) {
    std::memcpy(buf, w.data(), w.size());
    std::memset(buf + w.size(), 0, 8);  // zeros are neither upper nor lower
    std::uint64_t high = 0;
    for (std::size_t k = 0; k < w.size(); k += 8) {
      std::uint64_t x;
      std::memcpy(&x, buf + k, 8);
      high |= x;
      std::uint64_t up = AtLeast(x, 'A') & ~AtLeast(x, 'Z' + 1);
      lower |= AtLeast(x, 'a') & ~AtLeast(x, 'z' + 1);
      upper += static_cast<int>(((up >> 7) * kOnes) >> 56);  // bytes' sum
      x |= up >> 2;  // 0x80 >> 2 is the case bit 0x20
      std::memcpy(buf + k, &x, 8);
    }
    ascii = (high & kHighs) == 0;
  }
  if (!ascii) {
    upper = 0;
    lower = 0;
    for (char ch : w) {
      std::uint8_t cls = kByteClasses[static_cast<unsigned char>(ch)];
      upper += (cls & kUpperByte) != 0;
      lower |= cls & kLowerByte;
    }
    t->folded = FoldWord(w);
  }
  if (t->capitalized) t->all_caps = lower == 0 && upper >= 2;
  std::size_t n = w.size();
  std::string_view folded = ascii ? std::string_view(buf, n) : t->folded;
  if (period && (IsKnownAbbreviation(folded) || IsInitials(folded))) {
    t->end += 1;
    if (ascii) {
      buf[n++] = '.';
    } else {
      t->folded.push_back('.');
    }
  }
  if (!ascii) {
    t->hash = HashFolded(t->folded);
    return;
  }
  std::memset(buf + n, 0, 8);
  t->folded.append(buf, n);  // folded is empty: append is the cheap copy
  t->hash = HashPadded(buf, n);
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

std::vector<Token> Tokenize(std::string_view text, std::size_t begin,
                            std::size_t end) {
  std::vector<Token> tokens;
  std::size_t i = begin;
  end = std::min(end, text.size());
  // News averages over five bytes a token: one allocation per sentence.
  if (end > begin) tokens.reserve((end - begin) / 4 + 4);
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (std::size_t plen = c >= 0x80 ? PunctuationLength(text, i) : 0;
        plen > 0 || !IsWordByte(c)) {
      std::size_t alen;
      // "'s" after a word: possessive token.
      if (IsApostropheAt(text, i, &alen) && !tokens.empty() &&
          tokens.back().is_word && tokens.back().end == i &&
          i + alen < end && (text[i + alen] == 's' || text[i + alen] == 'S') &&
          (i + alen + 1 >= end || !IsWordByte(static_cast<unsigned char>(
                                      text[i + alen + 1])))) {
        Token& t = tokens.emplace_back();
        t.start = i;
        t.end = i + alen + 1;
        t.folded = "'s";
        t.hash = HashFolded(t.folded);
        t.is_word = true;
        i += alen + 1;
        continue;
      }
      std::size_t len = plen > 0 ? plen : 1;
      Token& t = tokens.emplace_back();
      t.start = i;
      t.end = i + len;
      FoldInto(text.substr(i, len), &t.folded);
      t.hash = HashFolded(t.folded);
      i += len;
      continue;
    }
    std::size_t j = i;
    const char* p = text.data();
    while (j < end) {
      // Most of a word is ASCII letters and digits, which need no more
      // tests than this loop's.
      while (j < end && (kByteClasses[static_cast<unsigned char>(p[j])] &
                         kAsciiWordByte)) {
        ++j;
      }
      if (j == end) break;
      unsigned char d = static_cast<unsigned char>(text[j]);
      if (d >= 0x80 && PunctuationLength(text, j) > 0) {
        std::size_t alen;
        // A typographic apostrophe inside a word ("d’Ivoire") joins it,
        // unless it starts a possessive.
        if (IsApostropheAt(text, j, &alen) && j + alen < end &&
            IsWordByte(static_cast<unsigned char>(text[j + alen])) &&
            !((text[j + alen] == 's' || text[j + alen] == 'S') &&
              (j + alen + 1 >= end ||
               !IsWordByte(static_cast<unsigned char>(text[j + alen + 1]))))) {
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
      if (IsWordByte(d)) {
        ++j;
        continue;
      }
      bool joiner = d == '-' || d == '.' || d == '\'';
      if (joiner && j + 1 < end &&
          IsWordByte(static_cast<unsigned char>(text[j + 1])) &&
          PunctuationLength(text, j + 1) == 0) {
        if (d == '\'' && (text[j + 1] == 's' || text[j + 1] == 'S') &&
            (j + 2 >= end ||
             !IsWordByte(static_cast<unsigned char>(text[j + 2])))) {
          break;  // possessive
        }
        ++j;
        continue;
      }
      break;
    }
    Token& t = tokens.emplace_back();
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
    FinishWord(text.substr(i, j - i), j < end && text[j] == '.', &t);
    i = t.end;
  }
  return tokens;
}

std::vector<std::string> FoldPhrase(std::string_view phrase) {
  std::vector<std::string> out;
  for (Token& t : Tokenize(phrase, 0, phrase.size())) {
    out.push_back(std::move(t.folded));
  }
  return out;
}

}  // namespace entente
