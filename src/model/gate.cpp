#include "llmchecklist/gate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "llmchecklist/address.hpp"
#include "llmchecklist/backing.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/progress.hpp"

namespace llmchecklist {
namespace {

// "\n  3 quality-bar" for each item of the selected phases that `wanted` picks.
template <typename Wanted>
std::string item_lines(const Checklist& checklist, std::optional<std::size_t> phase, Wanted wanted)
{
  std::string list;
  for (const Item& item : checklist.items()) {
    if ((!phase || *phase == item.phase) && wanted(item)) {
      list += fmt::format("\n  {} {}", item.number, item.id);
    }
  }
  return list;
}

// The phase a gate's minimum names. One the state file names wrongly is the file's problem,
// reported where it is; one typed on the command line is the user's.
std::size_t gate_phase(const Checklist& checklist, const GatePhase& minimum)
{
  try {
    return resolve_phase(checklist, minimum.phase);
  } catch (const LookupError& error) {
    if (minimum.location.path.empty()) {
      throw;
    }
    std::string ids;
    for (const Phase& phase : checklist.phases()) {
      ids += fmt::format("{}{}", ids.empty() ? "" : ", ", phase.id);
    }
    throw DataError(minimum.location,
                    fmt::format("[gate.phases] names '{}', which is not a phase of this "
                                "checklist (expected one of: {})",
                                minimum.phase, ids));
  }
}

// The rules about what backs the checks: current evidence, named items backed, a share backed.
void append_backing_reasons(std::vector<std::string>& reasons, const Checklist& checklist,
                            const State& state, const Gate& gate, std::optional<std::size_t> phase)
{
  const auto changed = [&](const Item& item) {
    const Entry* entry = state.find(item.id);
    return entry != nullptr && status_of(state, item) != Status::todo &&
           evidence_changed(state, *entry);
  };
  if (gate.evidence_current) {
    const std::string lines = item_lines(checklist, phase, changed);
    if (!lines.empty()) {
      reasons.push_back(fmt::format("evidence changed since the check (review it, then check the "
                                    "item again with `llmchecklist check ITEM`):{}",
                                    lines));
    }
  }
  if (!gate.backed.empty()) {
    const auto named = [&](const Item& item) {
      return std::find(gate.backed.begin(), gate.backed.end(), item.id) != gate.backed.end();
    };
    const std::string lines = item_lines(
        checklist, phase, [&](const Item& item) { return named(item) && !is_backed(state, item); });
    if (!lines.empty()) {
      reasons.push_back(fmt::format("items the gate requires backed by current evidence, a "
                                    "passing expectation or a passing verify command are not:{}",
                                    lines));
    }
  }
  if (gate.backed_min >= 0) {
    const Counts counts = counts_of(compute_progress(checklist, state), phase);
    const double share = counts.done == 0 ? 100.0
                                          : 100.0 * static_cast<double>(counts.backed) /
                                                static_cast<double>(counts.done);
    if (share < gate.backed_min) {
      reasons.push_back(fmt::format("{} of {} done items are backed ({} %), below the minimum "
                                    "of {} %",
                                    counts.backed, counts.done, static_cast<int>(share),
                                    gate.backed_min));
    }
  }
}

} // namespace

Gate effective_gate(const State& state, const GateRequest& request)
{
  Gate gate = request.from_state ? state.gate : Gate{};
  if (request.min >= 0) {
    gate.min = request.min;
  }
  gate.all_required = gate.all_required || request.all_required;
  gate.no_stale = gate.no_stale || request.no_stale;
  gate.evidence_current = gate.evidence_current || request.evidence_current;
  for (const GatePhase& minimum : request.phases) {
    std::erase_if(gate.phases,
                  [&](const GatePhase& entry) { return entry.phase == minimum.phase; });
    gate.phases.push_back(minimum);
  }
  return gate;
}

GatePhase parse_phase_minimum(std::string_view spec)
{
  const std::size_t equals = spec.find('=');
  const std::string number(equals == std::string_view::npos ? "" : spec.substr(equals + 1));
  char* end = nullptr;
  const double minimum = std::strtod(number.c_str(), &end);
  if (equals == std::string_view::npos || equals == 0 || number.empty() || *end != '\0' ||
      !(minimum >= 0 && minimum <= 100)) {
    throw UsageError(fmt::format("--min-phase takes PHASE=PCT, a phase and a percentage from 0 "
                                 "to 100 without %, as in --min-phase evaluation=80; got \"{}\"",
                                 spec));
  }
  return GatePhase{std::string(spec.substr(0, equals)), minimum};
}

std::vector<std::string> evaluate_counts(const Counts& counts, const Gate& gate,
                                         const std::vector<std::string>& open_required)
{
  std::vector<std::string> reasons;
  if (gate.min >= 0 && counts.percent() < gate.min) {
    reasons.push_back(fmt::format("progress is {} %, below the minimum of {} %",
                                  counts.percent_floor(), gate.min));
  }
  if (gate.all_required && counts.required_todo > 0) {
    std::string lines;
    for (const std::string& item : open_required) {
      lines += "\n  " + item;
    }
    reasons.push_back(fmt::format("{} required item{} still todo:{}", counts.required_todo,
                                  counts.required_todo == 1 ? " is" : "s are", lines));
  }
  return reasons;
}

std::vector<std::string> evaluate_gate(const Checklist& checklist, const State& state,
                                       const Gate& gate, std::optional<std::size_t> phase)
{
  const Progress progress = compute_progress(checklist, state);
  const Counts counts = counts_of(progress, phase);
  std::vector<std::string> open_required;
  if (gate.all_required) {
    for (const Item& item : checklist.items()) {
      if ((!phase || *phase == item.phase) && item.severity == Severity::required &&
          status_of(state, item) == Status::todo) {
        open_required.push_back(fmt::format("{} {}", item.number, item.id));
      }
    }
  }
  // The rules in the order people read them: the minimum, each phase, then the items.
  Gate minimum_only;
  minimum_only.min = gate.min;
  std::vector<std::string> reasons = evaluate_counts(counts, minimum_only, {});
  for (const GatePhase& minimum : gate.phases) {
    const std::size_t p = gate_phase(checklist, minimum);
    if (progress.phases[p].percent() < minimum.min) {
      reasons.push_back(fmt::format("phase {} is at {} %, below its minimum of {} %",
                                    checklist.phases()[p].id, progress.phases[p].percent_floor(),
                                    minimum.min));
    }
  }
  Gate required_only;
  required_only.all_required = gate.all_required;
  for (std::string& reason : evaluate_counts(counts, required_only, open_required)) {
    reasons.push_back(std::move(reason));
  }
  if (gate.no_stale && counts.stale > 0) {
    reasons.push_back(fmt::format(
        "{} check{} stale (the requirement changed after the check); re-check with "
        "`llmchecklist check ITEM`:{}",
        counts.stale, counts.stale == 1 ? " is" : "s are",
        item_lines(checklist, phase, [&](const Item& item) { return is_stale(state, item); })));
  }
  append_backing_reasons(reasons, checklist, state, gate, phase);
  return reasons;
}

std::vector<std::string> regressions_since(const Checklist& checklist, const State& then,
                                           const State& now, std::string_view ref,
                                           std::optional<double> max_drop)
{
  std::vector<std::string> reasons;
  if (max_drop) {
    const double before = compute_progress(checklist, then).overall.percent();
    const double after = compute_progress(checklist, now).overall.percent();
    // Percentages are ratios of small counts: a drop of exactly POINTS may come out a hair
    // above it in floating point, and exactly POINTS passes.
    constexpr double k_tolerance = 1e-9;
    if (before - after > *max_drop + k_tolerance) {
      reasons.push_back(fmt::format("progress fell {:.1f} points since {} ({:.1f} % then, "
                                    "{:.1f} % now), more than the {:g} allowed",
                                    before - after, ref, before, after, *max_drop));
    }
    return reasons;
  }
  const std::string lost = item_lines(checklist, std::nullopt, [&](const Item& item) {
    return status_of(then, item) == Status::done && status_of(now, item) == Status::todo;
  });
  if (!lost.empty()) {
    reasons.push_back(fmt::format("items done at {} are todo now:{}", ref, lost));
  }
  const double before = compute_progress(checklist, then).overall.percent();
  const double after = compute_progress(checklist, now).overall.percent();
  if (after < before) {
    reasons.push_back(fmt::format("progress went down since {}: {:.0f} % then, {:.0f} % now", ref,
                                  std::floor(before), std::floor(after)));
  }
  return reasons;
}

std::vector<std::string> scope_regressions(const ScopeChange& scope, std::string_view ref)
{
  const auto lines = [](const std::vector<ScopedItem>& items) {
    std::string list;
    for (const ScopedItem& item : items) {
      list += fmt::format("\n  {} {}", item.number, item.id);
      if (!item.merged_into.empty()) {
        list += fmt::format(" (the checklist file says {} took it over)", item.merged_into);
      }
    }
    return list;
  };
  std::vector<std::string> reasons;
  if (!scope.left.empty()) {
    reasons.push_back(fmt::format("{} item{} that counted at {} left the count (the checklist "
                                  "changed):{}",
                                  scope.left.size(), scope.left.size() == 1 ? "" : "s", ref,
                                  lines(scope.left)));
  }
  if (!scope.lowered.empty()) {
    reasons.push_back(fmt::format("{} item{} required at {} {} recommended now (the checklist "
                                  "changed):{}",
                                  scope.lowered.size(), scope.lowered.size() == 1 ? "" : "s", ref,
                                  scope.lowered.size() == 1 ? "is" : "are", lines(scope.lowered)));
  }
  return reasons;
}

} // namespace llmchecklist
