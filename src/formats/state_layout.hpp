#pragma once
// The state file's layout with some parts written by the caller: the merge driver writes a
// conflict in the place of an item's table, the [gate] table or the `checklist` line, so that
// the rest of the file is exactly what serialize_state() writes.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "llmchecklist/state.hpp"

namespace llmchecklist::detail {

/// Text to write instead of parts of the state; each part not given is the state's own.
struct LayoutOverrides
{
  /// Replaces the `checklist = ...` line (and `checklist_version`), newlines included.
  std::optional<std::string> checklist_line;
  /// Replaces the [gate] table (after its comment), written even when the state has no gate.
  std::optional<std::string> gate_table;
  /// Replaces an entry's table, by id.
  std::unordered_map<std::string, std::string> entries;
};

/// The `checklist = ...` line, and the `checklist_version = ...` line when `version` is set.
std::string serialize_checklist_lines(std::string_view reference, std::string_view version,
                                      std::string_view newline);

/// The [gate] table with its [gate.phases]; empty when the gate sets nothing.
std::string serialize_gate_table(const Gate& gate, std::string_view newline);

/// serialize_state()'s layout, with the overridden parts in their places.
std::string layout_state(const State& state, const Checklist& checklist,
                         const LayoutOverrides& overrides);

} // namespace llmchecklist::detail
