// A fast JSON scanner for large, plain, well-formed input (graph.json).
//
// It calls a RapidJSON SAX handler (Null, Bool, Int, Uint, Int64, Uint64,
// String, StartObject, Key, EndObject, StartArray, EndArray) exactly as
// rapidjson::Reader with kParseDefaultFlags would, strings pointing into
// the text when they have no escapes. It is about three times faster than
// the Reader on our files because it reads from a plain byte range, finds
// string ends eight bytes at a time, and never copies unescaped strings.
// A handler with a FastElements() method may read runs of array elements
// itself (see Run()).
//
// It handles only what it can decide alone: integers in the 64-bit
// ranges, strings with valid escapes, true/false/null. On anything else (a
// syntax error, a fraction or exponent, a byte-order mark, a surrogate
// escape that is not a valid pair...) Scan() returns false, having called
// the handler for a prefix of the text; the caller then discards what the
// handler built and parses with rapidjson::Reader, which gives the
// result, or the error message, of record.
#ifndef ENTENTE_EXPORT_JSON_FAST_SCAN_H_
#define ENTENTE_EXPORT_JSON_FAST_SCAN_H_

#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace entente {

template <typename Handler>
class JsonFastScanner {
 public:
  JsonFastScanner(std::string_view text, Handler* handler)
      : p_(text.data()), end_(text.data() + text.size()), h_(*handler) {}

  // True when the whole text was scanned (and is valid JSON).
  bool Scan() { return Run(false, nullptr); }

  // The text starts with the first element of an array: scans elements up
  // to the array's closing bracket (and no further) and sets `*close` to
  // it. The handler sees no EndArray for it.
  bool ScanElements(const char** close) { return Run(true, close); }

  // Scan() will call `resume()` when it reaches `comma` after a value; if
  // that returns a position (of a closing bracket) it goes on from there,
  // skipping what lies between (read by someone else), else it goes on.
  template <typename Resume>
  void SplitAt(const char* comma, Resume resume) {
    split_ = comma;
    resume_ = std::move(resume);
  }

 private:
  char Peek() const { return p_ < end_ ? *p_ : '\0'; }
  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' ||
                         *p_ == '\t')) {
      ++p_;
    }
  }
  bool Literal(const char* word, std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n ||
        std::memcmp(p_, word, n) != 0) {
      return false;
    }
    p_ += n;
    return true;
  }
  // At the opening quote: the string's text, unescaped, in `*out`.
  bool String(std::string_view* out);
  bool Escaped(const char* begin, std::string_view* out);
  bool Hex4(unsigned* code);
  bool Number();
  bool Scalar();

  bool Run(bool elements, const char** close);

  const char* p_;
  const char* end_;
  Handler& h_;
  const char* split_ = nullptr;
  std::function<const char*()> resume_;
  std::string scratch_;  // unescaped strings
};

template <typename Handler>
bool JsonFastScanner<Handler>::Run(bool elements, const char** close) {
  std::vector<char> in_object;  // the open containers: 1 an object
  if (elements) in_object.push_back(0);
  SkipSpace();
value:
  // A handler may read a run of array elements itself (a faster reader for
  // a layout it knows); it stops at `split_`, and returns where it stopped:
  // after an element (`*after`), or at the start of one it leaves to us.
  if constexpr (requires(Handler& h, const char* c, bool* b) {
                  h.FastElements(c, c, c, b);
                }) {
    if (!in_object.empty() && !in_object.back()) {
      bool after = false;
      p_ = h_.FastElements(p_, end_, split_, &after);
      if (after) goto after_value;
    }
  }
  switch (Peek()) {
    case '{':
      ++p_;
      h_.StartObject();
      SkipSpace();
      if (Peek() == '}') {
        ++p_;
        h_.EndObject(0);
        goto after_value;
      }
      in_object.push_back(1);
      goto key;
    case '[':
      ++p_;
      h_.StartArray();
      SkipSpace();
      if (Peek() == ']') {
        ++p_;
        h_.EndArray(0);
        goto after_value;
      }
      in_object.push_back(0);
      goto value;
    default:
      if (!Scalar()) return false;
      goto after_value;
  }
key: {
  std::string_view k;
  if (Peek() != '"' || !String(&k)) return false;
  h_.Key(k.data(), static_cast<unsigned>(k.size()), true);
  SkipSpace();
  if (Peek() != ':') return false;
  ++p_;
  SkipSpace();
  goto value;
}
after_value:
  SkipSpace();
  if (in_object.empty()) return p_ == end_;
  if (p_ == split_) {
    if (const char* resume = resume_()) {
      p_ = resume;
      goto after_value;
    }
  }
  if (Peek() == ',') {
    ++p_;
    SkipSpace();
    if (in_object.back()) goto key;
    goto value;
  }
  if (Peek() == (in_object.back() ? '}' : ']')) {
    if (elements && in_object.size() == 1) {
      *close = p_;
      return true;
    }
    ++p_;
    if (in_object.back()) {
      h_.EndObject(0);
    } else {
      h_.EndArray(0);
    }
    in_object.pop_back();
    goto after_value;
  }
  return false;
}

template <typename Handler>
bool JsonFastScanner<Handler>::Scalar() {
  switch (Peek()) {
    case '"': {
      std::string_view s;
      if (!String(&s)) return false;
      h_.String(s.data(), static_cast<unsigned>(s.size()), true);
      return true;
    }
    case 'n':
      return Literal("null", 4) && (h_.Null(), true);
    case 't':
      return Literal("true", 4) && (h_.Bool(true), true);
    case 'f':
      return Literal("false", 5) && (h_.Bool(false), true);
    default:
      return Number();
  }
}

template <typename Handler>
bool JsonFastScanner<Handler>::String(std::string_view* out) {
  const char* begin = ++p_;
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  // Eight bytes at a time to the first quote, backslash or control
  // character (the "has a byte less than n" bit trick; its lowest flagged
  // byte is exact, little-endian).
  while (end_ - p_ >= 8) {
    std::uint64_t v;
    std::memcpy(&v, p_, 8);
    std::uint64_t quote = v ^ (kOnes * '"');
    std::uint64_t slash = v ^ (kOnes * '\\');
    std::uint64_t stop = (((quote - kOnes) & ~quote) |
                          ((slash - kOnes) & ~slash) |
                          ((v - kOnes * 0x20) & ~v)) &
                         kHigh;
    if (stop == 0) {
      p_ += 8;
      continue;
    }
    if constexpr (std::endian::native == std::endian::little) {
      p_ += std::countr_zero(stop) / 8;
      if (*p_ == '"') {
        *out = std::string_view(begin, static_cast<std::size_t>(p_ - begin));
        ++p_;
        return true;
      }
    }
    break;
  }
  for (; p_ < end_; ++p_) {
    unsigned char c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      *out = std::string_view(begin, static_cast<std::size_t>(p_ - begin));
      ++p_;
      return true;
    }
    if (c == '\\') return Escaped(begin, out);
    if (c < 0x20) return false;
  }
  return false;
}

template <typename Handler>
bool JsonFastScanner<Handler>::Hex4(unsigned* code) {
  if (end_ - p_ < 4) return false;
  unsigned v = 0;
  for (int i = 0; i < 4; ++i) {
    char c = *p_++;
    v <<= 4;
    if (c >= '0' && c <= '9') {
      v |= static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      v |= static_cast<unsigned>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      v |= static_cast<unsigned>(c - 'A' + 10);
    } else {
      return false;
    }
  }
  *code = v;
  return true;
}

// At the first backslash of a string that started at `begin`.
template <typename Handler>
bool JsonFastScanner<Handler>::Escaped(const char* begin,
                                       std::string_view* out) {
  scratch_.assign(begin, p_);
  while (p_ < end_) {
    unsigned char c = static_cast<unsigned char>(*p_++);
    if (c == '"') {
      *out = scratch_;
      return true;
    }
    if (c < 0x20) return false;
    if (c != '\\') {
      scratch_.push_back(static_cast<char>(c));
      continue;
    }
    if (p_ == end_) return false;
    char e = *p_++;
    switch (e) {
      case '"': case '\\': case '/': scratch_.push_back(e); break;
      case 'b': scratch_.push_back('\b'); break;
      case 'f': scratch_.push_back('\f'); break;
      case 'n': scratch_.push_back('\n'); break;
      case 'r': scratch_.push_back('\r'); break;
      case 't': scratch_.push_back('\t'); break;
      case 'u': {
        unsigned code;
        if (!Hex4(&code)) return false;
        if (code >= 0xD800 && code <= 0xDFFF) {
          // Only a high surrogate followed by a low one.
          unsigned low;
          if (code > 0xDBFF || end_ - p_ < 2 || p_[0] != '\\' ||
              p_[1] != 'u') {
            return false;
          }
          p_ += 2;
          if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
          code = (((code - 0xD800) << 10) | (low - 0xDC00)) + 0x10000;
        }
        // UTF-8.
        if (code < 0x80) {
          scratch_.push_back(static_cast<char>(code));
        } else if (code < 0x800) {
          scratch_.push_back(static_cast<char>(0xC0 | (code >> 6)));
          scratch_.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else if (code < 0x10000) {
          scratch_.push_back(static_cast<char>(0xE0 | (code >> 12)));
          scratch_.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
          scratch_.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else {
          scratch_.push_back(static_cast<char>(0xF0 | (code >> 18)));
          scratch_.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
          scratch_.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
          scratch_.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        }
        break;
      }
      default:
        return false;
    }
  }
  return false;
}

// Integers only, as rapidjson::Reader reports them: Int or Uint when they
// fit 32 bits, else Int64 or Uint64. Anything a double would hold goes to
// the Reader.
template <typename Handler>
bool JsonFastScanner<Handler>::Number() {
  bool minus = Peek() == '-';
  if (minus) ++p_;
  char c = Peek();
  if (c < '0' || c > '9') return false;
  std::uint64_t v = 0;
  if (c == '0') {
    ++p_;
  } else {
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') {
      unsigned d = static_cast<unsigned>(*p_ - '0');
      if (v > (UINT64_MAX - d) / 10) return false;  // a double
      v = v * 10 + d;
      ++p_;
    }
  }
  c = Peek();
  if (c == '.' || c == 'e' || c == 'E') return false;
  if (!minus) {
    if (v <= UINT32_MAX) {
      h_.Uint(static_cast<unsigned>(v));
    } else {
      h_.Uint64(v);
    }
    return true;
  }
  if (v <= 0x80000000ull) {
    h_.Int(static_cast<int>(-static_cast<std::int64_t>(v)));
  } else if (v <= 0x8000000000000000ull) {
    h_.Int64(static_cast<std::int64_t>(~v + 1));
  } else {
    return false;  // a double
  }
  return true;
}

}  // namespace entente

#endif  // ENTENTE_EXPORT_JSON_FAST_SCAN_H_
