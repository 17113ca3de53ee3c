// UTF-8 validation follows RFC 3629's table of well-formed byte sequences.
// Folding maps the Latin-1 Supplement and Latin Extended-A letters (which
// cover the accents of European names in news) to ASCII through a table.
#include "core/utf8.h"

#include <algorithm>

namespace entente {
namespace {

// Base letters for U+00C0..U+017F; '\0' where there is none.
constexpr char kLatinFold[] =
    // U+00C0..U+017F, sixteen per row
    "aaaaaa\0ceeeeiiii"  // C0-CF
    "dnooooo\0ouuuuy\0\0"  // D0-DF
    "aaaaaa\0ceeeeiiii"  // E0-EF
    "dnooooo\0ouuuuy\0y"  // F0-FF
    "aaaaaaccccccccdd"  // 100-10F
    "ddeeeeeeeeeegggg"  // 110-11F
    "gggghhhhiiiiiiii"  // 120-12F
    "iiiijjkkklllllll"  // 130-13F
    "lllnnnnnnnnnoooo"  // 140-14F
    "oo\0\0rrrrrrssssss"  // 150-15F
    "ssttttttuuuuuuuu"  // 160-16F
    "uuuuwwyyyzzzzzzs";  // 170-17F

}  // namespace

char32_t DecodeAt(std::string_view s, std::size_t i, std::size_t* len) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  *len = 1;
  if (c < 0x80) return c;
  std::size_t n = 0;
  char32_t cp = 0, min = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 1, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 2, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 3, cp = c & 0x07, min = 0x10000;
  } else {
    return 0xFFFD;
  }
  for (std::size_t k = 1; k <= n; ++k) {
    if (i + k >= s.size() || (b(i + k) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0xFFFD;
  }
  *len = n + 1;
  return cp;
}

std::optional<std::size_t> FindInvalidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    char32_t cp = DecodeAt(text, i, &len);
    if (cp == 0xFFFD && len == 1) return i;
    i += len;
  }
  return std::nullopt;
}

std::size_t CountCodePoints(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  std::size_t count = 0;
  checkpoints_.reserve(text.size() / 256 + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % 256 == 0) checkpoints_.push_back(count);
    count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
}

std::size_t CodePointIndex::ToCodePoint(std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  std::size_t block = byte_offset / 256;
  if (block >= checkpoints_.size()) return CountCodePoints(text_);
  return checkpoints_[block] +
         CountCodePoints(text_.substr(block * 256, byte_offset - block * 256));
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string FoldWord(std::string_view word) {
  // Folding never lengthens a word (a two-byte letter gives at most two
  // ASCII letters; an apostrophe of three bytes gives one), so the output
  // is written straight into a buffer of the input's size.
  std::string out(word.size(), '\0');
  char* o = out.data();
  for (std::size_t i = 0; i < word.size();) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      *o++ = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
      continue;
    }
    std::size_t len;
    char32_t cp = DecodeAt(word, i, &len);
    const char* two = nullptr;
    if (cp == 0xC6 || cp == 0xE6) {
      two = "ae";
    } else if (cp == 0xDF) {
      two = "ss";
    } else if (cp == 0xDE || cp == 0xFE) {
      two = "th";
    } else if (cp == 0x152 || cp == 0x153) {
      two = "oe";
    }
    if (two != nullptr) {  // len == 2
      *o++ = two[0];
      *o++ = two[1];
    } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x2BC) {
      *o++ = '\'';
    } else if (cp >= 0xC0 && cp <= 0x17F && kLatinFold[cp - 0xC0] != '\0') {
      *o++ = kLatinFold[cp - 0xC0];
    } else {
      for (std::size_t k = 0; k < len; ++k) *o++ = word[i + k];
    }
    i += len;
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

}  // namespace entente
