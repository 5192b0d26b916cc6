#pragma once
// The terminal for `llmchecklist ui`, through ncurses. This is the only file that includes
// curses (whose macros would clash with the rest of the code), so the interface speaks in our
// own terms: rows and columns, styles, and keys from keys.hpp.

#include <string>
#include <string_view>

namespace llmchecklist::cli::ui {

/// How a piece of text is drawn.
enum class Style
{
  normal,
  bold,
  dim,
  done,
  todo,
  warning,
  error,
  /// The row under the cursor.
  cursor,
  /// The header and footer bars.
  bar,
};

/// Where a mouse event happened, and what it was.
struct MouseEvent
{
  int row = 0;
  int column = 0;
  enum class Kind
  {
    click,
    wheel_up,
    wheel_down,
    other,
  } kind = Kind::other;
};

/// The whole terminal, full screen, while it lives: curses is started in the constructor and
/// the terminal restored in the destructor (and on SIGINT, SIGTERM and SIGHUP).
class Screen
{
public:
  /// `color`: use colour when the terminal has it; otherwise bold and dim only.
  explicit Screen(bool color);
  ~Screen();
  Screen(const Screen&) = delete;
  Screen& operator=(const Screen&) = delete;

  int rows() const;
  int columns() const;

  /// The next key (a Unicode code point or a Key), waiting at most `timeout_ms`; k_key_none
  /// on timeout. k_key_resize after the terminal changed size.
  int read_key(int timeout_ms);
  /// The event behind the last k_key_mouse.
  const MouseEvent& mouse() const { return m_mouse; }
  /// The signal that asked to stop (SIGINT, SIGTERM, SIGHUP), or 0.
  static int stop_signal();

  /// Starts a new frame.
  void clear();
  /// Draws UTF-8 text at a position, cut at the right edge.
  void put(int row, int column, std::string_view text, Style style = Style::normal);
  /// Fills a row from `column` to the right edge with spaces in a style.
  void fill(int row, int column, Style style);
  /// Where the text cursor shows (or hides it with row < 0), then shows the frame.
  void show(int cursor_row = -1, int cursor_column = 0);

private:
  MouseEvent m_mouse;
  bool m_color = false;
};

} // namespace llmchecklist::cli::ui
