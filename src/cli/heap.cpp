#include "heap.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace llmchecklist::cli {

void prepare_heap()
{
  if (const char* setting = std::getenv("LLMCHECKLIST_HUGE_PAGES");
      setting != nullptr && std::strcmp(setting, "0") == 0) {
    return;
  }
  // Grow the heap in one large step (address space only: untouched pages cost nothing), so that
  // one mapping with the advice holds the heap of even a 100,000-item checklist (a later
  // extension would be a new mapping without it); and never hand memory back on free: a run is
  // short, and trimming is system calls for nothing.
  mallopt(M_TOP_PAD, 512 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  // One allocation below the mmap threshold makes malloc extend the heap now, so that the
  // advice covers the space it will use; later extensions of the same mapping keep it.
  void* probe = std::malloc(120 << 10);
  if (probe == nullptr) {
    return;
  }
  // Used, so that the compiler cannot drop the allocation and the heap's growth with it.
  static_cast<volatile char*>(probe)[0] = 0;
  const auto end = reinterpret_cast<std::uintptr_t>(::sbrk(0));
  const std::uintptr_t page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  // The main arena is contiguous from the start of the heap: its size says where that is.
  const std::uintptr_t start = (end - mallinfo2().arena + page - 1) & ~(page - 1);
  if (end > start) {
    ::madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE); // advice: may fail
  }
  std::free(probe);
}

} // namespace llmchecklist::cli
