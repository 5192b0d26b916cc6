#pragma once
/// The checklists compiled into the binary.

#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/checklist.hpp"

namespace llmchecklist {

/// The prefix of a built-in checklist reference: "builtin:llm-deployment".
inline constexpr std::string_view k_builtin_prefix = "builtin:";

/// The reference of the checklist used when none is named.
inline constexpr std::string_view k_default_checklist = "builtin:llm-deployment";

/// Names of the built-in checklists ("llm-deployment", ...).
std::vector<std::string> builtin_checklist_names();

/// The TOML source of a built-in checklist; throws LookupError for an unknown name.
std::string_view builtin_checklist_source(std::string_view name);

/// The parsed built-in checklist; throws LookupError for an unknown name.
Checklist load_builtin_checklist(std::string_view name);

} // namespace llmchecklist
