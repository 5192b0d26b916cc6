#pragma once
// Reading definitions and states through the compiled cache (cache.hpp).

#include <filesystem>
#include <string>
#include <string_view>

#include "llmchecklist/cache.hpp"
#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist::detail {

/// load_checklist_file() with `extends` confined to `root`, answered from `cache` (when given)
/// when the file and every file it extends are byte for byte what the entry was compiled from.
Checklist load_checklist_file(const std::string& path, const std::filesystem::path& root,
                              const Cache* cache);

/// parse_state(), answered from `cache` when the same bytes at the same path were parsed before.
State parse_state(std::string_view text, const std::string& path, const Cache& cache);

} // namespace llmchecklist::detail
