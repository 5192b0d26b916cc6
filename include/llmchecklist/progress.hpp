#pragma once
/// Counting what is done.

#include <cstddef>
#include <optional>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// Item counts for a set of items.
struct Counts
{
  std::size_t done = 0;
  std::size_t na = 0;
  std::size_t todo = 0;
  std::size_t total = 0;
  /// Required items still todo.
  std::size_t required_todo = 0;
  /// Done items backed by a passing verify command.
  std::size_t automated = 0;
  /// Done items whose verify command last failed.
  std::size_t verify_failing = 0;
  /// Done or n/a items checked at an older revision of the item (still counted as checked).
  std::size_t stale = 0;
  /// n/a decisions past their `until` date (counted as todo).
  std::size_t expired = 0;
  /// Done items backed by current evidence, a passing current expectation or a passing verify
  /// command (is_backed(), backing.hpp).
  std::size_t backed = 0;
  /// Done or n/a items whose recorded evidence changed since the check.
  std::size_t evidence_changed = 0;
  /// Items with an expectation whose current result is fail.
  std::size_t expectations_failing = 0;

  /// done / (total - na) * 100, exact; 100 when nothing is applicable.
  double percent() const;
  /// percent() rounded down, so that 100 always means complete.
  int percent_floor() const;
  /// Adds another set's counts.
  Counts& operator+=(const Counts& other);
};

/// Counts overall and per phase.
struct Progress
{
  Counts overall;
  /// One entry per checklist phase, in order.
  std::vector<Counts> phases;
};

/// The status an item counts as: its entry's, todo when it has none, and todo when an n/a
/// decision has expired (its `until` is before state.as_of).
Status status_of(const State& state, const Item& item);

/// Whether an n/a decision has expired.
bool is_expired(const State& state, const Item& item);

/// Whether a check (done or n/a) was made at an older revision of the item: the requirement
/// changed after someone signed it off.
bool is_stale(const State& state, const Item& item);

/// What backs a done item.
enum class Evidence
{
  /// Not done.
  none,
  /// Checked by hand, with no passing verify command behind it.
  manual,
  /// Its verify command passed when `verify --update` last ran.
  automated,
  /// Its verify command failed when `verify --update` last ran (a manual check stays done).
  failing,
};

/// "none", "manual", "automated" or "failing".
std::string_view to_string(Evidence evidence);

/// What backs an item's done status.
Evidence evidence_of(const State& state, const Item& item);

/// The verify command for an item: the state's, else the checklist's default; empty when none.
std::string_view verify_command(const State& state, const Item& item);

/// Counts every phase and the whole checklist.
Progress compute_progress(const Checklist& checklist, const State& state);

/// The counts of one phase, or of the whole checklist when `phase` is empty.
Counts counts_of(const Progress& progress, std::optional<std::size_t> phase);

/// The phase with the lowest percentage among those with something applicable, so that one
/// strong phase cannot hide an empty one; on a tie, a phase that is not optional. Empty when no
/// phase has anything applicable.
std::optional<std::size_t> weakest_phase(const Checklist& checklist, const Progress& progress);

} // namespace llmchecklist
