#pragma once
// The checklist definition reader behind parse_checklist() and lint_checklist().

#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/lint.hpp"

namespace llmchecklist::detail {

/// Reads a definition. Without `diagnostics`, throws the first problem as DataError. With it,
/// collects every problem there, applies the quality rules of `lint` too when given, and
/// returns what could be read.
Checklist read_checklist(std::string_view text, const std::string& path,
                         std::vector<Diagnostic>* diagnostics, const LintOptions* lint);

} // namespace llmchecklist::detail
