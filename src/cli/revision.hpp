#pragma once
// The state file and its checklist as they were at a git revision, for the commands that
// compare (`diff`, `progress --since`).

#include <filesystem>
#include <optional>
#include <string>

#include "llmchecklist/project.hpp"

namespace llmchecklist::cli {

/// A state as it was somewhere: at a revision, or in the working tree.
struct StateVersion
{
  /// nullopt when the file did not exist there.
  std::optional<State> state;
  /// "HEAD", "the working tree".
  std::string name;
};

/// The state file at `ref` (empty: the working tree), parsed under the name git gives it
/// ("HEAD:.llmchecklist") so that an error says which version is bad.
StateVersion state_at(const std::filesystem::path& state_path, const std::string& ref);

/// The checklist `then` followed at `ref`: for a checklist file that can be read on its own at
/// that revision, the file as it was; otherwise `now`, the checklist as it is.
Checklist checklist_at(const State& then, const std::filesystem::path& state_path,
                       const std::string& ref, const Checklist& now);

} // namespace llmchecklist::cli
