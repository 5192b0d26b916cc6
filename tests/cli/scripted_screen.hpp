#pragma once
// A screen in memory for tests of `llmchecklist ui`, in the manner of tig's scripted tests
// (TIG_SCRIPT feeds the keys, :save-display writes the screen): a script of keys, resizes, mouse
// events and actions, played in order as the session asks for keys, and the frames it shows as
// grids of cells to read back. No terminal and no timing: a key is there the moment the
// session asks for one, and the end of the script stops the session as a hang-up would.
//
//     ScriptedScreen screen(24, 80);
//     screen.type("jj").press(' ').save_display().press('y');
//     session.run();                    // ends when the script does
//     screen.saved()[0]                 // the frame the y answered, as text
//     screen.row(23)                    // the last frame's footer

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/display.hpp"

namespace llmchecklist::cli::ui {

class ScriptedScreen final : public Display
{
public:
  ScriptedScreen(int rows, int columns);

  // --- The script, played in order ---

  /// A key for each UTF-8 code point of `text`: "jj " moves down twice, then checks.
  ScriptedScreen& type(std::string_view text);
  /// One key: a code point or a Key of keys.hpp (k_key_enter, k_key_escape...).
  ScriptedScreen& press(int key);
  /// A read that times out (k_key_none): the session looks at the state file and draws again,
  /// as it does four times a second at a terminal.
  ScriptedScreen& wait();
  /// The terminal takes a new size, and the session reads k_key_resize.
  ScriptedScreen& resize(int rows, int columns);
  /// A mouse event at a cell (0-based row and column), read as k_key_mouse.
  ScriptedScreen& mouse_at(int row, int column, MouseEvent::Kind kind = MouseEvent::Kind::click);
  /// Runs `action` when the session asks for the next key, before it gets it: the frame on
  /// screen is the one that key acts on. A test changes the state file here, behind the
  /// session's back, or looks at the screen.
  ScriptedScreen& then(std::function<void()> action);
  /// Keeps the frame on screen, as text, when the session asks for the next key (saved()).
  ScriptedScreen& save_display();

  /// Whether the whole script was played.
  bool finished() const { return m_next == m_steps.size(); }

  // --- Display ---

  int rows() const override { return m_rows; }
  int columns() const override { return m_columns; }
  int read_key(int timeout_ms) override;
  const MouseEvent& mouse() const override { return m_mouse; }
  /// SIGHUP once the script is over: every loop of the session (the list, a prompt, a
  /// question, help) ends, whatever it was waiting for.
  int stop_signal() const override;
  void clear() override;
  using Display::put;
  void put(int row, int column, std::string_view text, Style style) override;
  void fill(int row, int column, Style style) override;
  using Display::show;
  void show(int cursor_row, int cursor_column) override;

  // --- The last frame shown ---

  /// The text of row `row` (0-based), without trailing blanks.
  std::string row(int row) const;
  /// The whole frame, a line per row without trailing blanks: what tig's :save-display writes.
  std::string text() const;
  /// The frame for a failing test's message: its size and number, where the text cursor is,
  /// and every row numbered and framed, so that blank rows and trailing blanks show.
  std::string dump() const;
  /// How a cell is drawn.
  Style style(int row, int column) const;
  /// The row drawn in the cursor's style (the selected row); -1 when none is.
  int cursor_row() const;
  /// Where show() put the text cursor (a prompt's input); row -1 when it is hidden.
  int text_cursor_row() const { return m_text_cursor_row; }
  int text_cursor_column() const { return m_text_cursor_column; }
  /// How many frames were shown.
  int frames() const { return m_frames; }
  /// How many put() calls ran past the right edge, where curses would have wrapped the rest
  /// onto the next row: 0 for a frame laid out for its width.
  int overflows() const { return m_overflows; }
  /// The frames save_display() kept, as text(), in order.
  const std::vector<std::string>& saved() const { return m_saved; }

private:
  struct Cell
  {
    /// One code point (the layout counts a column per code point), or a blank.
    std::string glyph = " ";
    Style style = Style::normal;
  };

  struct Step
  {
    enum class Kind
    {
      key,
      wait,
      resize,
      mouse,
      action,
      save,
    } kind = Kind::key;
    int key = 0;
    int rows = 0;
    int columns = 0;
    MouseEvent mouse;
    std::function<void()> action;
  };

  Cell& drawing(int row, int column);
  const Cell& shown(int row, int column) const;

  int m_rows;
  int m_columns;
  std::vector<Cell> m_drawing;
  std::vector<Cell> m_shown;
  int m_text_cursor_row = -1;
  int m_text_cursor_column = 0;
  int m_frames = 0;
  int m_overflows = 0;
  MouseEvent m_mouse;
  std::vector<Step> m_steps;
  std::size_t m_next = 0;
  /// Reads after the script ended: a session that keeps reading would hang a test.
  int m_reads_after_end = 0;
  std::vector<std::string> m_saved;
};

} // namespace llmchecklist::cli::ui
