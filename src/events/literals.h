// Tests of a word or code against a string literal, inline. GCC 12 calls
// std::string's compare(const char*) (with a strlen) for `s == "lit"`, and
// in large functions often calls string_view's operator== out of line; the
// events stage makes hundreds of such tests per trigger.
//
//   if (Is(token.folded, "and")) ...
//   if (StartsWith(relation.cameo, "04")) ...
#ifndef ENTENTE_EVENTS_LITERALS_H_
#define ENTENTE_EVENTS_LITERALS_H_

#include <cstddef>
#include <cstring>
#include <string_view>

namespace entente {

// Whether `s` is the literal `w` (N counts its terminating zero).
template <std::size_t N>
[[gnu::always_inline]] inline bool Is(std::string_view s, const char (&w)[N]) {
  return s.size() == N - 1 && std::memcmp(s.data(), w, N - 1) == 0;
}

// Whether `s` begins with the literal `w`.
template <std::size_t N>
[[gnu::always_inline]] inline bool StartsWith(std::string_view s,
                                              const char (&w)[N]) {
  return s.size() >= N - 1 && std::memcmp(s.data(), w, N - 1) == 0;
}

}  // namespace entente

#endif  // ENTENTE_EVENTS_LITERALS_H_
