#pragma once
// A state file and the checklist it follows as a commit holds them, read through
// detail::Repository: what `fleet` reads of each repository and `history` of each revision.
// One reader, so that both resolve a checklist reference the way the single-repository
// commands do (built-in, or a file inside the repository at the same revision).

#include <optional>
#include <string>
#include <string_view>

#include "git/repository.hpp"
#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist::detail {

/// A state and its checklist at one revision.
struct ProjectAt
{
  State state;
  Checklist checklist;
};

/// The checklist `state` (the state file at `path`, relative to the repository's root) names,
/// as revision `ref` holds it: a built-in one, or a file (and what it extends) inside the
/// repository only, named in errors as `prefix` + its path. Throws DataError at the place of a
/// problem, IoError when a named file is missing at `ref`.
Checklist read_checklist_at(const Repository& repository, const std::string& ref,
                            const std::string& path, const State& state,
                            const std::string& prefix);

/// The file `path` (relative to the repository's root) at `ref`: nullopt when there is nothing
/// there. Throws DataError at `prefix` + `path` for a symbolic link, a directory or a submodule,
/// which is never read as the file it stands in for (a link in git may lead anywhere).
std::optional<std::string> read_file_at(const Repository& repository, const std::string& ref,
                                        const std::string& path, const std::string& prefix);

/// What a commit left at a path, when it is not the regular file a reader expects: "a
/// symbolic link to 'TARGET', not a file ..." (for a message located at the path).
std::string link_message(std::string_view target);

/// Parses `state_text`, the state file at `path` (relative to the repository's root) in
/// revision `ref`, and reads the checklist it names at the same revision: a built-in one, or a
/// file (and what it extends) inside the repository only. Files are named in errors as
/// `prefix` + their path ("repos/billing:HEAD:" + ".llmchecklist"). Throws DataError at the
/// place of a problem, IoError when a named file is missing at `ref`.
ProjectAt read_project_at(const Repository& repository, const std::string& ref,
                          const std::string& path, const std::string& state_text,
                          const std::string& prefix);

} // namespace llmchecklist::detail
