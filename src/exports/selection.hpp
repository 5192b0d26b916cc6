#pragma once
// What a Selection picks out of a checklist, computed once for every renderer.

#include <cstddef>
#include <vector>

#include "llmchecklist/export.hpp"
#include "llmchecklist/progress.hpp"

namespace llmchecklist::detail {

struct SelectedPhase
{
  std::size_t index = 0;
  /// Items of the phase that pass the status filter (empty when items are not selected).
  std::vector<std::size_t> items;
};

struct Selected
{
  Progress progress;
  /// Counters over the selected phases.
  Counts counts;
  std::vector<SelectedPhase> phases;
};

Selected select(const Checklist& checklist, const State& state, const Selection& selection);

} // namespace llmchecklist::detail
