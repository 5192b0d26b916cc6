#pragma once
// Drawing a frame of `llmchecklist ui`: the header with the overall bar, the rows on screen, and
// the footer (keys, a message, or a prompt). Only visible rows are drawn.

#include <string>

#include "ui/screen.hpp"
#include "ui/view.hpp"

namespace llmchecklist::cli::ui {

/// What the footer shows.
struct Footer
{
  /// A prompt being answered ("Reason: "), with what is typed so far; empty: none.
  std::string prompt;
  std::string input;
  /// A message from the last action ("checked 3 context-length"), or an error.
  std::string message;
  bool error = false;
};

/// Rows of the screen the header and footer take.
inline constexpr int k_header_rows = 2;
inline constexpr int k_footer_rows = 1;

/// Where things are on an item row, for the mouse: the status mark's columns, then the title.
inline constexpr int k_mark_column = 2;
inline constexpr int k_mark_width = 3;

/// Draws the whole frame.
void draw(Screen& screen, View& view, const Footer& footer, bool unicode);

/// Draws every key (from the key table) over the list, until the next key.
void draw_help(Screen& screen);

} // namespace llmchecklist::cli::ui
