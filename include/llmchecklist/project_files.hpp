#pragma once
/// The files of a project as one version holds them: the work tree, or a git revision
/// (revision.hpp opens one). Whatever reads a project at a version reads it through this, so
/// that every version is read by the same rules: the checklist a state names is built in, or a
/// file of the same version inside the repository, with what it extends.
///
///     const ProjectVersion then = read_project(files, ".llmchecklist");
///     then.checklist->items().size();

#include <optional>
#include <string>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// One version of a repository's files.
class ProjectFiles
{
public:
  virtual ~ProjectFiles() = default;

  /// What names the version in messages: "the working tree", "main".
  virtual std::string name() const = 0;

  /// The content of `path` ('/'-separated, relative to the top of the repository); nullopt
  /// when there is none. Throws IoError or DataError, naming the file, for what may not be read
  /// as a file of the repository: a link, a directory, a file too large.
  virtual std::optional<std::string> read(const std::string& path) const = 0;

  /// How messages name `path`: "HEAD:.llmchecklist", or its path in the work tree.
  virtual std::string shown(const std::string& path) const = 0;
};

/// The work tree below `root` (the top of the repository), read as read_state_file() reads the
/// state file: regular files of bounded size, or links to them that stay inside `root`.
class WorkTreeFiles : public ProjectFiles
{
public:
  explicit WorkTreeFiles(std::string root);
  std::string name() const override;
  std::optional<std::string> read(const std::string& path) const override;
  std::string shown(const std::string& path) const override;

private:
  std::string m_root;
};

/// A state file and the checklist it follows, as one version holds them.
struct ProjectVersion
{
  /// ProjectFiles::name() of the version.
  std::string name;
  /// nullopt when there was no state file there.
  std::optional<State> state;
  /// The checklist the state followed there; nullopt when there was no state, or when the
  /// checklist could not be read (then `checklist_error` says why, and where).
  std::optional<Checklist> checklist;
  /// Why the checklist could not be read: "PATH:LINE:COL: MESSAGE" (located_message()).
  std::string checklist_error;
};

/// The checklist `state` (the state file at `path` in `files`) names: a built-in one, or a
/// file of `files` (and what it extends) inside the repository only. Throws DataError at the
/// place of a problem, IoError when a named file is missing.
Checklist read_checklist_of(const ProjectFiles& files, const std::string& path, const State& state);

/// The state file at `path` in `files`, and its checklist. A checklist that cannot be read is
/// reported in the result, so that what the state shows (checks, verify commands) can still be
/// compared; a state that cannot be read throws DataError at its place.
ProjectVersion read_project(const ProjectFiles& files, const std::string& path);

} // namespace llmchecklist
