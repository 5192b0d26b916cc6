#pragma once
// Pieces of terminal output that several subcommands show the same way.

#include <string>

#include "cli/terminal.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/project.hpp"

namespace llmchecklist::cli {

/// "[x]" done, "[-]" not applicable, "[ ]" todo; coloured on a terminal.
std::string status_mark(const Terminal& terminal, Status status);

/// Whether any item has a verify command: only then is evidence worth showing.
bool uses_verify(const Project& project);

/// " [verified]", " [manual]" or " [verify failing]" for a done item; empty otherwise.
std::string evidence_tag(const Terminal& terminal, Evidence evidence);

/// " [stale: r1 -> r2]" or " [n/a expired 2026-01-31]"; empty when neither.
std::string freshness_tag(const Terminal& terminal, const State& state, const Item& item);

/// "12 of 38 done, 2 n/a (31 %)".
std::string counts_summary(const Counts& counts);

/// A warning on stderr naming the state entries the checklist no longer has, if any.
void warn_orphans(const Project& project);

/// A note on stderr when the checklist moved on from the version the state follows: a newer
/// built-in version exists, or the checklist file's version no longer matches the pin.
void note_versions(const Project& project);

/// The `--status` values, checked by CLI11.
inline const std::vector<std::string> k_status_names = {"todo", "done", "na"};

} // namespace llmchecklist::cli
