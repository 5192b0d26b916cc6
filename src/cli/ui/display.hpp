#pragma once
// What `llmchecklist ui` draws on and reads keys from, in our own terms: rows and columns,
// styles, and keys from keys.hpp. The session and the drawing speak only to this, so that the
// terminal (ui::Screen, through curses) and a screen in memory for tests
// (tests/cli/scripted_screen.hpp, keys from a script) are interchangeable.

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

/// A full screen of rows and columns, and the keys typed at it.
class Display
{
public:
  virtual ~Display() = default;

  virtual int rows() const = 0;
  virtual int columns() const = 0;

  /// The next key (a Unicode code point or a Key), waiting at most `timeout_ms`; k_key_none
  /// on timeout. k_key_resize after the screen changed size.
  virtual int read_key(int timeout_ms) = 0;
  /// The event behind the last k_key_mouse.
  virtual const MouseEvent& mouse() const = 0;
  /// The signal that asked to stop (SIGINT, SIGTERM, SIGHUP), or 0: every loop of the session
  /// ends when it is set.
  virtual int stop_signal() const = 0;

  /// Starts a new frame.
  virtual void clear() = 0;
  /// Draws UTF-8 text at a position, cut at the right edge.
  virtual void put(int row, int column, std::string_view text, Style style) = 0;
  void put(int row, int column, std::string_view text) { put(row, column, text, Style::normal); }
  /// Fills a row from `column` to the right edge with spaces in a style.
  virtual void fill(int row, int column, Style style) = 0;
  /// Where the text cursor shows (or hides it with row < 0), then shows the frame.
  virtual void show(int cursor_row, int cursor_column) = 0;
  void show() { show(-1, 0); }

protected:
  Display() = default;
  Display(const Display&) = default;
  Display& operator=(const Display&) = default;
};

} // namespace llmchecklist::cli::ui
