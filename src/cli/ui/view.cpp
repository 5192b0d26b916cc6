#include "ui/view.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "llmchecklist/enum_names.hpp"
#include "llmchecklist/text.hpp"
#include "render.hpp"
#include "terminal.hpp"

namespace llmchecklist::cli::ui {

std::string_view to_string(Filter filter)
{
  static constexpr std::string_view k_names[] = {"all", "todo", "done", "n/a", "stale"};
  return llmchecklist::name_of(filter, k_names);
}

void View::load(Project project)
{
  m_project = std::move(project);
  m_progress = compute_progress(m_project.checklist, m_project.state);
  // Expanded items and folds are kept by index: the checklist is the same unless the file moved
  // to another one, and then indices past its end are dropped.
  std::erase_if(m_expanded,
                [&](std::size_t item) { return item >= m_project.checklist.items().size(); });
  std::erase_if(m_folded,
                [&](std::size_t phase) { return phase >= m_project.checklist.phases().size(); });
  if (!m_query.empty()) {
    search(m_query);
  }
}

bool View::shown(const Item& item) const
{
  const State& state = m_project.state;
  switch (filter) {
  case Filter::all:
    return true;
  case Filter::todo:
    return status_of(state, item) == Status::todo;
  case Filter::done:
    return status_of(state, item) == Status::done;
  case Filter::na:
    return status_of(state, item) == Status::na;
  case Filter::stale:
    return is_stale(state, item) || is_expired(state, item);
  }
  return true;
}

void View::detail_rows(std::size_t index, int width)
{
  const Item& item = m_project.checklist.items()[index];
  const std::size_t room = static_cast<std::size_t>(std::max(width, 20));
  const auto add = [&](const std::string& text, bool heading = false) {
    m_rows.push_back(Row{Row::Kind::detail, item.phase, index, text, heading});
  };
  const auto paragraph = [&](std::string_view text, std::string_view indent) {
    for (const std::string& line : wrap(printable(text, true), room, indent)) {
      add(line);
    }
  };
  // The row cuts a long title; the details start with all of it.
  for (const std::string& line : wrap(printable(item.title), room, "    ")) {
    add(line, true);
  }
  if (!item.details.empty()) {
    paragraph(item.details, "      ");
  }
  if (!item.done_when.empty()) {
    add("    Done when:", true);
    paragraph(item.done_when, "      ");
  }
  if (!item.links.empty()) {
    add("    Links:", true);
    for (const std::string& link : item.links) {
      paragraph(link, "      ");
    }
  }
  const Entry* entry = m_project.state.find(item.id);
  const Status status = status_of(m_project.state, item);
  if (entry != nullptr && status != Status::todo) {
    paragraph(fmt::format("{} by {} at {}", status == Status::na ? "Not applicable" : "Done",
                          entry->by.empty() ? "(not recorded)" : entry->by,
                          entry->at.empty() ? "(not recorded)" : entry->at),
              "    ");
  }
  if (entry != nullptr && !entry->until.empty()) {
    paragraph(fmt::format("Until: {}{}", entry->until,
                          is_expired(m_project.state, item) ? " (expired: todo again)" : ""),
              "    ");
  }
  if (entry != nullptr && !entry->note.empty()) {
    paragraph(fmt::format("{}: {}", status == Status::na ? "Reason" : "Note", entry->note), "    ");
  }
  if (const std::string_view command = verify_command(m_project.state, item); !command.empty()) {
    paragraph(fmt::format("Verify: {} (last result: {})", command,
                          entry != nullptr && !entry->verify_result.empty() ? entry->verify_result
                                                                            : "not recorded"),
              "    ");
  }
}

void View::rebuild(int width)
{
  // Keep the cursor on what it was on: the same item, or the same phase.
  const std::optional<std::size_t> item = current_item();
  const std::size_t phase = current_phase();
  const bool on_phase =
      !m_rows.empty() && m_cursor < m_rows.size() && m_rows[m_cursor].kind == Row::Kind::phase;
  m_rows.clear();
  const Checklist& checklist = m_project.checklist;
  for (std::size_t p = 0; p < checklist.phases().size(); ++p) {
    if (only_phase && *only_phase != p) {
      continue;
    }
    // With a filter, a phase with nothing to show is left out.
    const std::vector<std::size_t>& items = checklist.phases()[p].items;
    if (filter != Filter::all && std::none_of(items.begin(), items.end(), [&](std::size_t i) {
          return shown(checklist.items()[i]);
        })) {
      continue;
    }
    m_rows.push_back(Row{Row::Kind::phase, p, 0, {}, false});
    if (folded(p)) {
      continue;
    }
    for (const std::size_t i : items) {
      if (!shown(checklist.items()[i])) {
        continue;
      }
      m_rows.push_back(Row{Row::Kind::item, p, i, {}, false});
      if (expanded(i)) {
        detail_rows(i, width);
      }
    }
  }
  m_cursor = 0;
  for (std::size_t r = 0; r < m_rows.size(); ++r) {
    const Row& row = m_rows[r];
    if ((!on_phase && item && row.kind == Row::Kind::item && row.item == *item) ||
        ((on_phase || !item) && row.kind == Row::Kind::phase && row.phase == phase)) {
      m_cursor = r;
      break;
    }
    // A hidden item: stay near it, on the last row before where it was.
    if (item && row.kind != Row::Kind::phase && row.item > *item && !on_phase) {
      m_cursor = r > 0 ? r - 1 : 0;
      break;
    }
  }
}

std::size_t View::top(std::size_t height)
{
  if (height == 0) {
    return m_cursor;
  }
  if (m_cursor < m_top) {
    m_top = m_cursor;
  } else if (m_cursor >= m_top + height) {
    m_top = m_cursor + 1 - height;
  }
  m_top = std::min(m_top, m_rows.size() > height ? m_rows.size() - height : 0);
  return m_top;
}

void View::move(long delta)
{
  if (m_rows.empty()) {
    return;
  }
  const long target = static_cast<long>(m_cursor) + delta;
  m_cursor = static_cast<std::size_t>(std::clamp(target, 0L, static_cast<long>(m_rows.size()) - 1));
}

void View::go_to(std::size_t row)
{
  if (!m_rows.empty()) {
    m_cursor = std::min(row, m_rows.size() - 1);
  }
}

std::optional<std::size_t> View::current_item() const
{
  if (m_cursor >= m_rows.size() || m_rows[m_cursor].kind == Row::Kind::phase) {
    return std::nullopt;
  }
  return m_rows[m_cursor].item;
}

std::size_t View::current_phase() const
{
  return m_cursor < m_rows.size() ? m_rows[m_cursor].phase : 0;
}

void View::go_to_phase(std::size_t phase)
{
  for (std::size_t r = 0; r < m_rows.size(); ++r) {
    if (m_rows[r].kind == Row::Kind::phase && m_rows[r].phase == phase) {
      m_cursor = r;
      return;
    }
  }
}

void View::set_expanded(std::size_t item, bool expanded)
{
  if (expanded) {
    m_expanded.insert(item);
  } else {
    m_expanded.erase(item);
  }
}

void View::set_folded(std::size_t phase, bool folded)
{
  if (folded) {
    m_folded.insert(phase);
  } else {
    m_folded.erase(phase);
  }
}

void View::search(const std::string& query)
{
  m_query = query;
  m_matches.clear();
  if (query.empty()) {
    return;
  }
  const std::string needle = ascii_lower(query);
  const std::vector<Item>& items = m_project.checklist.items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    if (ascii_lower(item.title).find(needle) != std::string::npos ||
        item.id.find(needle) != std::string::npos ||
        ascii_lower(item.details).find(needle) != std::string::npos) {
      m_matches.push_back(i);
    }
  }
  // The first match at or after the cursor, as one types.
  const std::size_t from = current_item().value_or(0);
  for (const std::size_t match : m_matches) {
    if (match >= from) {
      for (std::size_t r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].kind == Row::Kind::item && m_rows[r].item == match) {
          m_cursor = r;
          return;
        }
      }
    }
  }
  next_match(true);
}

bool View::next_match(bool forward)
{
  if (m_matches.empty() || m_rows.empty()) {
    return false;
  }
  // Walk the rows from the cursor, wrapping around, to the next row of a matching item.
  const std::size_t count = m_rows.size();
  for (std::size_t step = 1; step <= count; ++step) {
    const std::size_t r = forward ? (m_cursor + step) % count : (m_cursor + count - step) % count;
    const Row& row = m_rows[r];
    if (row.kind == Row::Kind::item &&
        std::binary_search(m_matches.begin(), m_matches.end(), row.item)) {
      m_cursor = r;
      return true;
    }
  }
  return false;
}

std::optional<std::size_t> View::match_position() const
{
  const std::optional<std::size_t> item = current_item();
  if (!item) {
    return std::nullopt;
  }
  const auto found = std::lower_bound(m_matches.begin(), m_matches.end(), *item);
  if (found == m_matches.end() || *found != *item) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(found - m_matches.begin());
}

void View::end_search()
{
  m_query.clear();
  m_matches.clear();
}

} // namespace llmchecklist::cli::ui
