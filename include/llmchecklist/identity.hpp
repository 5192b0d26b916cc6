#pragma once
/// Who checks an item: the identity git would record.

#include <filesystem>
#include <string>

namespace llmchecklist {

/// "Name <email>" from git config (user.name, user.email) as seen from `directory`, else the
/// login name.
std::string current_user(const std::filesystem::path& directory);

} // namespace llmchecklist
