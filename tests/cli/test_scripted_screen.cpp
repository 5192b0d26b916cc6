// The screen in memory that the tests of `llmchecklist ui` drive (scripted_screen.hpp): it must
// play the script exactly, stop every loop at its end, and show what was drawn as curses would.

#include <csignal>
#include <string>

#include <doctest/doctest.h>

#include "scripted_screen.hpp"
#include "ui/keys.hpp"

using namespace llmchecklist::cli::ui;

TEST_SUITE("scripted_screen")
{
  TEST_CASE("the script is played in order, and its end stops the session as a hang-up")
  {
    ScriptedScreen screen(3, 10);
    int actions = 0;
    screen.type("jé").press(k_key_enter).then([&] { ++actions; }).wait().mouse_at(1, 2);
    screen.resize(5, 20);
    CHECK(screen.read_key(250) == 'j');
    CHECK(screen.read_key(250) == 0xE9);
    CHECK(screen.read_key(250) == k_key_enter);
    CHECK(actions == 0);
    // The action runs when the next key is asked for, before it is given.
    CHECK(screen.read_key(250) == k_key_none);
    CHECK(actions == 1);
    CHECK(screen.read_key(250) == k_key_mouse);
    CHECK(screen.mouse().row == 1);
    CHECK(screen.mouse().column == 2);
    CHECK(screen.mouse().kind == MouseEvent::Kind::click);
    CHECK(screen.rows() == 3);
    CHECK(screen.read_key(250) == k_key_resize);
    CHECK(screen.rows() == 5);
    CHECK(screen.columns() == 20);
    // The last key was read without a stop: the session acts on it.
    CHECK(screen.finished());
    CHECK(screen.stop_signal() == 0);
    CHECK(screen.read_key(250) == k_key_none);
    CHECK(screen.stop_signal() == SIGHUP);
  }

  TEST_CASE("text is cut at the right edge, and the cut is counted")
  {
    ScriptedScreen screen(2, 5);
    screen.put(0, 0, "abc");
    screen.put(1, 3, "▸xyz", Style::bold);
    // Off the screen: nothing, as with curses.
    screen.put(2, 0, "hidden");
    screen.show();
    CHECK(screen.row(0) == "abc");
    CHECK(screen.row(1) == "   ▸x");
    CHECK(screen.style(1, 3) == Style::bold);
    CHECK(screen.style(1, 2) == Style::normal);
    CHECK(screen.overflows() == 1);
  }

  TEST_CASE("only a frame shown is read back")
  {
    ScriptedScreen screen(2, 8);
    screen.put(0, 0, "first");
    screen.show();
    screen.clear();
    screen.put(0, 0, "second");
    CHECK(screen.row(0) == "first");
    CHECK(screen.frames() == 1);
    screen.show(1, 4);
    CHECK(screen.row(0) == "second");
    CHECK(screen.text_cursor_row() == 1);
    CHECK(screen.text_cursor_column() == 4);
  }

  TEST_CASE("save_display keeps the frame the next key acts on")
  {
    ScriptedScreen screen(2, 8);
    screen.save_display().press('q');
    screen.put(0, 0, "shown");
    screen.show();
    CHECK(screen.read_key(250) == 'q');
    REQUIRE(screen.saved().size() == 1);
    CHECK(screen.saved()[0] == "shown\n\n");
  }

  TEST_CASE("the dump frames every row, trailing blanks included, and marks the cursor's row")
  {
    ScriptedScreen screen(3, 6);
    screen.put(0, 0, "title", Style::bar);
    screen.fill(1, 0, Style::cursor);
    screen.put(1, 2, "[x]", Style::cursor);
    screen.show();
    CHECK(screen.cursor_row() == 1);
    CHECK(screen.text() == "title\n  [x]\n\n");
    CHECK(screen.dump() == "frame 1 of 6x3, text cursor hidden:\n"
                           "    +------+\n"
                           "  0 |title |\n"
                           "  1 |  [x] | <\n"
                           "  2 |      |\n"
                           "    +------+\n");
  }
}
