#pragma once
/// Receipts: the files a check rests on, recorded by git blob id so that the exact content
/// signed can be recovered (`git show BLOB`) and any later change noticed.
///
///     const std::vector<Receipt> receipts = collect_receipts(top, cwd, {"docs/", "evals/*.xml"});
///     check_item(state, item, Status::done, Mark{by, at, note, "", receipts});
///     note_current_files(state, WorkTreeFiles(top)); // then standing_of() sees what changed

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/project_files.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// The git blob id of `content`: what `git hash-object` prints for a file holding it (SHA-1,
/// the object format of every repository libgit2 1.5 opens).
std::string blob_id(std::string_view content);

/// The files `specs` name (as typed: relative to `cwd`, or absolute), each a regular file, a
/// directory (every regular file below it, `.git` left out) or a pattern with `*`, `?` or `[`
/// (expanded here, so that a quoted glob works), as receipts of their current content, sorted
/// by path without repeats. Every file must be inside `root` (the top of the repository) and
/// not reached through a link leading out; a spec that names nothing is a UsageError, a file
/// that cannot be read an IoError or DataError naming it.
std::vector<Receipt> collect_receipts(const std::filesystem::path& root,
                                      const std::filesystem::path& cwd,
                                      const std::vector<std::string>& specs);

/// Fills `state.current_files` with the blob id, in `files`, of every file the entries'
/// receipts and expectations name ("" for one that is not there, or cannot be read as a file
/// of the repository), and sets `state.files_known`. Reads nothing when no entry has any.
void note_current_files(State& state, const ProjectFiles& files);

} // namespace llmchecklist
