#include "llmchecklist/upgrade.hpp"

#include "llmchecklist/builtin.hpp"

namespace llmchecklist {

std::string pinned_version(const State& state)
{
  if (state.checklist.rfind(k_builtin_prefix, 0) == 0) {
    const std::size_t at = state.checklist.find('@');
    return at == std::string::npos ? std::string() : state.checklist.substr(at + 1);
  }
  return state.checklist_version;
}

std::string latest_version(const State& state, const Checklist& checklist)
{
  if (state.checklist.rfind(k_builtin_prefix, 0) == 0) {
    const std::string name = state.checklist.substr(
        k_builtin_prefix.size(), state.checklist.find('@') - k_builtin_prefix.size());
    const std::vector<std::string> versions = builtin_checklist_versions(name);
    return versions.empty() ? std::string() : versions.back();
  }
  return checklist.version;
}

UpgradePlan plan_upgrade(const State& state, const Checklist* from, const Checklist& to,
                         const std::string& to_reference)
{
  UpgradePlan plan;
  plan.to_reference = to_reference;
  plan.to_version = to.version;
  for (const Item& item : to.items()) {
    const Entry* entry = state.find(item.id);
    if (from != nullptr) {
      const std::size_t before = from->find_item(item.id);
      if (before == Checklist::npos) {
        plan.added.push_back(item.id);
      } else if (item.revision > from->items()[before].revision) {
        plan.changed.push_back(item.id);
      }
      continue;
    }
    // Without the old version (a checklist file is only there as it is now), the state tells:
    // every item had a table when it was written, and a check records its revision.
    if (entry == nullptr) {
      plan.added.push_back(item.id);
    } else if (entry->revision > 0 && entry->revision < item.revision) {
      plan.changed.push_back(item.id);
    }
  }
  for (const Entry& entry : state.entries) {
    const bool was_there = from == nullptr || from->find_item(entry.id) != Checklist::npos;
    if (was_there && to.find_item(entry.id) == Checklist::npos) {
      plan.dropped.push_back(entry.id);
    }
  }
  return plan;
}

void apply_upgrade(State& state, const UpgradePlan& plan)
{
  state.checklist = plan.to_reference;
  if (state.checklist.rfind(k_builtin_prefix, 0) != 0) {
    state.checklist_version = plan.to_version;
  }
}

} // namespace llmchecklist
