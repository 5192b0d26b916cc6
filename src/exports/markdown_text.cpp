// Markdown escaping shared by the Markdown export and the fleet report.

#include "exports/markdown_text.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist::detail {

// Escapes what Markdown would read as markup anywhere in a line (emphasis, code, links, raw
// HTML, entities, table cells, strikethrough), and what it would read as block markup at the
// start of one (headings, list markers, ordered-list numbers). Everything else stays as written,
// so the file reads well in a diff too.
std::string inline_text(std::string_view text, bool line_start)
{
  static constexpr std::string_view k_inline = "\\`*_[]<>&|~";
  static constexpr std::string_view k_line_start = "#-+=";
  std::string out;
  bool at_start = line_start;
  std::size_t digits = 0;
  for (char c : reveal_invisible(without_controls(text, "\t\r\n"))) {
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';
    }
    const bool escape =
        k_inline.find(c) != std::string_view::npos ||
        (at_start && digits == 0 && k_line_start.find(c) != std::string_view::npos) ||
        (at_start && digits > 0 && (c == '.' || c == ')'));
    if (escape) {
      out += '\\';
    }
    out += c;
    digits = at_start && c >= '0' && c <= '9' ? digits + 1 : 0;
    at_start = at_start && (c == ' ' || digits > 0);
  }
  return out;
}

} // namespace llmchecklist::detail
