#pragma once
// Where a report may be written: the rules `export -o` and the terminal interface share.

#include <string>

#include "llmchecklist/project.hpp"

namespace llmchecklist::cli {

/// Throws UsageError when `output` names the state file in use, the checklist definition it
/// follows, or a file that definition extends: an export must never overwrite what it was
/// made from.
void refuse_inputs(const Project& project, const std::string& output);

} // namespace llmchecklist::cli
