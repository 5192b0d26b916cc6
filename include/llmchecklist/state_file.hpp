#pragma once
/// Finding and reading the state file on disk (files.hpp writes and locks it).

#include <filesystem>
#include <optional>
#include <string>
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

/// Reads the state file at `path`; nullopt when there is none. The file comes from whoever wrote
/// the last commit, so it is read only when it is a regular file of at most
/// k_max_repository_file_size bytes, or a symbolic link to one inside the same repository (the
/// top of the git work tree holding the link). Anything else (a link leading out of the
/// repository or to nothing, a FIFO, a device, a directory) is an IoError naming it, and its
/// target is never opened.
std::optional<std::string> read_state_file(const std::filesystem::path& path);

} // namespace llmchecklist
