#pragma once
/// Reading checklist definitions: from text, or from a file of a repository with what it
/// extends (see checklist.hpp for the checklist in memory).
///
///     const Checklist checklist = load_checklist_file("checklists/ours.toml");

#include <string>
#include <string_view>

#include "llmchecklist/checklist.hpp"

namespace llmchecklist {

/// Parses a checklist definition; throws DataError (with `path`, line and column) on the first
/// problem. `path` names the text in diagnostics.
Checklist parse_checklist(std::string_view text, const std::string& path);

/// Reads and parses a checklist file; throws IoError when it cannot be read. An `extends` in it
/// may only name a built-in checklist or a file inside the same repository (the top of the git
/// work tree holding it, else its directory).
Checklist load_checklist_file(const std::string& path);

} // namespace llmchecklist
