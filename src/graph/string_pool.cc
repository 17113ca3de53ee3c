// Linear probing over a power-of-two table kept at most half full; the
// hash of an id's string is recomputed when the table grows (cheaper in
// memory than storing it, and growth is rare).
#include "graph/string_pool.h"

#include <functional>

namespace entente::graph {
namespace {

std::size_t Hash(std::string_view s) { return std::hash<std::string_view>{}(s); }

}  // namespace

Id StringPool::Find(std::string_view s) const {
  if (slots_.empty()) return kNoId;
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = Hash(s) & mask;; i = (i + 1) & mask) {
    Id id = slots_[i];
    if (id == kNoId) return kNoId;
    if (View(id) == s) return id;
  }
}

Id StringPool::Intern(std::string_view s) {
  if (2 * (size() + 1) > slots_.size()) Grow();
  std::size_t mask = slots_.size() - 1;
  std::size_t i = Hash(s) & mask;
  for (;; i = (i + 1) & mask) {
    Id id = slots_[i];
    if (id == kNoId) break;
    if (View(id) == s) return id;
  }
  Id id = static_cast<Id>(size());
  arena_.append(s);
  starts_.push_back(static_cast<std::uint32_t>(arena_.size()));
  slots_[i] = id;
  return id;
}

void StringPool::Grow() {
  std::vector<Id> slots(slots_.empty() ? 64 : 2 * slots_.size(), kNoId);
  std::size_t mask = slots.size() - 1;
  for (Id id = 0; id < size(); ++id) {
    std::size_t i = Hash(View(id)) & mask;
    while (slots[i] != kNoId) i = (i + 1) & mask;
    slots[i] = id;
  }
  slots_.swap(slots);
}

std::size_t StringPool::MemoryBytes() const {
  return arena_.capacity() + starts_.capacity() * sizeof(std::uint32_t) +
         slots_.capacity() * sizeof(Id);
}

}  // namespace entente::graph
