#include "llmchecklist/state.hpp"

#include <unordered_set>

namespace llmchecklist {

std::string_view to_string(Status status)
{
  switch (status) {
  case Status::done:
    return "done";
  case Status::na:
    return "na";
  case Status::todo:
    break;
  }
  return "todo";
}

std::optional<Status> parse_status(std::string_view text)
{
  if (text == "todo") {
    return Status::todo;
  }
  if (text == "done") {
    return Status::done;
  }
  if (text == "na") {
    return Status::na;
  }
  return std::nullopt;
}

void State::reindex() const
{
  m_index.clear();
  m_index.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    m_index.emplace(entries[i].id, i);
  }
  m_indexed = entries.size();
}

const Entry* State::find(std::string_view id) const
{
  // Callers mostly ask in checklist order, which is the file's order: the entry after the
  // last one found is then the one asked for, a string comparison instead of a hash lookup
  // (at 10,000 items the lookups were most of computing progress). Ids are unique.
  if (m_next < entries.size() && entries[m_next].id == id) {
    return &entries[m_next++];
  }
  // The index follows appends and erasures by the count of entries, and proves each hit.
  if (m_indexed != entries.size()) {
    reindex();
  }
  auto it = m_index.find(std::string(id));
  if (it != m_index.end() && (it->second >= entries.size() || entries[it->second].id != id)) {
    reindex();
    it = m_index.find(std::string(id));
  }
  if (it == m_index.end()) {
    return nullptr;
  }
  m_next = it->second + 1;
  return &entries[it->second];
}

Entry& State::entry(std::string_view id)
{
  if (const Entry* found = find(id)) {
    return entries[static_cast<std::size_t>(found - entries.data())];
  }
  Entry& added = entries.emplace_back();
  added.id = std::string(id);
  m_index.emplace(added.id, entries.size() - 1);
  m_indexed = entries.size();
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
  return removed;
}

} // namespace llmchecklist
