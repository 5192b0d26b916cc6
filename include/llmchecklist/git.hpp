#pragma once
/// What the library asks of git: the work tree, a file's last change, and the setup of the
/// state file's merge driver (for `init --git`). Files at a revision are read through
/// revision.hpp.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmchecklist {

/// The top of the git work tree holding `directory`; nullopt outside git.
std::optional<std::filesystem::path> git_work_tree(const std::filesystem::path& directory);

/// The last commit that changed a file.
struct LastChange
{
  /// The committer date, ISO 8601 ("2026-11-28T12:00:00+01:00").
  std::string at;
  /// The author's name.
  std::string by;
};

/// The last commit at or before `ref` that changed `path` (relative to `repository`, a work
/// tree or a bare repository); nullopt when there is none or git cannot tell.
std::optional<LastChange> last_change(const std::filesystem::path& repository,
                                      const std::string& ref, const std::string& path);

/// The merge driver's name in .gitattributes and git config (`merge=llmchecklist`).
inline constexpr std::string_view k_merge_driver_name = "llmchecklist";

/// The command git runs to merge the state file: BASE, OURS (where the result goes), THEIRS,
/// and the file's path in the repository. `llmchecklist` must be on the PATH.
inline constexpr std::string_view k_merge_driver_command = "llmchecklist merge-driver %O %A %B %P";

/// What setup_merge_driver() did.
struct MergeDriverSetup
{
  /// The .gitattributes file that names the driver.
  std::filesystem::path attributes;
  /// Whether the line was added (false: it was there already).
  bool attributes_added = false;
  /// The line: "PATTERN merge=llmchecklist".
  std::string attribute_line;
};

/// Makes git merge the state file at `state_path` with `llmchecklist merge-driver`: a line in
/// the .gitattributes at the top of its work tree (created when missing), and
/// merge.llmchecklist.name and .driver in the repository's own config. Running it again changes
/// nothing. Throws UsageError outside a git work tree, IoError when git or the file fails.
MergeDriverSetup setup_merge_driver(const std::filesystem::path& state_path);

/// What ignore_transient_files() did.
struct IgnoreSetup
{
  /// The .gitignore at the top of the work tree.
  std::filesystem::path file;
  /// The patterns it added (empty: they were there already).
  std::vector<std::string> added;
};

/// Adds the state file's lock file and temporary files to the .gitignore at the top of its git
/// work tree (created when missing), so that what a killed writer leaves behind never shows in
/// `git status`. nullopt outside git. Throws IoError when the file cannot be written.
std::optional<IgnoreSetup> ignore_transient_files(const std::filesystem::path& state_path);

} // namespace llmchecklist
