#pragma once
/// Checking a checklist definition for every problem at once, not just the first.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/diagnostic.hpp"

namespace llmchecklist {

/// Every problem in a checklist definition: the loader's schema errors (all of them) plus the
/// quality rules (missing done_when, short details, multi-line titles, empty phases). Empty when
/// the definition is clean.
std::vector<Diagnostic> lint_checklist(std::string_view text, const std::string& path,
                                       const LintOptions& options = {});

} // namespace llmchecklist
