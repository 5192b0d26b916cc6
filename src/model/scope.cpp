#include "llmchecklist/scope.hpp"

#include <string_view>

#include <fmt/format.h>
#include <unordered_map>

namespace llmchecklist {
namespace {

Status status_in(const State& state, const std::string& id)
{
  const Entry* entry = state.find(id);
  return entry != nullptr ? entry->status : Status::todo;
}

ScopedItem scoped(const Item& item, const State& state)
{
  return ScopedItem{item.id, item.title, item.number, status_in(state, item.id)};
}

} // namespace

ScopeChange compare_scope(const State& before_state, const Checklist& before,
                          const State& after_state, const Checklist& after)
{
  ScopeChange scope;
  scope.before_reference = before_state.checklist;
  scope.after_reference = after_state.checklist;
  scope.before_version = before.version;
  scope.after_version = after.version;
  // Ids taken over by an item that replaces them, and by which.
  std::unordered_map<std::string, std::string> merged;
  for (const Item& item : after.items()) {
    if (before.find_item(item.id) == Checklist::npos) {
      scope.joined.push_back(scoped(item, after_state));
    }
    for (const std::string& id : item.replaces) {
      merged.emplace(id, item.id);
    }
  }
  const bool built_in = std::string_view(after_state.checklist).rfind("builtin:", 0) == 0;
  for (const Item& item : before.items()) {
    // An item that was not applicable did not count: it cannot leave the count.
    if (status_in(before_state, item.id) == Status::na) {
      continue;
    }
    const std::size_t now = after.find_item(item.id);
    if (now == Checklist::npos) {
      const auto into = merged.find(item.id);
      if (into == merged.end() || !built_in) {
        scope.left.push_back(scoped(item, before_state));
        if (into != merged.end()) {
          scope.left.back().merged_into = into->second;
        }
      }
      continue;
    }
    const Item& current = after.items()[now];
    if (item.severity == Severity::required && current.severity != Severity::required) {
      scope.lowered.push_back(scoped(current, after_state));
    } else if (item.severity != Severity::required && current.severity == Severity::required) {
      scope.raised.push_back(scoped(current, after_state));
    }
  }
  return scope;
}

std::string describe_scope(const ScopeChange& scope)
{
  std::string text;
  const auto add = [&](std::string part) { text += (text.empty() ? "" : "; ") + part; };
  if (scope.before_reference != scope.after_reference) {
    add(fmt::format("checklist {} -> {}", scope.before_reference, scope.after_reference));
  } else if (scope.before_version != scope.after_version) {
    add(fmt::format("checklist version {} -> {}", scope.before_version, scope.after_version));
  }
  const auto items = [&](const std::vector<ScopedItem>& list, std::string_view one,
                         std::string_view many) {
    if (list.empty()) {
      return;
    }
    std::string ids;
    for (const ScopedItem& item : list) {
      ids += (ids.empty() ? "" : ", ") + item.id;
    }
    add(fmt::format("{} {} ({})", list.size(), list.size() == 1 ? one : many, ids));
  };
  items(scope.left, "item left the count", "items left the count");
  items(scope.lowered, "required item lowered", "required items lowered");
  items(scope.joined, "item joined", "items joined");
  items(scope.raised, "item raised to required", "items raised to required");
  return text;
}

} // namespace llmchecklist
