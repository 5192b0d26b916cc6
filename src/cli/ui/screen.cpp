#include "ui/screen.hpp"

#include <csignal>
#include <cwchar>
#include <utility>

#define NCURSES_NOMACROS
#include <curses.h>

#include "ui/keys.hpp"

namespace llmchecklist::cli::ui {
namespace {

volatile std::sig_atomic_t g_stop = 0;

void on_stop(int signal)
{
  g_stop = signal;
}

enum Pair : short
{
  k_pair_done = 1,
  k_pair_todo,
  k_pair_warning,
  k_pair_error,
  k_pair_bar,
};

attr_t attributes(Style style, bool color)
{
  // Each Style's attributes without colour and with it, in the enum's order.
  const std::pair<attr_t, attr_t> k_attributes[] = {
      {A_NORMAL, A_NORMAL},
      {A_BOLD, A_BOLD},
      {A_DIM, A_DIM},
      {A_BOLD, COLOR_PAIR(k_pair_done)},
      {A_NORMAL, COLOR_PAIR(k_pair_todo)},
      {A_BOLD, COLOR_PAIR(k_pair_warning)},
      {A_BOLD, COLOR_PAIR(k_pair_error) | A_BOLD},
      {A_REVERSE, A_REVERSE},
      {A_REVERSE, COLOR_PAIR(k_pair_bar)},
  };
  const auto& [plain, colored] = k_attributes[static_cast<std::size_t>(style)];
  return color ? colored : plain;
}

} // namespace

Screen::Screen(bool color)
{
  g_stop = 0;
  for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
    std::signal(signal, on_stop);
  }
  // A quick Escape: the prompts use it to cancel.
  set_escdelay(25);
  initscr();
  cbreak();
  noecho();
  nonl();
  keypad(stdscr, TRUE);
  curs_set(0);
  mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, nullptr);
  mouseinterval(0);
  m_color = color && has_colors();
  if (m_color) {
    start_color();
    use_default_colors();
    init_pair(k_pair_done, COLOR_GREEN, -1);
    init_pair(k_pair_todo, -1, -1);
    init_pair(k_pair_warning, COLOR_YELLOW, -1);
    init_pair(k_pair_error, COLOR_RED, -1);
    init_pair(k_pair_bar, COLOR_BLACK, COLOR_CYAN);
  }
}

Screen::~Screen()
{
  mousemask(0, nullptr);
  endwin();
  for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
    std::signal(signal, SIG_DFL);
  }
}

int Screen::stop_signal() const
{
  return g_stop;
}

int Screen::rows() const
{
  return LINES;
}

int Screen::columns() const
{
  return COLS;
}

int Screen::read_key(int timeout_ms)
{
  wtimeout(stdscr, timeout_ms);
  wint_t key = 0;
  const int kind = wget_wch(stdscr, &key);
  if (kind == ERR) {
    return k_key_none;
  }
  if (kind == OK) {
    switch (key) {
    case L'\r':
    case L'\n':
      return k_key_enter;
    case 27:
      return k_key_escape;
    case L'\t':
      return k_key_tab;
    case 127:
    case 8:
      return k_key_backspace;
    default:
      return static_cast<int>(key);
    }
  }
  // curses' function keys, and the name each has here.
  static constexpr std::pair<wint_t, int> k_keys[] = {
      {KEY_UP, k_key_up},         {KEY_DOWN, k_key_down},
      {KEY_LEFT, k_key_left},     {KEY_RIGHT, k_key_right},
      {KEY_PPAGE, k_key_page_up}, {KEY_NPAGE, k_key_page_down},
      {KEY_HOME, k_key_home},     {KEY_END, k_key_end},
      {KEY_ENTER, k_key_enter},   {KEY_BACKSPACE, k_key_backspace},
      {KEY_RESIZE, k_key_resize}};
  for (const auto& [code, ours] : k_keys) {
    if (code == key) {
      return ours;
    }
  }
  switch (key) {
  case KEY_MOUSE: {
    MEVENT event{};
    if (getmouse(&event) != OK) {
      return k_key_none;
    }
    m_mouse.row = event.y;
    m_mouse.column = event.x;
    if ((event.bstate & BUTTON4_PRESSED) != 0) {
      m_mouse.kind = MouseEvent::Kind::wheel_up;
    } else if ((event.bstate & BUTTON5_PRESSED) != 0) {
      m_mouse.kind = MouseEvent::Kind::wheel_down;
    } else if ((event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0) {
      m_mouse.kind = MouseEvent::Kind::click;
    } else {
      m_mouse.kind = MouseEvent::Kind::other;
    }
    return k_key_mouse;
  }
  default:
    return k_key_none;
  }
}

void Screen::clear()
{
  werase(stdscr);
}

void Screen::put(int row, int column, std::string_view text, Style style)
{
  if (row < 0 || row >= LINES || column >= COLS) {
    return;
  }
  wattrset(stdscr, static_cast<int>(attributes(style, m_color)));
  // Our text is valid UTF-8 by now (made printable before it gets here); curses cuts it at the
  // edge of the window.
  const std::string copy(text);
  mvwaddnstr(stdscr, row, column, copy.c_str(), static_cast<int>(copy.size()));
  wattrset(stdscr, A_NORMAL);
}

void Screen::fill(int row, int column, Style style)
{
  if (row < 0 || row >= LINES || column >= COLS) {
    return;
  }
  wattrset(stdscr, static_cast<int>(attributes(style, m_color)));
  wmove(stdscr, row, column);
  for (int c = column; c < COLS; ++c) {
    waddch(stdscr, ' ');
  }
  wattrset(stdscr, A_NORMAL);
}

void Screen::show(int cursor_row, int cursor_column)
{
  if (cursor_row >= 0) {
    curs_set(1);
    wmove(stdscr, cursor_row, cursor_column);
  } else {
    curs_set(0);
  }
  wrefresh(stdscr);
}

} // namespace llmchecklist::cli::ui
