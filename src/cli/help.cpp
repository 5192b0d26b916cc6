#include "help.hpp"

#include <string>
#include <string_view>

namespace llmchecklist::cli {
namespace {

// The width help fits, terminal or not: what a reader of a CI log or a man page expects.
constexpr std::size_t k_help_width = 80;
// Where descriptions start.
constexpr std::size_t k_column = 28;

// `text` wrapped to `width` columns; the first line starts at column `first` (already used),
// the others are indented by `indent` spaces. Newlines in `text` start new lines.
std::string wrapped(std::string_view text, std::size_t first, std::size_t indent,
                    std::size_t width = k_help_width)
{
  std::string out;
  std::size_t used = first;
  bool line_has_word = false;
  std::size_t start = 0;
  while (start < text.size()) {
    if (text[start] == '\n') {
      out += "\n" + std::string(indent, ' ');
      used = indent;
      line_has_word = false;
      ++start;
      continue;
    }
    if (text[start] == ' ') {
      ++start;
      continue;
    }
    const std::size_t end = std::min(text.find_first_of(" \n", start), text.size());
    const std::string_view word = text.substr(start, end - start);
    if (line_has_word && used + 1 + word.size() > width) {
      out += "\n" + std::string(indent, ' ');
      used = indent;
      line_has_word = false;
    }
    if (line_has_word) {
      out += ' ';
      ++used;
    }
    out += word;
    used += word.size();
    line_has_word = true;
    start = end;
  }
  return out;
}

// "  NAME    description wrapped under its column".
std::string entry(const std::string& name, const std::string& description)
{
  std::string out = "  " + name;
  if (description.empty()) {
    return out + "\n";
  }
  if (out.size() + 1 > k_column) {
    out += "\n" + std::string(k_column, ' ');
  } else {
    out += std::string(k_column - out.size(), ' ');
  }
  return out + wrapped(description, k_column, k_column) + "\n";
}

} // namespace

HelpFormatter::HelpFormatter()
{
  column_width(k_column);
}

std::string HelpFormatter::make_option(const CLI::Option* option, bool is_positional) const
{
  return entry(make_option_name(option, is_positional) + make_option_opts(option),
               make_option_desc(option));
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const
{
  if (!option->get_option_text().empty()) {
    return " " + option->get_option_text();
  }
  if (option->get_type_size_max() == 0 || option->get_expected_max() == 0 ||
      option->get_positional()) {
    return {};
  }
  // CLI11 names a value by its C++ type and appends its validator ("UINT:a whole number...");
  // the description says what the value is, so a plain placeholder is enough here.
  std::string type = option->get_type_name();
  type = type.substr(0, type.find(':'));
  const std::string shown = type == "UINT" || type == "INT" || type == "NUMBER" ? "N"
                            : type == "FLOAT"                                   ? "NUMBER"
                                                                                : "VALUE";
  return " " + shown +
         (option->get_expected_max() == CLI::detail::expected_max_vector_size ? " ..." : "");
}

std::string HelpFormatter::make_subcommand(const CLI::App* sub) const
{
  return entry(sub->get_display_name(true), sub->get_description());
}

std::string HelpFormatter::make_description(const CLI::App* app) const
{
  const std::string description = app->get_description();
  return description.empty() ? std::string() : wrapped(description, 0, 0) + "\n\n";
}

std::string HelpFormatter::make_footer(const CLI::App* app) const
{
  const std::string footer = app->get_footer();
  return footer.empty() ? std::string() : wrapped(footer, 0, 0) + "\n";
}

} // namespace llmchecklist::cli
