#include "llmchecklist/state_diff.hpp"

#include "llmchecklist/enum_names.hpp"

#include "llmchecklist/progress.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>

namespace llmchecklist {
namespace {

std::optional<ChangeKind> change_between(const Entry& before, const Entry& after)
{
  if (before.status != after.status) {
    switch (after.status) {
    case Status::done:
      return ChangeKind::checked;
    case Status::na:
      return ChangeKind::na;
    case Status::todo:
      return ChangeKind::unchecked;
    }
  }
  // An item still todo records no check, whatever else its entry holds.
  if (after.status == Status::todo) {
    return std::nullopt;
  }
  if (before.note != after.note) {
    return ChangeKind::note;
  }
  if (before.by != after.by || before.at != after.at || before.revision != after.revision ||
      before.until != after.until || before.evidence != after.evidence) {
    return ChangeKind::rechecked;
  }
  return std::nullopt;
}

Entry entry_or_blank(const State& state, const std::string& id)
{
  if (const Entry* entry = state.find(id)) {
    return *entry;
  }
  Entry blank;
  blank.id = id;
  return blank;
}

} // namespace

std::string_view to_string(ChangeKind kind)
{
  static constexpr std::string_view k_names[] = {"checked", "na", "unchecked", "note", "rechecked"};
  return name_of(kind, k_names);
}

std::vector<StateChange> diff_states(const State& before, const State& after,
                                     const Checklist& checklist)
{
  std::vector<std::string> ids;
  for (const Item& item : checklist.items()) {
    ids.push_back(item.id);
  }
  std::unordered_set<std::string> orphans;
  for (const State* state : {&after, &before}) {
    for (const Entry& entry : state->entries) {
      if (checklist.find_item(entry.id) == Checklist::npos && orphans.insert(entry.id).second) {
        ids.push_back(entry.id);
      }
    }
  }
  std::vector<StateChange> changes;
  for (const std::string& id : ids) {
    StateChange change;
    change.before = entry_or_blank(before, id);
    change.after = entry_or_blank(after, id);
    if (const auto kind = change_between(change.before, change.after)) {
      change.kind = *kind;
      change.item = checklist.find_item(id);
      changes.push_back(std::move(change));
    }
  }
  return changes;
}

std::vector<CommandChange> diff_verify_commands(const State& before,
                                                const Checklist& before_checklist,
                                                const State& after, const Checklist& checklist)
{
  std::vector<CommandChange> changes;
  for (std::size_t i = 0; i < checklist.items().size(); ++i) {
    const Item& item = checklist.items()[i];
    const std::size_t old = before_checklist.find_item(item.id);
    std::string was;
    if (old != Checklist::npos) {
      was = verify_command(before, before_checklist.items()[old]);
    } else if (const Entry* entry = before.find(item.id)) {
      was = entry->verify;
    }
    const std::string now(verify_command(after, item));
    if (was != now) {
      changes.push_back(CommandChange{i, item.id, std::move(was), now});
    }
  }
  // A command on an entry the checklist lacks (an orphan, or every entry when the checklist
  // cannot be read) will still be seen by review: it is compared by id.
  const auto compare_orphan = [&](const Entry& entry) {
    if (checklist.find_item(entry.id) != Checklist::npos) {
      return;
    }
    const Entry* then = before.find(entry.id);
    const Entry* now = after.find(entry.id);
    const std::string was = then != nullptr ? then->verify : std::string();
    const std::string is = now != nullptr ? now->verify : std::string();
    if (was != is) {
      changes.push_back(CommandChange{Checklist::npos, entry.id, was, is});
    }
  };
  for (const Entry& entry : after.entries) {
    compare_orphan(entry);
  }
  for (const Entry& entry : before.entries) {
    if (after.find(entry.id) == nullptr) {
      compare_orphan(entry);
    }
  }
  return changes;
}

std::string describe_expectation(const ExpectationRule& rule)
{
  return rule.file + " (" + std::string(to_string(rule.reader)) + "): " + describe_condition(rule);
}

std::vector<CommandChange> diff_expectations(const State& before, const State& after,
                                             const Checklist& checklist)
{
  std::vector<CommandChange> changes;
  const auto compare = [&](const std::string& id) {
    const Entry* then = before.find(id);
    const Entry* now = after.find(id);
    const std::vector<Expectation> none;
    const auto& was = then != nullptr ? then->expectations : none;
    const auto& is = now != nullptr ? now->expectations : none;
    const auto has = [](const std::vector<Expectation>& in, const ExpectationRule& rule) {
      return std::any_of(in.begin(), in.end(),
                         [&](const Expectation& expectation) { return expectation.rule == rule; });
    };
    const std::size_t item = checklist.find_item(id);
    for (const Expectation& expectation : was) {
      if (!has(is, expectation.rule)) {
        changes.push_back(CommandChange{item, id, describe_expectation(expectation.rule), ""});
      }
    }
    for (const Expectation& expectation : is) {
      if (!has(was, expectation.rule)) {
        changes.push_back(CommandChange{item, id, "", describe_expectation(expectation.rule)});
      }
    }
  };
  std::unordered_set<std::string> seen;
  for (const Item& item : checklist.items()) {
    seen.insert(item.id);
    compare(item.id);
  }
  for (const State* state : {&after, &before}) {
    for (const Entry& entry : state->entries) {
      if (seen.insert(entry.id).second) {
        compare(entry.id);
      }
    }
  }
  return changes;
}

} // namespace llmchecklist
