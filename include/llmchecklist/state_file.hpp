#pragma once
/// Finding the state file on disk (files.hpp reads, writes and locks it).

#include <filesystem>
#include <optional>
#include <string_view>

#include "llmchecklist/files.hpp"

namespace llmchecklist {

/// The state file's name at the root of a repository.
inline constexpr std::string_view k_state_file_name = ".llmchecklist";

/// Walks up from `start` to the top of its git work tree (else the filesystem root); the first
/// `.llmchecklist` found, if any.
std::optional<std::filesystem::path> find_state_file(const std::filesystem::path& start);

/// The directory a new state file belongs in: the top of the git work tree holding `start`
/// (a directory with a `.git` entry), else `start` itself.
std::filesystem::path default_state_directory(const std::filesystem::path& start);

} // namespace llmchecklist
