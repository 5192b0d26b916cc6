#include "llmchecklist/checklist.hpp"

#include "llmchecklist/error.hpp"

namespace llmchecklist {

std::string_view to_string(Severity severity)
{
  return severity == Severity::required ? "required" : "recommended";
}

std::size_t Checklist::find_item(std::string_view id) const
{
  // Asked in checklist order (orphan checks walk a state file, which is in that order), the
  // item after the last one found is the one asked for: no hashing.
  if (m_next < m_items.size() && m_items[m_next].id == id) {
    return m_next++;
  }
  if (m_indexed != m_items.size()) {
    m_item_index.reserve(m_items.size());
    for (; m_indexed < m_items.size(); ++m_indexed) {
      // emplace keeps the first of a repeated id, as find_item() always answered.
      m_item_index.emplace(m_items[m_indexed].id, m_indexed);
    }
  }
  const auto it = m_item_index.find(std::string(id));
  if (it == m_item_index.end()) {
    return npos;
  }
  m_next = it->second + 1;
  return it->second;
}

std::size_t Checklist::find_phase(std::string_view id) const
{
  for (std::size_t i = 0; i < m_phases.size(); ++i) {
    if (m_phases[i].id == id) {
      return i;
    }
  }
  return npos;
}

void Checklist::add_phase(Phase phase)
{
  phase.items.clear();
  m_phases.push_back(std::move(phase));
}

void Checklist::reserve(std::size_t items)
{
  m_items.reserve(items);
}

void Checklist::add_item(Item item)
{
  if (m_phases.empty()) {
    throw UsageError("an item needs a phase: add_phase() first");
  }
  item.number = m_items.size() + 1;
  item.phase = m_phases.size() - 1;
  m_phases.back().items.push_back(m_items.size());
  m_items.push_back(std::move(item));
}

} // namespace llmchecklist
