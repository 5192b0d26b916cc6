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

#include "llmchecklist/project_files.hpp"

namespace llmchecklist {

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
