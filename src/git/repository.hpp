#pragma once
// A git repository read in-process through libgit2: objects at a revision, and the commits
// that changed a file, with no git process. The fleet reads a thousand repositories and
// `history` a thousand revisions; one git process each (two with `git log`) cost more than
// everything else either report does.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "llmchecklist/git.hpp"

struct git_repository;

namespace llmchecklist::detail {

/// A commit that changed a file, and the file as that commit left it.
struct FileChange
{
  /// The commit's full id (40 hex digits).
  std::string commit;
  /// The committer date, in seconds since the epoch, and as ISO 8601 with the committer's
  /// offset ("2026-11-28T12:00:00+01:00", git's %cI).
  std::int64_t time = 0;
  std::string at;
  /// The author's name.
  std::string by;
  /// The file's content; nullopt when the commit removed it.
  std::optional<std::string> content;
  /// Whether the commit left a symbolic link there: `content` is then the link's target.
  bool link = false;
};

/// What a path names in a revision's tree.
enum class EntryType
{
  none,
  file,
  link,
  directory,
  submodule,
};

/// Where changes() stops, besides the root commits.
struct ChangeLimit
{
  /// Only commits with a committer date at or after this (seconds since the epoch).
  std::optional<std::int64_t> since_time;
  /// Only commits that this revision cannot reach (`git log SINCE..REF`); empty for none.
  std::string since_ref;
  /// At most this many commits; 0 for all.
  std::size_t max = 0;
};

class Repository
{
public:
  /// Opens the repository at `path`: a work tree (its `.git`) or a bare repository. With
  /// `search`, a directory inside a work tree opens the work tree around it, as git -C does;
  /// without, `path` itself must be the repository. Throws IoError when it is none.
  explicit Repository(const std::filesystem::path& path, bool search = false);
  ~Repository();
  Repository(const Repository&) = delete;
  Repository& operator=(const Repository&) = delete;

  /// Whether `ref` names a commit here.
  bool has_commit(const std::string& ref) const;

  /// Whether HEAD names a branch without commits yet: a new repository, or an orphan branch.
  bool head_unborn() const;

  /// What `path` (relative to the repository's root) names at `ref`; none when `ref` names no
  /// commit or its tree has nothing there.
  EntryType entry_type(const std::string& ref, const std::string& path) const;

  /// The content of the file `path` (relative to the repository's root) at `ref`; nullopt
  /// when the revision has no such file.
  std::optional<std::string> read(const std::string& ref, const std::string& path) const;

  /// The commits at or before `ref` that changed `path`, newest first, as `git log REF -- PATH`
  /// lists them: in committer-date order, history simplified as git does by default (a merge
  /// whose file equals one parent's follows that parent alone and is not listed; a merge that
  /// differs from every parent is listed and all its parents are walked; a root commit is
  /// listed when it has the file). Empty when `ref` names no commit. Throws UsageError naming
  /// `limit.since_ref` when it names no commit.
  std::vector<FileChange> changes(const std::string& ref, const std::string& path,
                                  const ChangeLimit& limit = {}) const;

  /// The last commit at or before `ref` that changed `path`, as `git log -1 REF -- PATH` finds
  /// it: the first of changes(); nullopt when `ref` has no such file.
  std::optional<LastChange> last_change(const std::string& ref, const std::string& path) const;

  /// The work tree's root; empty for a bare repository.
  std::filesystem::path work_tree() const;

  /// The repository's own directory (a work tree's `.git`, a linked work tree's directory in
  /// it, or the bare repository): the same for every path that opens this repository.
  std::filesystem::path git_dir() const;

private:
  git_repository* m_repository = nullptr;
};

} // namespace llmchecklist::detail
