#pragma once
// How output looks where it goes: colour, Unicode or ASCII, width, and text made safe to print.

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace llmchecklist::cli {

/// `--color` values.
enum class ColorMode
{
  auto_detect,
  always,
  never,
};

/// What an output stream can show.
struct Terminal
{
  bool color = false;
  bool unicode = false;
  /// Columns; 80 when the stream is not a terminal.
  int width = 80;
};

/// Detects what `stream` can show: colour on a terminal unless NO_COLOR is set (an explicit
/// --color wins), Unicode when the locale's encoding is UTF-8.
Terminal detect_terminal(std::FILE* stream, ColorMode mode);

/// SGR colours used by the CLI.
enum class Color
{
  green,
  yellow,
  red,
  dim,
  bold,
};

/// `text` wrapped in the colour's escape sequence when the terminal has colour.
std::string paint(const Terminal& terminal, Color color, std::string_view text);

/// Text from files made safe for a terminal: control characters and escape sequences are shown
/// in caret notation (^[) instead of being sent raw, invalid UTF-8 becomes U+FFFD. Line feeds
/// are kept when `keep_newlines`.
std::string printable(std::string_view text, bool keep_newlines = false);

/// Columns `text` takes (code points; our text has no wide characters to speak of).
std::size_t display_width(std::string_view text);

/// `text` cut to `width` columns, ending in an ellipsis when cut.
std::string truncate(const Terminal& terminal, std::string_view text, std::size_t width);

/// A progress bar `width` columns wide for `percent` (0-100).
std::string bar(const Terminal& terminal, double percent, int width);

/// Paragraphs (separated by blank lines) wrapped to `width` columns, each line indented.
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view indent);

/// wrap()'s lines as one text, each ending in a newline.
std::string wrap_text(std::string_view text, std::size_t width, std::string_view indent = {});

/// `text` (one paragraph) after `label` on the first line, wrapped to `width` columns, the
/// lines after the first indented by `hanging` spaces: a table row's message, whole.
std::vector<std::string> wrap_after(std::string_view label, std::string_view text,
                                    std::size_t width, std::size_t hanging);

} // namespace llmchecklist::cli
