#include "llmchecklist/state.hpp"

#include "llmchecklist/enum_names.hpp"

#include <unordered_set>

namespace llmchecklist {

namespace {

constexpr std::string_view k_status_names[] = {"todo", "done", "na"};

} // namespace

std::string_view to_string(Status status)
{
  return name_of(status, k_status_names);
}

std::optional<Status> parse_status(std::string_view text)
{
  return enum_named<Status>(text, k_status_names);
}

bool State::reindex()
{
  m_index.clear();
  m_index.reserve(entries.size());
  bool unique = true;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    unique = m_index.emplace(entries[i].id, i).second && unique;
  }
  return unique;
}

const Entry* State::find(std::string_view id) const
{
  // The index is trusted only where it proves itself: a hit must name the entry at its slot,
  // and a miss counts only while the index covers every entry. Anything else (entries changed
  // directly since the last reindex()) is answered by a search.
  const auto it = m_index.find(id);
  if (it != m_index.end() && it->second < entries.size() && entries[it->second].id == id) {
    return &entries[it->second];
  }
  if (it == m_index.end() && m_index.size() == entries.size()) {
    return nullptr;
  }
  for (const Entry& entry : entries) {
    if (entry.id == id) {
      return &entry;
    }
  }
  return nullptr;
}

Entry& State::entry(std::string_view id)
{
  if (const Entry* found = find(id)) {
    return entries[static_cast<std::size_t>(found - entries.data())];
  }
  Entry& added = entries.emplace_back();
  added.id = std::string(id);
  m_index.emplace(added.id, entries.size() - 1);
  return added;
}

std::vector<const Entry*> orphaned_entries(const State& state, const Checklist& checklist)
{
  std::vector<const Entry*> orphans;
  for (const Entry& entry : state.entries) {
    if (checklist.find_item(entry.id) == Checklist::npos) {
      orphans.push_back(&entry);
    }
  }
  return orphans;
}

std::vector<Entry> remove_orphaned_entries(State& state, const Checklist& checklist)
{
  std::vector<Entry> removed;
  std::vector<Entry> kept;
  for (Entry& entry : state.entries) {
    (checklist.find_item(entry.id) == Checklist::npos ? removed : kept).push_back(std::move(entry));
  }
  state.entries = std::move(kept);
  state.reindex();
  return removed;
}

} // namespace llmchecklist
