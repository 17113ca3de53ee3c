// An allocator for large look-up tables that asks for huge pages.
//
// A hash table of a large graph (document ids, edges) spans thousands of
// 4 KB pages, and its random look-ups mostly miss the TLB. Vectors of 4 MB
// and more get memory aligned to 2 MB and marked MADV_HUGEPAGE before they
// are first written, so that the kernel can back them with huge pages
// (transparent huge pages "on request"). It is a hint: where the system
// refuses, the memory is ordinary memory.
#ifndef ENTENTE_GRAPH_HUGE_PAGE_ALLOCATOR_H_
#define ENTENTE_GRAPH_HUGE_PAGE_ALLOCATOR_H_

#include <sys/mman.h>

#include <cstdlib>
#include <memory>
#include <new>

namespace entente::graph {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr std::size_t kHuge = std::size_t{2} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  static bool Large(std::size_t n) { return n * sizeof(T) >= 2 * kHuge; }

  T* allocate(std::size_t n) {
    if (!Large(n)) return std::allocator<T>().allocate(n);
    std::size_t bytes = (n * sizeof(T) + kHuge - 1) / kHuge * kHuge;
    void* p = std::aligned_alloc(kHuge, bytes);
    if (p == nullptr) throw std::bad_alloc();
    ::madvise(p, bytes, MADV_HUGEPAGE);  // a hint: fine if refused
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) {
    if (!Large(n)) return std::allocator<T>().deallocate(p, n);
    std::free(p);
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace entente::graph

#endif  // ENTENTE_GRAPH_HUGE_PAGE_ALLOCATOR_H_
