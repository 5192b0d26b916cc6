#pragma once
/// What changed in a checklist's state between two versions of the state file, for
/// `llmchecklist diff`.
///
///     for (const StateChange& change : diff_states(before, after, checklist)) {
///       to_string(change.kind); // "checked", "unchecked", "na", "note" or "rechecked"
///     }

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// How an item's check changed.
enum class ChangeKind
{
  /// Now done; it was todo or n/a.
  checked,
  /// Now n/a; it was todo or done.
  na,
  /// Now todo; it was done or n/a.
  unchecked,
  /// Still done or n/a, with another note.
  note,
  /// Still done or n/a with the same note, checked again: by, at, revision or until changed.
  rechecked,
};

/// "checked", "na", "unchecked", "note" or "rechecked".
std::string_view to_string(ChangeKind kind);

/// One item whose check changed.
struct StateChange
{
  ChangeKind kind = ChangeKind::checked;
  /// The item's index in the checklist, or Checklist::npos for an entry it does not have.
  std::size_t item = Checklist::npos;
  /// The entry before and after (todo with nothing recorded where there was none).
  Entry before;
  Entry after;
};

/// The items whose check differs between the two states: the checklist's items in order, then
/// entries the checklist does not have (those of `after` first, in file order). Verify commands and
/// their results are not checks and are not compared.
std::vector<StateChange> diff_states(const State& before, const State& after,
                                     const Checklist& checklist);

/// An item whose verify command differs between two versions: a command that will run in CI
/// arrives with a merge like any other line, so review must see it.
struct CommandChange
{
  /// The item's index in the checklist the comparison used; Checklist::npos for an entry it
  /// lacks (an orphan, or any entry when the checklist could not be read).
  std::size_t item = Checklist::npos;
  std::string id;
  /// The command before and after; empty where there was none.
  std::string before;
  std::string after;

  /// "added", "changed" or "removed".
  std::string_view kind() const
  {
    return before.empty() ? "added" : after.empty() ? "removed" : "changed";
  }
};

/// The items whose effective verify command (the state's, else the checklist's default)
/// differs between `before` (following `before_checklist`) and `after` (following
/// `checklist`), in the order of `checklist`, then the state's own commands of entries
/// `checklist` lacks (those of `after` first, in file order).
std::vector<CommandChange> diff_verify_commands(const State& before,
                                                const Checklist& before_checklist,
                                                const State& after, const Checklist& checklist);

/// "evals/junit.xml (junit): max_failures = 0": an expectation in one line.
std::string describe_expectation(const ExpectationRule& rule);

/// The expectations added or removed between two versions, reviewed like verify commands (a
/// rule that changed is one removed and one added): `before` and `after` hold
/// describe_expectation() of the rule, empty on the side where it is not. In the order of
/// `checklist`, then entries it lacks.
std::vector<CommandChange> diff_expectations(const State& before, const State& after,
                                             const Checklist& checklist);

} // namespace llmchecklist
