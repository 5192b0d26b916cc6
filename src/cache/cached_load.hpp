#pragma once
// Reading definitions through the compiled cache (cache.hpp).

#include <filesystem>
#include <string>
#include <string_view>

#include "cache/cache.hpp"
#include "formats/checklist_reader.hpp"
#include "llmchecklist/checklist.hpp"

namespace llmchecklist::detail {

/// load_checklist() within `context`, answered from `cache` (when given) when the file and
/// every file it extends are byte for byte what the entry was compiled from. `scope` names what
/// else the answer depends on (where `extends` may reach): entries of other scopes never match.
Checklist load_checklist_file(const std::string& path, ReadContext& context, std::string_view scope,
                              const Cache* cache);

} // namespace llmchecklist::detail
