#pragma once
// The one place llmchecklist starts git: an argument vector (never a shell), run in a
// directory, its standard output captured; or one `cat-file --batch` answering many reads.

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

/// One `git cat-file --batch` in a repository: many objects read through one process, as the
/// fleet report reads each repository's state file and checklist.
class GitBatch
{
public:
  /// Starts git in `directory` (a work tree or a bare repository). Throws IoError.
  explicit GitBatch(const std::filesystem::path& directory);
  ~GitBatch();
  GitBatch(const GitBatch&) = delete;
  GitBatch& operator=(const GitBatch&) = delete;

  /// The content of `object` ("HEAD:.llmchecklist"); nullopt when git has none. Throws
  /// IoError when git stopped (not a repository, for one).
  std::optional<std::string> read(const std::string& object);

private:
  bool fill();

  int m_pid = -1;
  int m_input = -1;
  int m_output = -1;
  std::string m_buffered;
};

} // namespace llmchecklist::detail
