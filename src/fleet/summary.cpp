// What the fleet adds up to: the gate applied to each source, and the sums across them. Items
// are compared by id, so a practice keeps its place across checklist versions that renumber it.

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "llmchecklist/fleet.hpp"
#include "llmchecklist/gate.hpp"

namespace llmchecklist {

std::string FleetError::located() const
{
  return located_message(location, message);
}

std::vector<std::size_t> order_by_percent(const Fleet& fleet)
{
  std::vector<std::size_t> order(fleet.sources.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const FleetSource& x = fleet.sources[a];
    const FleetSource& y = fleet.sources[b];
    if (x.error.has_value() != y.error.has_value()) {
      return x.error.has_value();
    }
    if (!x.error && x.percent() != y.percent()) {
      return x.percent() < y.percent();
    }
    return x.name < y.name;
  });
  return order;
}

std::vector<std::string> gate_failures(const FleetSource& source, const FleetGate& gate)
{
  if (source.error) {
    return {}; // an unreadable source is reported as such, not as a failed gate
  }
  // The library's gate, on what a source tells: its counts and its open items.
  Gate rules;
  rules.min = gate.min;
  rules.all_required = gate.all_required;
  std::vector<std::string> open_required;
  for (const FleetItem& item : source.open_items) {
    if (item.required) {
      open_required.push_back(item.id);
    }
  }
  // One line each, as the fleet's tables and JSON show them: "...: b, c".
  std::vector<std::string> reasons = evaluate_counts(source.counts, rules, open_required);
  for (std::string& reason : reasons) {
    for (std::size_t at = reason.find("\n  "); at != std::string::npos;
         at = reason.find("\n  ", at)) {
      const bool first = at > 0 && reason[at - 1] == ':';
      reason.replace(at, 3, first ? " " : ", ");
    }
  }
  return reasons;
}

FleetSummary summarize(const Fleet& fleet)
{
  FleetSummary summary;
  std::map<std::string, std::size_t> phase_index;
  struct Tally
  {
    std::string title;
    std::size_t open = 0;
    std::size_t of = 0;
  };
  std::map<std::string, Tally> items;
  std::map<std::pair<std::string, std::string>, std::pair<std::size_t, double>> groups;
  for (const FleetSource& source : fleet.sources) {
    if (source.error) {
      ++summary.unreadable;
      continue;
    }
    ++summary.read;
    if (gate_failures(source, fleet.gate).empty()) {
      ++summary.passing;
    }
    const double percent = source.percent();
    const std::size_t bucket = percent >= 100 ? 4 : static_cast<std::size_t>(percent / 25);
    ++summary.distribution[std::min<std::size_t>(bucket, 4)];
    for (const FleetPhase& phase : source.phases) {
      const auto [at, added] = phase_index.emplace(phase.id, summary.phases.size());
      if (added) {
        summary.phases.push_back(FleetPhase{phase.id, phase.title, phase.optional, {}});
      }
      summary.phases[at->second].counts += phase.counts;
    }
    for (const FleetItem& item : source.open_items) {
      Tally& tally = items[item.id];
      ++tally.open;
      if (tally.title.empty()) {
        tally.title = item.title;
      }
    }
    for (const std::string& id : source.applicable_items) {
      ++items[id].of;
    }
    auto& group = groups[{source.checklist_id, source.pinned_version}];
    ++group.first;
    group.second += percent;
  }
  for (auto& [id, tally] : items) {
    if (tally.open > 0) {
      summary.most_open.push_back(FleetSummary::OpenItem{id, tally.title, tally.open, tally.of});
    }
  }
  std::stable_sort(summary.most_open.begin(), summary.most_open.end(),
                   [](const FleetSummary::OpenItem& a, const FleetSummary::OpenItem& b) {
                     return a.open > b.open;
                   });
  for (const auto& [key, tally] : groups) {
    summary.groups.push_back(FleetSummary::Group{key.first, key.second, tally.first,
                                                 tally.second / static_cast<double>(tally.first)});
  }
  return summary;
}

} // namespace llmchecklist
