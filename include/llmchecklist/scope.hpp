#pragma once
/// What a change of checklist does to the count: a branch that edits `checklist =` or the
/// checklist file it names (an `exclude`, a removed item, a lowered severity) changes what
/// progress and the gates measure without changing a single check. diff, progress --since,
/// the summary and history show it, and progress --since fails on a narrowed scope.
///
///     const ScopeChange scope = compare_scope(then_state, then_checklist, state, checklist);
///     scope.narrows(); // an item that counted left, or a required one became recommended

#include <string>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// An item whose place in the count changed, as the checklist that still has it describes it.
struct ScopedItem
{
  std::string id;
  std::string title;
  /// Its number in that checklist (the earlier one for items that left).
  std::size_t number = 0;
  /// Its status in the state that counted it (the earlier one for items that left).
  Status status = Status::todo;
  /// For an item that left: the item of a checklist file that claims to take it over
  /// (`replaces`), empty when none does.
  std::string merged_into = {};
};

/// How the items a state is counted against changed from one checklist to another.
struct ScopeChange
{
  /// The `checklist =` references and the checklists' versions, before and after.
  std::string before_reference;
  std::string after_reference;
  std::string before_version;
  std::string after_version;
  /// Items that counted before (not n/a) and are gone now: removed, excluded, or in a checklist
  /// no longer followed. An item a built-in checklist merged into one that `replaces` it has
  /// not left (the release is the binary's, reviewed with it); one a checklist file claims to
  /// have merged has, with `merged_into` set: the claim comes with the same pull request.
  std::vector<ScopedItem> left;
  /// Items that counted before and were required, and are recommended now.
  std::vector<ScopedItem> lowered;
  /// Items that count now and did not exist before.
  std::vector<ScopedItem> joined;
  /// Items recommended before and required now.
  std::vector<ScopedItem> raised;

  /// Whether the checklist followed changed at all: its reference or its version.
  bool checklist_changed() const
  {
    return before_reference != after_reference || before_version != after_version;
  }
  /// Whether a gate could pass now on items that would have held it back before.
  bool narrows() const { return !left.empty() || !lowered.empty(); }
  /// Whether nothing about the count changed.
  bool empty() const
  {
    return !checklist_changed() && left.empty() && lowered.empty() && joined.empty() &&
           raised.empty();
  }
};

/// One sentence for a report row: "checklist a.toml -> b.toml; 2 items left the count (beta,
/// gamma); 1 required item lowered (alpha); 1 item joined (delta)"; empty for an empty change.
std::string describe_scope(const ScopeChange& scope);

/// Compares the checklist `before_state` followed (`before`) with the one `after_state` follows
/// (`after`), item by item, by id.
ScopeChange compare_scope(const State& before_state, const Checklist& before,
                          const State& after_state, const Checklist& after);

} // namespace llmchecklist
