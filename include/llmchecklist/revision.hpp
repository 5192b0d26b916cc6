#pragma once
/// The project as it is somewhere: in the work tree, or at a git revision read in-process.
/// `diff`, `progress --since` and `export --format summary --since` compare two of these.
///
///     const ProjectVersion then = read_project_version(".llmchecklist", "main");
///     if (then.state && then.checklist) {
///       compare_scope(*then.state, *then.checklist, now.state, now.checklist);
///     }

#include <filesystem>
#include <optional>
#include <string>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// A state file and the checklist it follows, as one version holds them.
struct ProjectVersion
{
  /// "HEAD", "main", or "the working tree".
  std::string name;
  /// nullopt when there was no state file there.
  std::optional<State> state;
  /// The checklist the state followed there; nullopt when there was no state, or when the
  /// checklist could not be read (then `checklist_error` says why, and where).
  std::optional<Checklist> checklist;
  /// Why the checklist could not be read: "PATH:LINE:COL: MESSAGE" (located_message()).
  std::string checklist_error;
};

/// Reads the state file at `state_path` and the checklist it names as revision `ref` holds
/// them (read through libgit2, with no git process; files named "REF:PATH" in errors), or as
/// the work tree holds them when `ref` is empty. A checklist that cannot be read is reported in
/// the result, so that what the state shows (checks, verify commands) can still be compared;
/// a state that cannot be read throws DataError at its place. Throws UsageError when `ref`
/// names no commit or the state file is in no git repository, IoError when the file cannot be
/// read.
ProjectVersion read_project_version(const std::filesystem::path& state_path,
                                    const std::string& ref);

} // namespace llmchecklist
