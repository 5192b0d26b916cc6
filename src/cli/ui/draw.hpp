#pragma once
// Drawing a frame of `llmchecklist ui`: the header with the overall bar, the rows on screen, and
// the footer (keys, a message, or a prompt). Only visible rows are drawn.

#include <cstddef>
#include <string>
#include <vector>

#include "ui/display.hpp"
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
void draw(Display& screen, View& view, const Footer& footer, bool unicode);

/// One line of the help screen: the keys (on the first line of their entry) and the text.
struct HelpLine
{
  std::string keys;
  std::string text;
  bool dim = false;
};

/// Every key of the key table with what it does, laid out for `width` columns: keys of one
/// request together, the text wrapped beside them, the mouse last.
std::vector<HelpLine> help_lines(int width);

/// Rows of the help screen the lines take (the rest are its header and footer).
int help_rows(const Display& screen);

/// Draws the help screen with `lines` from `offset` on, and where they are in the footer.
void draw_help(Display& screen, const std::vector<HelpLine>& lines, std::size_t offset);

} // namespace llmchecklist::cli::ui
