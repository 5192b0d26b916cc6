#pragma once
/// A three-way merge of state files, for `llmchecklist merge-driver` (a git merge driver).
///
///     const StateMerge merge = merge_states(base, ours, theirs);
///     const Checklist checklist = load_checklist_reference(merge.state.checklist, ".");
///     write_file_atomic(path, serialize_merge(merge, checklist));
///     return merge.clean() ? 0 : 1;
///
/// Each entry is merged in two parts. Its check (status, revision, by, at, note, until):
/// changed on one side only, that side's; changed on both to the same status, the later `at`
/// wins (ours on a tie); changed to different statuses, a conflict. Its verify command and
/// result: changed on one side only, that side's; two different commands, a conflict; the same
/// command with different results, "fail" wins (the next `verify --update` settles it).
/// `checklist` with its `checklist_version`, and each key of [gate]: changed on one side only,
/// that side's; changed on both differently, a conflict. Entries of either side survive, orphans
/// included; an entry one side removed is dropped when the other left it unchanged.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// An item both sides changed incompatibly: their two entries.
struct EntryConflict
{
  Entry ours;
  Entry theirs;
};

/// What a three-way merge found.
struct StateMerge
{
  /// The merged state; where the sides conflict, it holds ours.
  State state;
  /// Items both sides changed incompatibly, in the order of `state.entries`.
  std::vector<EntryConflict> entries;
  /// Theirs `checklist`, when both sides changed it (or its `checklist_version`) differently.
  std::optional<std::string> theirs_checklist;
  /// Theirs `checklist_version`, when theirs_checklist is set.
  std::string theirs_checklist_version;
  /// Theirs [gate], when both sides changed the same key of it differently.
  std::optional<Gate> theirs_gate;

  /// Whether nothing conflicts.
  bool clean() const { return entries.empty() && !theirs_checklist && !theirs_gate; }
};

/// Parses one version of the state file for a merge. Git passes an empty file for a version
/// that did not exist (no common ancestor): that is a state with no entries and no checklist.
State parse_merge_version(std::string_view text, const std::string& path);

/// Merges the changes from `base` to `ours` and from `base` to `theirs`. The line ending and
/// byte-order mark are ours.
StateMerge merge_states(const State& base, const State& ours, const State& theirs);

/// The merged file: exactly serialize_state() of the merged state when the merge is clean;
/// otherwise each conflicting part alone (an item's table, the [gate] table, the `checklist`
/// line) is written as both versions between git-style markers:
///
///     # 3. Model cost per request and per month at projected traffic
///     <<<<<<< ours
///     [items.cost-at-scale]
///     status = "done"
///     =======
///     [items.cost-at-scale]
///     status = "na"
///     note = "a fixed-price contract"
///     >>>>>>> theirs
std::string serialize_merge(const StateMerge& merge, const Checklist& checklist);

/// Which of two `at` date-times (as the state file stores them) is later: negative, zero or
/// positive as `a` is earlier than, the same as or later than `b`. An empty one is earliest.
int compare_times(std::string_view a, std::string_view b);

} // namespace llmchecklist
