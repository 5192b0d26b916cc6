#include "llmchecklist/checklist.hpp"

#include "llmchecklist/error.hpp"

namespace llmchecklist {

std::string_view to_string(Severity severity)
{
  return severity == Severity::required ? "required" : "recommended";
}

std::size_t Checklist::find_item(std::string_view id) const
{
  const auto it = m_item_index.find(id);
  return it == m_item_index.end() ? npos : it->second;
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
  m_item_index.reserve(items);
}

void Checklist::add_item(Item item)
{
  if (m_phases.empty()) {
    throw UsageError("an item needs a phase: add_phase() first");
  }
  item.number = m_items.size() + 1;
  item.phase = m_phases.size() - 1;
  m_item_index.emplace(item.id, m_items.size()); // keeps the first of a repeated id
  m_phases.back().items.push_back(m_items.size());
  m_items.push_back(std::move(item));
}

} // namespace llmchecklist
