#include "llmchecklist/upgrade.hpp"

#include <algorithm>

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
  std::vector<std::string> replaced;
  for (const Item& item : to.items()) {
    const Entry* entry = state.find(item.id);
    // Items merged into this one: a check of one of them moves here when this item has none
    // of its own (the first such in `replaces` order); every other stays as recorded.
    bool has_check = entry != nullptr && entry->status != Status::todo;
    for (const std::string& old : item.replaces) {
      if (from != nullptr && from->find_item(old) == Checklist::npos) {
        continue; // not an item of the version the state follows
      }
      replaced.push_back(old);
      const Entry* old_entry = state.find(old);
      UpgradePlan::Merge merge{old, item.id, false, 0};
      if (old_entry != nullptr && old_entry->status != Status::todo && !has_check) {
        merge.carried = true;
        // Below the item's revision: stale until someone re-confirms it.
        merge.revision = std::min(std::max(old_entry->revision, 1), item.revision - 1);
        has_check = true;
      }
      plan.merged.push_back(std::move(merge));
    }
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
    const bool merged = std::find(replaced.begin(), replaced.end(), entry.id) != replaced.end();
    if (was_there && !merged && to.find_item(entry.id) == Checklist::npos) {
      plan.dropped.push_back(entry.id);
    }
  }
  return plan;
}

void apply_upgrade(State& state, const UpgradePlan& plan, const Checklist& to)
{
  state.checklist = plan.to_reference;
  if (state.checklist.rfind(k_builtin_prefix, 0) != 0) {
    state.checklist_version = plan.to_version;
  }
  for (const UpgradePlan::Merge& merge : plan.merged) {
    const Entry* old = state.find(merge.from);
    if (!merge.carried || old == nullptr) {
      continue;
    }
    Entry moved = *old;
    moved.id = merge.into;
    moved.revision = merge.revision;
    // The item taking over had no check, but may have a verify command of its own: it wins, and
    // then the merged entry stays as an orphan, so that its command is not lost either.
    bool keep_old = false;
    if (const Entry* keeper = state.find(merge.into);
        keeper != nullptr && !keeper->verify.empty()) {
      keep_old = !moved.verify.empty() && moved.verify != keeper->verify;
      moved.verify = keeper->verify;
      moved.verify_result = keeper->verify_result;
    }
    std::erase_if(state.entries, [&](const Entry& entry) {
      return (entry.id == merge.from && !keep_old) || entry.id == merge.into;
    });
    state.entries.push_back(std::move(moved));
    state.reindex();
  }
  // Entries of items the new version no longer has that record nothing (todo, no note, no
  // command) are only the old version's layout: as orphans they would only be noise.
  const std::size_t before = state.entries.size();
  std::erase_if(state.entries, [&](const Entry& entry) {
    return entry.blank() && to.find_item(entry.id) == Checklist::npos;
  });
  if (state.entries.size() != before) {
    state.reindex();
  }
}

} // namespace llmchecklist
