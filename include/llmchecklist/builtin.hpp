#pragma once
/// The checklists compiled into the binary, every released version of each.
///
/// A reference names one: "builtin:llm-deployment@2026.1" pins a version, as state files do;
/// "builtin:llm-deployment" means the latest this binary has.

#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/checklist.hpp"

namespace llmchecklist {

/// The prefix of a built-in checklist reference: "builtin:llm-deployment".
inline constexpr std::string_view k_builtin_prefix = "builtin:";

/// The name of the checklist used when none is named.
inline constexpr std::string_view k_default_builtin = "llm-deployment";

/// The default checklist, unpinned (its latest version). New state files pin the version
/// instead: see pinned_builtin_reference().
inline constexpr std::string_view k_default_checklist = "builtin:llm-deployment";

/// Names of the built-in checklists ("llm-deployment", ...).
std::vector<std::string> builtin_checklist_names();

/// The versions of a built-in checklist this binary has, oldest first; empty for an unknown
/// name.
std::vector<std::string> builtin_checklist_versions(std::string_view name);

/// Orders versions by their dot-separated parts, numerically where both parts are numbers
/// ("2026.2" < "2026.10"): negative, zero or positive.
int compare_versions(std::string_view a, std::string_view b);

/// "builtin:NAME@VERSION" for the latest version of a built-in checklist.
std::string pinned_builtin_reference(std::string_view name);

/// The TOML source of "NAME" (the latest version) or "NAME@VERSION". Throws LookupError for an
/// unknown name, and for a version this binary does not have, saying which it has.
std::string_view builtin_checklist_source(std::string_view spec);

/// The parsed built-in checklist for "NAME" or "NAME@VERSION"; its source is "builtin:" + spec.
Checklist load_builtin_checklist(std::string_view spec);

} // namespace llmchecklist
