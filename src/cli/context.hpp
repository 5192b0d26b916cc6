#pragma once
// What every subcommand shares: the global options, where the state file is, and how to print.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "llmchecklist/project.hpp"
#include "terminal.hpp"

namespace llmchecklist::cli {

/// Options given before (or after) the subcommand.
struct GlobalOptions
{
  std::string file;
  std::string directory;
  std::string color = "auto";
  bool quiet = false;
};

/// The state file a command works on, and how output looks.
class Context
{
public:
  GlobalOptions options;

  /// Applies -C and detects the terminal; called once, after parsing.
  void prepare();

  /// The state file the user named: --file, else a non-empty $LLMCHECKLIST_FILE.
  std::optional<std::filesystem::path> named_state_path() const;

  /// The state file: the one named, else the nearest .llmchecklist above the working directory
  /// (within its git work tree), else where `check` and `init` create one: the top of the git
  /// work tree, or the working directory outside git.
  std::filesystem::path state_path() const;

  /// Throws IoError when the state file was named (--file, $LLMCHECKLIST_FILE) and does not
  /// exist: only the implicit default may be absent for a command that reads.
  void require_named_state_file() const;

  /// The project at state_path(); an empty state on the default checklist when there is none
  /// (require_named_state_file() first).
  Project open() const;

  /// "Name <email>", and now, for a new check ($LLMCHECKLIST_NOW overrides the time, for
  /// reproducible files in tests and demos).
  Mark mark(std::string note) const;

  /// How long a write waits for another process's lock: $LLMCHECKLIST_LOCK_TIMEOUT seconds,
  /// else the library's default.
  /// How the library opens and writes the project: the cache directory and the lock timeout
  /// from the environment (LLMCHECKLIST_NO_CACHE, XDG_CACHE_HOME, LLMCHECKLIST_LOCK_TIMEOUT).
  ProjectSettings settings() const;

  /// Now as a UTC date-time; $LLMCHECKLIST_NOW overrides it.
  std::string now() const;

  /// How stdout looks.
  const Terminal& out() const { return m_out; }

private:
  Terminal m_out;
};

} // namespace llmchecklist::cli
