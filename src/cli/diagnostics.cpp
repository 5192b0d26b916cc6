#include "diagnostics.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

#include <fmt/format.h>

#include "llmchecklist/builtin.hpp"
#include "output.hpp"
#include "render.hpp"
#include "terminal.hpp"

namespace llmchecklist::cli {
namespace {

// Our messages may span lines (a list of candidates); each line is made printable on its own.
std::string printable_lines(std::string_view message)
{
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = message.find('\n', start);
    out += printable(message.substr(start, end - start));
    if (end == std::string_view::npos) {
      return out;
    }
    out += '\n';
    start = end + 1;
  }
}

// The byte offset where a 1-based character column starts.
std::size_t byte_offset_of_column(std::string_view line, unsigned column)
{
  std::size_t offset = 0;
  for (unsigned c = 1; c < column && offset < line.size(); ++c) {
    ++offset;
    while (offset < line.size() && (static_cast<unsigned char>(line[offset]) & 0xC0) == 0x80) {
      ++offset;
    }
  }
  return offset;
}

std::string nth_line(std::istream& input, unsigned line)
{
  std::string text;
  for (unsigned n = 1; std::getline(input, text); ++n) {
    if (n == line) {
      if (!text.empty() && text.back() == '\r') {
        text.pop_back();
      }
      return text;
    }
  }
  return {};
}

// "PREFIX MESSAGE" and a newline, the message printable line by line; on a terminal each line
// is wrapped to its width with a hanging indent, so that a long message reads whole.
std::string message_lines(std::string_view prefix, std::string_view message)
{
  const std::string text = fmt::format("{} {}", prefix, printable_lines(message));
  if (::isatty(STDERR_FILENO) == 0) {
    return text + "\n";
  }
  const Terminal terminal = detect_terminal(stderr, ColorMode::never);
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out += fitted_lines(terminal, std::string_view(text).substr(start, end - start), 4, {},
                        Color::bold, 0);
    start = end + 1;
  }
  return out;
}

} // namespace

std::string source_line(const std::string& path, unsigned line)
{
  if (line == 0) {
    return {};
  }
  if (path.rfind(k_builtin_prefix, 0) == 0) {
    try {
      std::istringstream input{std::string(
          builtin_checklist_source(std::string_view(path).substr(k_builtin_prefix.size())))};
      return nth_line(input, line);
    } catch (const Error&) {
      return {};
    }
  }
  std::ifstream input(path);
  return input ? nth_line(input, line) : std::string();
}

void print_error(std::string_view message)
{
  print_err(message_lines("llmchecklist: error:", message));
}

void print_warning(std::string_view message)
{
  print_err(message_lines("llmchecklist: warning:", message));
}

void print_note(std::string_view message)
{
  print_err(message_lines("llmchecklist: note:", message));
}

void print_error(const SourceLocation& location, std::string_view message)
{
  if (location.path.empty()) {
    print_error(message);
    return;
  }
  if (location.line == 0) {
    print_err(message_lines(fmt::format("{}: error:", printable(location.path)), message));
    return;
  }
  print_err(message_lines(
      fmt::format("{}:{}:{}: error:", printable(location.path), location.line, location.column),
      message));
  const std::string line = source_line(location.path, location.line);
  if (line.empty() || line.size() > 300) {
    return;
  }
  // Tabs become spaces so that every character takes one column and the caret lines up under
  // the column (which counts characters, not bytes).
  std::string shown = line;
  std::replace(shown.begin(), shown.end(), '\t', ' ');
  const std::size_t width = display_width(shown.substr(
      0, std::min<std::size_t>(shown.size(), byte_offset_of_column(shown, location.column))));
  print_err(fmt::format("{}\n{}^\n", printable(shown), std::string(width, ' ')));
}

} // namespace llmchecklist::cli
