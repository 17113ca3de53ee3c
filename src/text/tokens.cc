// A hand-written scanner: letters, digits and non-ASCII bytes form words;
// '-', '.', and apostrophes join word characters on both sides; a final
// period joins a word that is a known abbreviation or a run of initials
// ("U.S."); "'s" after a word is its own token. Everything else that is not
// space is a one-character punctuation token.
#include "text/tokens.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"

namespace entente {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

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
// only lower-cased.
void FoldInto(std::string_view w, std::string* out) {
  unsigned char high = 0;
  for (char c : w) high |= static_cast<unsigned char>(c);
  if (high >= 0x80) {
    *out = FoldWord(w);
    return;
  }
  out->assign(w.data(), w.size());
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
}

}  // namespace

bool IsKnownAbbreviation(std::string_view w) {
  static constexpr std::array<std::string_view, 48> kAbbrev = {
      "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "adm",
      "sgt", "sen", "rep", "gov", "amb", "pres", "prof", "rev", "st", "jr",
      "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb",
      "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "cmdr"};
  return std::find(kAbbrev.begin(), kAbbrev.end(), w) != kAbbrev.end();
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
        t.is_word = true;
        i += alen + 1;
        continue;
      }
      std::size_t len = plen > 0 ? plen : 1;
      Token& t = tokens.emplace_back();
      t.start = i;
      t.end = i + len;
      FoldInto(text.substr(i, len), &t.folded);
      i += len;
      continue;
    }
    std::size_t j = i;
    while (j < end) {
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
    FoldInto(text.substr(i, j - i), &t.folded);
    t.is_word = true;
    if (c < 0x80) {
      t.capitalized = c >= 'A' && c <= 'Z';
    } else {
      std::size_t len;
      t.capitalized = IsUpperLatin(DecodeAt(text, i, &len));
    }
    if (t.capitalized) {
      int letters = 0;
      bool lower = false;
      for (std::size_t k = i; k < j; ++k) {
        char ch = text[k];
        if (ch >= 'a' && ch <= 'z') lower = true;
        if ((ch >= 'A' && ch <= 'Z')) ++letters;
      }
      t.all_caps = !lower && letters >= 2;
    }
    // A final period joins abbreviations and initials.
    if (j < end && text[j] == '.' &&
        (IsKnownAbbreviation(t.folded) || IsInitials(t.folded))) {
      t.folded.push_back('.');
      t.end = j + 1;
      j += 1;
    }
    i = j;
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
