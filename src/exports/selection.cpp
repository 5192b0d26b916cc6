#include "exports/selection.hpp"

namespace llmchecklist::detail {

Selected select(const Checklist& checklist, const State& state, const Selection& selection)
{
  Selected selected;
  selected.progress = compute_progress(checklist, state);
  for (std::size_t p = 0; p < checklist.phases().size(); ++p) {
    if (selection.phase && *selection.phase != p) {
      continue;
    }
    selected.counts += selected.progress.phases[p];
    SelectedPhase& phase = selected.phases.emplace_back();
    phase.index = p;
    if (!selection.items) {
      continue;
    }
    for (const std::size_t i : checklist.phases()[p].items) {
      if (!selection.status || status_of(state, checklist.items()[i]) == *selection.status) {
        phase.items.push_back(i);
      }
    }
  }
  return selected;
}

} // namespace llmchecklist::detail
