#pragma once
// Turning the items and phases named on a command line into checklist items.

#include <cstddef>
#include <string>
#include <vector>

#include "llmchecklist/checklist.hpp"

namespace llmchecklist::cli {

/// Indices of the items named by `references` (numbers, ids, id prefixes) and of every item of
/// the phases named by `phases`, in checklist order without repeats. Throws LookupError.
std::vector<std::size_t> resolve_targets(const Checklist& checklist,
                                         const std::vector<std::string>& references,
                                         const std::vector<std::string>& phases);

} // namespace llmchecklist::cli
