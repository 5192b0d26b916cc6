#pragma once
// Pieces of terminal output that several subcommands show the same way.

#include <string>

#include "cli/terminal.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/project.hpp"

namespace llmchecklist::cli {

/// "[x]" done, "[-]" not applicable, "[ ]" todo; coloured on a terminal.
std::string status_mark(const Terminal& terminal, Status status);

/// "12 of 38 done, 2 n/a (31 %)".
std::string counts_summary(const Counts& counts);

/// A warning on stderr naming the state entries the checklist no longer has, if any.
void warn_orphans(const Project& project);

/// The `--status` values, checked by CLI11.
inline const std::vector<std::string> k_status_names = {"todo", "done", "na"};

} // namespace llmchecklist::cli
