#pragma once
// The counters every JSON document gives, in one order: list, progress and export, and each
// source and phase of the fleet report.

#include "exports/json_writer.hpp"
#include "llmchecklist/progress.hpp"

namespace llmchecklist::detail {

/// done, na, todo, total, percent, required_todo, automated, verify_failing, stale, expired.
void write_counts(JsonWriter& json, const Counts& counts);

} // namespace llmchecklist::detail
