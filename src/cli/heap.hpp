#pragma once
// How the process asks the kernel for memory: a policy of the program, not of the library.

namespace llmchecklist::cli {

/// Lets the heap grow in transparent huge pages. A large checklist is tens of megabytes of
/// small objects, and every first touch of a 4 KiB page is a page fault: at 10,000 items those
/// faults were a third of a run (bench/run shows the difference). Small runs never grow the
/// heap past its first, ordinary pages, so they are unchanged. LLMCHECKLIST_HUGE_PAGES=0 turns
/// it off, for measuring.
void prepare_heap();

} // namespace llmchecklist::cli
