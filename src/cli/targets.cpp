#include "targets.hpp"

#include <algorithm>

#include "llmchecklist/address.hpp"

namespace llmchecklist::cli {

std::vector<std::size_t> resolve_targets(const Checklist& checklist,
                                         const std::vector<std::string>& references,
                                         const std::vector<std::string>& phases)
{
  std::vector<std::size_t> targets;
  for (const std::string& reference : references) {
    targets.push_back(resolve_item(checklist, reference));
  }
  for (const std::string& reference : phases) {
    const Phase& phase = checklist.phases()[resolve_phase(checklist, reference)];
    targets.insert(targets.end(), phase.items.begin(), phase.items.end());
  }
  std::sort(targets.begin(), targets.end());
  targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
  return targets;
}

} // namespace llmchecklist::cli
