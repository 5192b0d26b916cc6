#pragma once
// The one place llmchecklist starts git: an argument vector (never a shell), run in a
// directory, its standard output captured. (The fleet reads repositories in-process instead:
// repository.hpp.)

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace llmchecklist::detail {

/// What git printed and how it ended.
struct GitOutput
{
  /// The exit status; 127 when git could not be started, 128 and up for a signal.
  int status = 0;
  /// Standard output (standard error is discarded unless `with_errors`).
  std::string text;
};

/// Runs `git -C directory ARGS...`. Throws IoError only when no process can be made at all.
GitOutput run_git(const std::filesystem::path& directory, const std::vector<std::string>& args,
                  bool with_errors = false);

} // namespace llmchecklist::detail
