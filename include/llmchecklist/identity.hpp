#pragma once
/// Who checks an item: the identity git would record.

#include <filesystem>
#include <string>

namespace llmchecklist {

/// "Name <email>" as git would record a commit made in `directory` (`git var
/// GIT_COMMITTER_IDENT`: GIT_COMMITTER_NAME/EMAIL, includes and conditional includes honoured);
/// the configured user.name alone when git knows no email; else the login name.
std::string current_user(const std::filesystem::path& directory);

} // namespace llmchecklist
