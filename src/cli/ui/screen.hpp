#pragma once
// The terminal for `llmchecklist ui`, through ncurses. This is the only file that includes
// curses (whose macros would clash with the rest of the code), so the interface speaks in our
// own terms: the Display of display.hpp.

#include <string_view>

#include "ui/display.hpp"

namespace llmchecklist::cli::ui {

/// The whole terminal, full screen, while it lives: curses is started in the constructor and
/// the terminal restored in the destructor (and on SIGINT, SIGTERM and SIGHUP).
class Screen final : public Display
{
public:
  /// `color`: use colour when the terminal has it; otherwise bold and dim only.
  explicit Screen(bool color);
  ~Screen() override;
  Screen(const Screen&) = delete;
  Screen& operator=(const Screen&) = delete;

  int rows() const override;
  int columns() const override;

  int read_key(int timeout_ms) override;
  const MouseEvent& mouse() const override { return m_mouse; }
  int stop_signal() const override;

  void clear() override;
  using Display::put;
  void put(int row, int column, std::string_view text, Style style) override;
  void fill(int row, int column, Style style) override;
  using Display::show;
  void show(int cursor_row, int cursor_column) override;

private:
  MouseEvent m_mouse;
  bool m_color = false;
};

} // namespace llmchecklist::cli::ui
