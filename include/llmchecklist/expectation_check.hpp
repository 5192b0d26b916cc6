#pragma once
/// Reading an item's expectations against the files of a project (`verify`, `verify
/// --no-exec`): each result file is read as a regular file inside the repository, at most
/// k_max_result_file_size bytes, judged by its reader, and nothing is run.
///
///     for (const ExpectationCheck& check :
///          check_expectations(project.checklist, project.state, WorkTreeFiles(top), items)) {
///       check.pass; check.value; // "40 of 40 passed"
///     }

#include <cstddef>
#include <string>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/project_files.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// What reading one expectation found.
struct ExpectationCheck
{
  /// The item's index in the checklist, and the expectation's index in its entry.
  std::size_t item = 0;
  std::size_t index = 0;
  ExpectationRule rule;
  bool pass = false;
  /// The file could not be judged (missing, too large, not what its reader reads); `value`
  /// says why. Counts as a failure.
  bool error = false;
  /// What was read ("40 of 40 passed"), or why nothing could be: one sanitised line.
  std::string value;
  /// The blob id of the content read; empty when the file is not there.
  std::string blob;
};

/// Reads every expectation of the items at `items` (indexes into `checklist`), in order.
std::vector<ExpectationCheck> check_expectations(const Checklist& checklist, const State& state,
                                                 const ProjectFiles& files,
                                                 const std::vector<std::size_t>& items);

} // namespace llmchecklist
