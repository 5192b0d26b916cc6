#include "terminal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "llmchecklist/text.hpp"

namespace llmchecklist::cli {

namespace {

// Whether the user's locale speaks UTF-8, from the variables setlocale() would consult (the
// first one set wins), without loading the locale: that costs more than the rest of a run.
bool utf8_locale()
{
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
      continue;
    }
    const std::string codeset = ascii_lower(value);
    return codeset.find("utf-8") != std::string::npos || codeset.find("utf8") != std::string::npos;
  }
  return false;
}

} // namespace

Terminal detect_terminal(std::FILE* stream, ColorMode mode)
{
  Terminal terminal;
  const int fd = ::fileno(stream);
  const bool tty = ::isatty(fd) != 0;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  terminal.color =
      mode == ColorMode::always ||
      (mode == ColorMode::auto_detect && tty && (no_color == nullptr || *no_color == '\0') &&
       !(term != nullptr && std::strcmp(term, "dumb") == 0));
  terminal.unicode = utf8_locale();
  winsize size{};
  if (tty && ::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) {
    terminal.width = size.ws_col;
  }
  return terminal;
}

std::string paint(const Terminal& terminal, Color color, std::string_view text)
{
  if (!terminal.color) {
    return std::string(text);
  }
  // The SGR code of each Color, in the enum's order.
  static constexpr std::string_view k_codes[] = {"32", "33", "31", "2", "1"};
  return fmt::format("\x1b[{}m{}\x1b[0m", k_codes[static_cast<std::size_t>(color)], text);
}

namespace {

// Whether every byte is printable ASCII: most text is, and needs neither decoding nor escaping.
bool plain_ascii(std::string_view text)
{
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

} // namespace

std::string printable(std::string_view text, bool keep_newlines)
{
  if (plain_ascii(text)) {
    return std::string(text);
  }
  std::string out;
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes) {
    if (code_point == '\n' && keep_newlines) {
      out += '\n';
    } else if (code_point < 0x20 || code_point == 0x7f) {
      out += '^';
      out += static_cast<char>(code_point ^ 0x40);
    } else if ((code_point >= 0x80 && code_point < 0xa0) || is_invisible_format(code_point)) {
      // C1 controls (CSI among them) act like ESC sequences on many terminals; bidirectional
      // overrides and zero-width characters make text read as something it is not.
      out += fmt::format("<U+{:04X}>", static_cast<unsigned>(code_point));
    } else {
      out += bytes;
    }
  });
  return out;
}

std::size_t display_width(std::string_view text)
{
  if (plain_ascii(text)) {
    return text.size();
  }
  std::size_t width = 0;
  for_each_code_point(text, [&](char32_t, std::string_view) { ++width; });
  return width;
}

std::string truncate(const Terminal& terminal, std::string_view text, std::size_t width)
{
  if (display_width(text) <= width) {
    return std::string(text);
  }
  const std::string_view ellipsis = terminal.unicode ? "…" : "...";
  const std::size_t keep = width > display_width(ellipsis) ? width - display_width(ellipsis) : 0;
  return first_characters(text, keep) + std::string(ellipsis);
}

std::string bar(const Terminal& terminal, double percent, int width)
{
  const int filled = static_cast<int>(std::floor(percent / 100.0 * width));
  std::string out;
  for (int i = 0; i < width; ++i) {
    if (terminal.unicode) {
      out += i < filled ? "█" : "░";
    } else {
      out += i < filled ? '#' : '.';
    }
  }
  if (!terminal.unicode) {
    out = "[" + out + "]";
  }
  const Color color = percent >= 80 ? Color::green : percent >= 50 ? Color::yellow : Color::red;
  return paint(terminal, color, out);
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::string_view indent)
{
  std::vector<std::string> lines;
  const std::size_t indent_width = display_width(indent);
  const std::size_t room = width > indent_width + 10 ? width - indent_width : 10;
  for (const std::string& paragraph : split_paragraphs(text)) {
    if (!lines.empty()) {
      lines.emplace_back();
    }
    std::istringstream words(paragraph);
    std::string line;
    for (std::string word; words >> word;) {
      if (!line.empty() && display_width(line) + 1 + display_width(word) > room) {
        lines.push_back(std::string(indent) + line);
        line.clear();
      }
      // A word longer than a line (a long link) is broken where the line ends, as the terminal
      // would break it, so that no line runs past the width.
      while (line.empty() && display_width(word) > room) {
        const std::string head = first_characters(word, room);
        lines.push_back(std::string(indent) + head);
        word.erase(0, head.size());
      }
      if (!line.empty()) {
        line += ' ';
      }
      line += word;
    }
    if (!line.empty()) {
      lines.push_back(std::string(indent) + line);
    }
  }
  return lines;
}

std::string wrap_text(std::string_view text, std::size_t width, std::string_view indent)
{
  std::string out;
  for (const std::string& line : wrap(text, width, indent)) {
    out += line + "\n";
  }
  return out;
}

std::vector<std::string> wrap_after(std::string_view label, std::string_view text,
                                    std::size_t width, std::size_t hanging)
{
  std::vector<std::string> lines{std::string(label)};
  std::size_t used = display_width(label);
  bool fresh = true; // nothing after the label or the indent yet: no space before a word
  const auto room = [&] { return width > used ? width - used : 0; };
  const auto fits = [&](std::string_view word) {
    return display_width(word) + (fresh ? 0 : 1) <= room();
  };
  const auto add = [&](std::string_view word) {
    if (!fresh) {
      lines.back() += ' ';
      ++used;
    }
    lines.back() += word;
    used += display_width(word);
    fresh = false;
  };
  const auto next_line = [&] {
    if (fresh) {
      // Only the label: no spaces left at the end of the line.
      lines.back().erase(lines.back().find_last_not_of(' ') + 1);
    }
    lines.emplace_back(hanging, ' ');
    used = hanging;
    fresh = true;
  };
  std::istringstream words{std::string(text)};
  for (std::string word; words >> word;) {
    if (!fits(word) && (!fresh || (lines.size() == 1 && display_width(word) + hanging <= width))) {
      next_line();
    }
    // A word longer than a line (a long path) is broken where the line ends.
    while (!fits(word)) {
      const std::string head = first_characters(word, std::max<std::size_t>(room(), 1));
      add(head);
      word.erase(0, head.size());
      next_line();
    }
    add(word);
  }
  return lines;
}

} // namespace llmchecklist::cli
