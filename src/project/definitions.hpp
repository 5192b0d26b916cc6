#pragma once
// The ReadContext for definitions of one repository (see formats/checklist_reader.hpp).

#include <filesystem>
#include <string>

#include "formats/checklist_reader.hpp"

namespace llmchecklist::detail {

/// A context whose `extends` loads built-in checklists, and files inside `root` only.
ReadContext repository_context(const std::filesystem::path& root);

/// The repository a definition file belongs to: the top of the git work tree holding it, else
/// its directory.
std::filesystem::path repository_of(const std::string& path);

} // namespace llmchecklist::detail
