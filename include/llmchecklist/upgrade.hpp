#pragma once
/// Versions of the checklist a state follows, and moving a state to a newer one.

#include <string>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// The version a state is pinned to ("2026.1"): a built-in reference's "@VERSION", or a
/// checklist file's recorded `checklist_version`. Empty when the state does not pin one.
std::string pinned_version(const State& state);

/// The newest version available: the latest built-in version this binary has, or the version
/// the checklist file has now. Empty when unknown.
std::string latest_version(const State& state, const Checklist& checklist);

/// What moving to another version changes, for a summary that reads well in review.
struct UpgradePlan
{
  /// The reference and version the state will follow.
  std::string to_reference;
  std::string to_version;
  /// Ids of items the new version adds (they arrive as todo).
  std::vector<std::string> added;
  /// Ids of items whose requirement changed (higher revision); their checks become stale.
  std::vector<std::string> changed;
  /// Ids the new version drops; their entries stay, as orphans.
  std::vector<std::string> dropped;

  /// An item merged into another (the new version's item `replaces` it).
  struct Merge
  {
    /// The old id and the item that takes it over.
    std::string from;
    std::string into;
    /// Whether its check moves to `into` (as stale, at revision `revision`): it had one, and
    /// `into` had none of its own. Otherwise its entry stays, as an orphan.
    bool carried = false;
    int revision = 0;
  };
  /// Items the new version merges into others, in the new version's order.
  std::vector<Merge> merged;
};

/// Plans moving `state` from the checklist it follows (`from`; nullptr when that version is
/// not available, as for a checklist file that has changed) to `to`, read from `to_reference`.
UpgradePlan plan_upgrade(const State& state, const Checklist* from, const Checklist& to,
                         const std::string& to_reference);

/// Re-pins the state as planned, to the checklist `to`. Entries are kept as they are (added
/// items are todo, changed ones show as stale, dropped ones become orphans), but for merged
/// items: a carried check moves to the item that took it over, at a revision that shows it as
/// stale; and entries that record nothing of items `to` lacks are removed.
void apply_upgrade(State& state, const UpgradePlan& plan, const Checklist& to);

} // namespace llmchecklist
