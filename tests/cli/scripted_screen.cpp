#include "scripted_screen.hpp"

#include <algorithm>
#include <csignal>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "ui/keys.hpp"

namespace llmchecklist::cli::ui {
namespace {

// Reads after the end of the script before the test gives up: a session stops at the first.
constexpr int k_reads_after_end = 100;

// `text` cut into code points (a continuation byte stays with the byte before it).
std::vector<std::string> code_points(std::string_view text)
{
  std::vector<std::string> out;
  for (const char byte : text) {
    if (out.empty() || (static_cast<unsigned char>(byte) & 0xC0) != 0x80) {
      out.emplace_back();
    }
    out.back() += byte;
  }
  return out;
}

int decode(std::string_view glyph)
{
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(glyph[i]) & 0x3F; };
  const auto lead = static_cast<unsigned char>(glyph[0]);
  switch (glyph.size()) {
  case 2:
    return ((lead & 0x1F) << 6) | byte(1);
  case 3:
    return ((lead & 0x0F) << 12) | (byte(1) << 6) | byte(2);
  case 4:
    return ((lead & 0x07) << 18) | (byte(1) << 12) | (byte(2) << 6) | byte(3);
  default:
    return lead;
  }
}

std::string trimmed(std::string line)
{
  line.erase(line.find_last_not_of(' ') + 1);
  return line;
}

} // namespace

ScriptedScreen::ScriptedScreen(int rows, int columns)
    : m_rows(rows), m_columns(columns), m_drawing(static_cast<std::size_t>(rows * columns)),
      m_shown(static_cast<std::size_t>(rows * columns))
{
}

ScriptedScreen& ScriptedScreen::type(std::string_view text)
{
  for (const std::string& glyph : code_points(text)) {
    press(decode(glyph));
  }
  return *this;
}

ScriptedScreen& ScriptedScreen::press(int key)
{
  Step step;
  step.kind = Step::Kind::key;
  step.key = key;
  m_steps.push_back(std::move(step));
  return *this;
}

ScriptedScreen& ScriptedScreen::wait()
{
  Step step;
  step.kind = Step::Kind::wait;
  m_steps.push_back(std::move(step));
  return *this;
}

ScriptedScreen& ScriptedScreen::resize(int rows, int columns)
{
  Step step;
  step.kind = Step::Kind::resize;
  step.rows = rows;
  step.columns = columns;
  m_steps.push_back(std::move(step));
  return *this;
}

ScriptedScreen& ScriptedScreen::mouse_at(int row, int column, MouseEvent::Kind kind)
{
  Step step;
  step.kind = Step::Kind::mouse;
  step.mouse = MouseEvent{row, column, kind};
  m_steps.push_back(std::move(step));
  return *this;
}

ScriptedScreen& ScriptedScreen::then(std::function<void()> action)
{
  Step step;
  step.kind = Step::Kind::action;
  step.action = std::move(action);
  m_steps.push_back(std::move(step));
  return *this;
}

ScriptedScreen& ScriptedScreen::save_display()
{
  Step step;
  step.kind = Step::Kind::save;
  m_steps.push_back(std::move(step));
  return *this;
}

int ScriptedScreen::read_key(int /*timeout_ms*/)
{
  while (m_next < m_steps.size()) {
    // Moved on first, so that an action that throws (a failed REQUIRE) is not played again.
    Step& step = m_steps[m_next++];
    switch (step.kind) {
    case Step::Kind::action:
      step.action();
      continue;
    case Step::Kind::save:
      m_saved.push_back(text());
      continue;
    case Step::Kind::key:
      return step.key;
    case Step::Kind::wait:
      return k_key_none;
    case Step::Kind::resize:
      // Like a terminal that changed size: what was on it is gone until the next frame.
      m_rows = step.rows;
      m_columns = step.columns;
      m_drawing.assign(static_cast<std::size_t>(m_rows * m_columns), Cell{});
      m_shown = m_drawing;
      return k_key_resize;
    case Step::Kind::mouse:
      m_mouse = step.mouse;
      return k_key_mouse;
    }
  }
  if (++m_reads_after_end > k_reads_after_end) {
    throw std::logic_error("the session kept reading keys after the script ended and the stop "
                           "signal was set");
  }
  return k_key_none;
}

int ScriptedScreen::stop_signal() const
{
  return m_reads_after_end > 0 ? SIGHUP : 0;
}

ScriptedScreen::Cell& ScriptedScreen::drawing(int row, int column)
{
  return m_drawing[static_cast<std::size_t>(row * m_columns + column)];
}

const ScriptedScreen::Cell& ScriptedScreen::shown(int row, int column) const
{
  return m_shown[static_cast<std::size_t>(row * m_columns + column)];
}

void ScriptedScreen::clear()
{
  m_drawing.assign(m_drawing.size(), Cell{});
}

void ScriptedScreen::put(int row, int column, std::string_view text, Style style)
{
  // What curses does with a position off the screen: nothing.
  if (row < 0 || row >= m_rows || column >= m_columns) {
    return;
  }
  int at = column;
  for (const std::string& glyph : code_points(text)) {
    if (at >= m_columns) {
      ++m_overflows;
      return;
    }
    if (at >= 0) {
      drawing(row, at) = Cell{glyph, style};
    }
    ++at;
  }
}

void ScriptedScreen::fill(int row, int column, Style style)
{
  if (row < 0 || row >= m_rows) {
    return;
  }
  for (int at = std::max(column, 0); at < m_columns; ++at) {
    drawing(row, at) = Cell{" ", style};
  }
}

void ScriptedScreen::show(int cursor_row, int cursor_column)
{
  m_shown = m_drawing;
  m_text_cursor_row = cursor_row;
  m_text_cursor_column = cursor_row < 0 ? 0 : cursor_column;
  ++m_frames;
}

std::string ScriptedScreen::row(int row) const
{
  if (row < 0 || row >= m_rows) {
    throw std::out_of_range(fmt::format("row {} of a screen of {} rows", row, m_rows));
  }
  std::string line;
  for (int column = 0; column < m_columns; ++column) {
    line += shown(row, column).glyph;
  }
  return trimmed(std::move(line));
}

std::string ScriptedScreen::text() const
{
  std::string out;
  for (int r = 0; r < m_rows; ++r) {
    out += row(r);
    out += '\n';
  }
  return out;
}

std::string ScriptedScreen::dump() const
{
  std::string out = fmt::format("frame {} of {}x{}, text cursor ", m_frames, m_columns, m_rows);
  out += m_text_cursor_row < 0
             ? std::string("hidden")
             : fmt::format("at row {} column {}", m_text_cursor_row, m_text_cursor_column);
  out += ":\n";
  const std::string edge = "    +" + std::string(static_cast<std::size_t>(m_columns), '-') + "+\n";
  out += edge;
  for (int r = 0; r < m_rows; ++r) {
    std::string line;
    for (int column = 0; column < m_columns; ++column) {
      line += shown(r, column).glyph;
    }
    out += fmt::format("{:>3} |{}|{}\n", r, line, r == cursor_row() ? " <" : "");
  }
  out += edge;
  return out;
}

Style ScriptedScreen::style(int row, int column) const
{
  if (row < 0 || row >= m_rows || column < 0 || column >= m_columns) {
    throw std::out_of_range(
        fmt::format("cell {},{} of a screen of {}x{}", row, column, m_columns, m_rows));
  }
  return shown(row, column).style;
}

int ScriptedScreen::cursor_row() const
{
  for (int r = 0; r < m_rows; ++r) {
    if (m_columns > 0 && shown(r, 0).style == Style::cursor) {
      return r;
    }
  }
  return -1;
}

} // namespace llmchecklist::cli::ui
