#pragma once
/// The CI gates: whether a state is good enough to merge or ship, and why not.
///
///     GateRequest request;
///     request.from_state = true; // `progress --gate`: the state file's [gate] table
///     const Gate gate = effective_gate(project.state, request);
///     for (const std::string& reason : evaluate_gate(project.checklist, project.state, gate)) {
///       // "progress is 42 %, below the minimum of 80 %"
///     }

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/scope.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// The rules a caller asks for, on top of the state file's own.
struct GateRequest
{
  /// Start from the state file's [gate] table (`progress --gate`).
  bool from_state = false;
  /// Overall minimum percentage; negative when not asked.
  double min = -1;
  bool all_required = false;
  bool no_stale = false;
  /// `--evidence-current`: fail while a checked item's evidence changed.
  bool evidence_current = false;
  /// Per-phase minimums; each replaces the state's minimum for the same phase.
  std::vector<GatePhase> phases;
};

/// The gate that applies: the state's [gate] when `request.from_state`, with the request's
/// rules on top.
Gate effective_gate(const State& state, const GateRequest& request);

/// Parses "PHASE=PCT" (`--min-phase`); throws UsageError saying what it takes.
GatePhase parse_phase_minimum(std::string_view spec);

/// The rules of `gate` that counts alone decide (its minimum, and no required item open): what
/// `fleet` judges a source by, including one read from an export, where no state is at hand.
/// `open_required` names the required items still todo, one per line ("12 rate-limits").
/// evaluate_gate() gives the same reasons for the same counts.
std::vector<std::string> evaluate_counts(const Counts& counts, const Gate& gate,
                                         const std::vector<std::string>& open_required);

/// Why `state` fails `gate`, one reason per broken rule (the items concerned listed on
/// following lines); empty when it passes. With `phase`, the overall rules apply to that phase
/// alone. A [gate.phases] entry that names no phase is a DataError at its place in the state
/// file (a LookupError when it came from elsewhere).
std::vector<std::string> evaluate_gate(const Checklist& checklist, const State& state,
                                       const Gate& gate,
                                       std::optional<std::size_t> phase = std::nullopt);

/// Why `now` went backwards from `then`, the state at revision `ref` (`progress --since`): items
/// done then and todo now, and lower overall progress. Empty when nothing went down. With
/// `max_drop` (`--max-drop POINTS`) only the overall drop counts, and only beyond that many
/// percentage points: a change may uncheck items as long as progress stays within reach.
std::vector<std::string> regressions_since(const Checklist& checklist, const State& then,
                                           const State& now, std::string_view ref,
                                           std::optional<double> max_drop = std::nullopt);

/// Why a change of checklist since revision `ref` fails `progress --since` (see ScopeChange):
/// one reason listing the items that left the count, one listing the required items now
/// recommended. Empty when the scope did not narrow. `--allow-rescope` reports them instead.
std::vector<std::string> scope_regressions(const ScopeChange& scope, std::string_view ref);

} // namespace llmchecklist
