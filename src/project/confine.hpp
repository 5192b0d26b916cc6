#pragma once
// Keeping the files a repository names inside that repository: a state file's `checklist` and a
// definition's `extends` come from whoever wrote the last commit, so they may not reach a file
// outside it (an absolute path, `..`, or a symbolic link that leads out).

#include <filesystem>
#include <string>
#include <string_view>

namespace llmchecklist::detail {

/// A file reference resolved inside a repository, or why it may not be read.
struct ConfinedPath
{
  /// The file to read (lexically normal); empty when `problem` is set.
  std::filesystem::path path;
  /// Why the reference is refused; empty when it is fine.
  std::string problem;
};

/// Resolves `reference` relative to the directory `base`, refusing an absolute path and any
/// path that leaves `root`, lexically or through symbolic links. Nothing is opened.
ConfinedPath confine(std::string_view reference, const std::filesystem::path& base,
                     const std::filesystem::path& root);

} // namespace llmchecklist::detail
