#pragma once
// Walking a checklist's items and a state's entries side by side. A state file lists its
// entries in checklist order (our writer lays it out so), so the entry after the last one found
// is almost always the next one asked for: a string comparison instead of a hash lookup, and
// at 10,000 items the lookups were most of computing progress. Anything out of order falls back
// to the index. Ids are unique on both sides (the readers refuse repeats).

#include <string_view>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist::detail {

/// State::find(), fast when asked in the entries' order.
class EntryCursor
{
public:
  explicit EntryCursor(const State& state) : m_state(state) {}

  const Entry* find(std::string_view id)
  {
    const auto& entries = m_state.entries;
    if (m_next < entries.size() && entries[m_next].id == id) {
      return &entries[m_next++];
    }
    const Entry* found = m_state.find(id);
    if (found != nullptr) {
      m_next = static_cast<std::size_t>(found - entries.data()) + 1;
    }
    return found;
  }

private:
  const State& m_state;
  std::size_t m_next = 0;
};

/// Checklist::find_item(), fast when asked in the items' order.
class ItemCursor
{
public:
  explicit ItemCursor(const Checklist& checklist) : m_checklist(checklist) {}

  std::size_t find(std::string_view id)
  {
    const auto& items = m_checklist.items();
    if (m_next < items.size() && items[m_next].id == id) {
      return m_next++;
    }
    const std::size_t found = m_checklist.find_item(id);
    if (found != Checklist::npos) {
      m_next = found + 1;
    }
    return found;
  }

private:
  const Checklist& m_checklist;
  std::size_t m_next = 0;
};

} // namespace llmchecklist::detail
