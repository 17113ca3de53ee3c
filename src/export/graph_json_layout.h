// The layout of an edge as GraphToNodeLinkJson writes it, read without a
// general JSON parser.
//
// Nearly all of a large graph.json is its edges array, and every edge is
// written the same way: the same members in the same order, no spaces, no
// escapes in ids and dates. ReadLayoutEdge() matches that layout byte for
// byte (member names are compared as constants, strings are found sixteen
// bytes at a time) and keeps the values as views into the text. It accepts
// only text that is valid JSON and that the general reader would read the
// same way; anything else (spaces, another member order, an escape, a
// number that is not a small integer, a missing source...) makes it return
// false, and the caller reads that edge with the general scanner, which
// gives the result, or the error, of record.
#ifndef ENTENTE_EXPORT_GRAPH_JSON_LAYOUT_H_
#define ENTENTE_EXPORT_GRAPH_JSON_LAYOUT_H_

#include <cstdint>
#include <cstring>
#include <string_view>
#include <tuple>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace entente {

// A piece of evidence as written; `null_sentence` for "sentence":null.
struct LayoutEvidence {
  std::string_view doc, date, location;
  std::uint64_t sentence = 0, mentions = 0;
  bool null_sentence = false;
};

struct LayoutEdge {
  std::string_view source, target, relation, cameo, plover, role;
  std::uint64_t quad = 0, count = 0;
  bool symmetric = false;
  std::vector<std::string_view> dates, documents;
  std::vector<LayoutEvidence> evidence;
};

// A cursor over compact JSON in a known layout. Every method returns false
// (and may leave the cursor anywhere) when the text is not as expected.
class LayoutCursor {
 public:
  LayoutCursor(const char* p, const char* end) : p_(p), end_(end) {}
  const char* position() const { return p_; }

  // The bytes of `word` come next.
  template <std::size_t N>
  bool Lit(const char (&word)[N]) {
    if (static_cast<std::size_t>(end_ - p_) < N - 1 ||
        std::memcmp(p_, word, N - 1) != 0) {
      return false;
    }
    p_ += N - 1;
    return true;
  }
  bool Next(char c) {
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool At(char c) const { return p_ != end_ && *p_ == c; }

  // A string without escapes or control characters (the JSON string is
  // then its bytes).
  bool Str(std::string_view* out) {
    if (!Next('"')) return false;
    const char* begin = p_;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i slash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1f);
    while (end_ - p_ >= 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
      __m128i stop = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)),
          _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));
      unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(stop));
      if (mask == 0) {
        p_ += 16;
        continue;
      }
      p_ += __builtin_ctz(mask);
      return Close(begin, out);
    }
#endif
    while (p_ != end_ && *p_ != '"' && *p_ != '\\' &&
           static_cast<unsigned char>(*p_) >= 0x20) {
      ++p_;
    }
    return Close(begin, out);
  }
  // A string, or null (read as "").
  bool StrOrNull(std::string_view* out) {
    if (Lit("null")) {
      *out = std::string_view();
      return true;
    }
    return Str(out);
  }
  // A non-negative integer of at most 18 digits (no fraction, exponent or
  // leading zero: the next expected byte rejects those).
  bool Uint(std::uint64_t* out) {
    const char* begin = p_;
    std::uint64_t v = 0;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') {
      v = v * 10 + static_cast<unsigned>(*p_ - '0');
      ++p_;
    }
    std::size_t digits = static_cast<std::size_t>(p_ - begin);
    if (digits == 0 || digits > 18 || (digits > 1 && *begin == '0')) {
      return false;
    }
    *out = v;
    return true;
  }
  bool Bool(bool* out) {
    if (Lit("true")) return *out = true, true;
    if (Lit("false")) return *out = false, true;
    return false;
  }
  // An array of strings; `out` gets them.
  bool Strings(std::vector<std::string_view>* out) {
    if (!Next('[')) return false;
    if (Next(']')) return true;
    do {
      std::string_view s;
      if (!Str(&s)) return false;
      out->push_back(s);
    } while (Next(','));
    return Next(']');
  }

 private:
  bool Close(const char* begin, std::string_view* out) {
    if (p_ == end_ || *p_ != '"') return false;  // escape, control, end
    *out = std::string_view(begin, static_cast<std::size_t>(p_ - begin));
    ++p_;
    return true;
  }

  const char* p_;
  const char* end_;
};

// The "events" array: [{"date":S|null,"mentions":N,"sources":N},...],
// checked and dropped (the loader derives events from the evidence).
inline bool SkipLayoutEvents(LayoutCursor& c) {
  if (!c.Next('[')) return false;
  if (c.Next(']')) return true;
  do {
    std::string_view date;
    std::uint64_t n;
    if (!c.Lit("{\"date\":") || !c.StrOrNull(&date) ||
        !c.Lit(",\"mentions\":") || !c.Uint(&n) || !c.Lit(",\"sources\":") ||
        !c.Uint(&n) || !c.Next('}')) {
      return false;
    }
  } while (c.Next(','));
  return c.Next(']');
}

inline bool ReadLayoutEvidence(LayoutCursor& c,
                               std::vector<LayoutEvidence>* out) {
  if (!c.Next('[')) return false;
  if (c.Next(']')) return true;
  do {
    LayoutEvidence& r = out->emplace_back();
    if (!c.Lit("{\"doc\":") || !c.Str(&r.doc) || !c.Lit(",\"sentence\":")) {
      return false;
    }
    if (c.Lit("null")) {
      r.null_sentence = true;
    } else if (!c.Uint(&r.sentence)) {
      return false;
    }
    if (!c.Lit(",\"date\":") || !c.StrOrNull(&r.date) ||
        !c.Lit(",\"location\":") || !c.StrOrNull(&r.location) ||
        !c.Lit(",\"mentions\":") || !c.Uint(&r.mentions) || !c.Next('}')) {
      return false;
    }
  } while (c.Next(','));
  return c.Next(']');
}

// One edge object, from its '{' to its '}'. Source, target and relation
// must be non-empty strings (else the general reader reports the edge).
inline bool ReadLayoutEdge(LayoutCursor& c, LayoutEdge* e) {
  e->dates.clear();
  e->documents.clear();
  e->evidence.clear();
  std::string_view skipped;
  std::uint64_t number;
  if (!c.Lit("{\"source\":") || !c.Str(&e->source) || !c.Lit(",\"target\":") ||
      !c.Str(&e->target) || !c.Lit(",\"key\":") || !c.StrOrNull(&skipped) ||
      !c.Lit(",\"relation\":") || !c.Str(&e->relation) ||
      !c.Lit(",\"cameo\":") || !c.StrOrNull(&e->cameo) ||
      !c.Lit(",\"plover\":") || !c.StrOrNull(&e->plover) ||
      !c.Lit(",\"quad\":") || !c.Uint(&e->quad) || !c.Lit(",\"symmetric\":") ||
      !c.Bool(&e->symmetric) || !c.Lit(",\"role\":") ||
      !c.StrOrNull(&e->role) || !c.Lit(",\"count\":") || !c.Uint(&e->count) ||
      !c.Lit(",\"sources\":") || !c.Uint(&number) || !c.Lit(",\"first\":") ||
      !c.StrOrNull(&skipped) || !c.Lit(",\"last\":") ||
      !c.StrOrNull(&skipped) || !c.Lit(",\"dates\":") ||
      !c.Strings(&e->dates) || !c.Lit(",\"events\":") || !SkipLayoutEvents(c) ||
      !c.Lit(",\"documents\":") || !c.Strings(&e->documents) ||
      !c.Lit(",\"evidence\":") || !ReadLayoutEvidence(c, &e->evidence) ||
      !c.Next('}')) {
    return false;
  }
  return !e->source.empty() && !e->target.empty() && !e->relation.empty() &&
         e->quad <= 1000000;
}

// True when each piece of evidence comes after the one before it by
// (doc, sentence, date, location), strings compared bytewise and an
// unknown sentence last: the order (of EvidenceRef) graph.json is written in.
inline bool LayoutEvidenceInOrder(const std::vector<LayoutEvidence>& ev) {
  auto key = [](const LayoutEvidence& r) {
    return std::make_tuple(r.doc, r.null_sentence ? UINT64_MAX : r.sentence,
                           r.date, r.location);
  };
  for (std::size_t i = 1; i < ev.size(); ++i) {
    if (!(key(ev[i - 1]) < key(ev[i]))) return false;
  }
  return true;
}

// True when every document is the doc of some piece of evidence, the
// evidence being in order (LayoutEvidenceInOrder) and the documents
// ascending (else false, which only means "look them up").
inline bool LayoutDocumentsCarried(const std::vector<std::string_view>& docs,
                                   const std::vector<LayoutEvidence>& ev) {
  std::size_t j = 0;
  for (std::string_view d : docs) {
    while (j < ev.size() && ev[j].doc < d) ++j;
    if (j == ev.size() || ev[j].doc != d) return false;
  }
  return true;
}

}  // namespace entente

#endif  // ENTENTE_EXPORT_GRAPH_JSON_LAYOUT_H_
