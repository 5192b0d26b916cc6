#pragma once
// A git repository read in-process through libgit2: objects at a revision and the last commit
// that changed a file, with no git process. The fleet reads a thousand repositories; one git
// process each (two with `git log`) cost more than everything else the report does.

#include <filesystem>
#include <optional>
#include <string>

#include "llmchecklist/git.hpp"

struct git_repository;

namespace llmchecklist::detail {

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

  /// The content of the file `path` (relative to the repository's root) at `ref`; nullopt
  /// when the revision has no such file.
  std::optional<std::string> read(const std::string& ref, const std::string& path) const;

  /// The last commit at or before `ref` that changed `path`, as `git log -1 REF -- PATH` finds
  /// it (history simplified: at a merge that kept one parent's file, that parent is
  /// followed); nullopt when `ref` has no such file.
  std::optional<LastChange> last_change(const std::string& ref, const std::string& path) const;

  /// The work tree's root; empty for a bare repository.
  std::filesystem::path work_tree() const;

private:
  git_repository* m_repository = nullptr;
};

} // namespace llmchecklist::detail
