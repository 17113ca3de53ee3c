// StringPool: interned strings with dense 32-bit ids.
//
// The graph holds millions of references to a few hundred thousand distinct
// strings (document ids, actor ids, relations, dates). Each distinct string
// is stored once, in one character arena, and referred to by its id (the
// order of first interning). Look-up is an open-addressing table of ids, so
// the pool costs the characters plus about 12 bytes per string.
#ifndef ENTENTE_GRAPH_STRING_POOL_H_
#define ENTENTE_GRAPH_STRING_POOL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace entente::graph {

using Id = std::uint32_t;
inline constexpr Id kNoId = 0xffffffffu;

class StringPool {
 public:
  // The id of `s`, adding it when new.
  Id Intern(std::string_view s);
  // The id of `s`, or kNoId.
  Id Find(std::string_view s) const;
  std::string_view View(Id id) const {
    return std::string_view(arena_).substr(starts_[id],
                                           starts_[id + 1] - starts_[id]);
  }
  std::string Str(Id id) const { return std::string(View(id)); }
  std::size_t size() const { return starts_.size() - 1; }
  std::size_t MemoryBytes() const;

 private:
  void Grow();
  std::string arena_;
  std::vector<std::uint32_t> starts_ = {0};  // size() + 1 offsets
  std::vector<Id> slots_;                    // kNoId: empty
};

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_STRING_POOL_H_
