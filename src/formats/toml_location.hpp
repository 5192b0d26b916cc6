#pragma once
// Turns toml++ source regions into our SourceLocation. Only translation units that parse TOML
// include this (toml++ is costly to compile; see NOTES.md).

#include <toml++/toml.h>

#include <algorithm>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "llmchecklist/error.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist::detail {

inline SourceLocation location_of(const toml::source_region& region, const std::string& path)
{
  return SourceLocation{path, region.begin.line, region.begin.column};
}

/// "a string", "an integer", ... for messages about wrong types.
inline const char* describe(toml::node_type type)
{
  // In the order of toml::node_type, from none to date_time.
  static constexpr const char* k_names[] = {"nothing",    "a table",    "an array",  "a string",
                                            "an integer", "a float",    "a boolean", "a date",
                                            "a time",     "a date-time"};
  const auto index = static_cast<std::size_t>(type);
  return index < std::size(k_names) ? k_names[index] : "nothing";
}

/// Where the first invalid UTF-8 sequence of `text` is (1-based line, column in characters).
inline std::optional<SourceLocation> first_invalid_utf8(std::string_view text,
                                                        const std::string& path)
{
  SourceLocation location{path, 1, 1};
  std::optional<SourceLocation> found;
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes) {
    if (found) {
      return;
    }
    if (code_point == 0xFFFD && bytes.data() == k_replacement_character.data()) {
      found = location;
    } else if (code_point == '\n') {
      ++location.line;
      location.column = 1;
    } else {
      ++location.column;
    }
  });
  return found;
}

/// The 1-based line of the first git conflict marker ("<<<<<<< ", "=======", ">>>>>>> " at the
/// start of a line) in `text`; 0 when there is none.
inline unsigned conflict_marker_line(std::string_view text)
{
  unsigned line = 1;
  for (std::size_t start = 0; start < text.size(); ++line) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view row = text.substr(start, end - start);
    if (row.rfind("<<<<<<<", 0) == 0 || row.rfind(">>>>>>>", 0) == 0 ||
        row.substr(0, row.find_last_not_of("\r") + 1) == "=======") {
      return line;
    }
    start = end + 1;
  }
  return 0;
}

/// toml++'s description of a syntax error ("Error while parsing string: encountered
/// end-of-file") said our way: lower case, what is wrong, and what to do.
inline std::string describe_syntax_error(std::string_view description)
{
  std::string_view context;
  std::string_view detail = description;
  constexpr std::string_view k_prefix = "Error while parsing ";
  if (description.rfind(k_prefix, 0) == 0) {
    const std::size_t colon = description.find(": ", k_prefix.size());
    if (colon != std::string_view::npos) {
      context = description.substr(k_prefix.size(), colon - k_prefix.size());
      detail = description.substr(colon + 2);
    }
  }
  const auto quoted = [&](std::string_view after) {
    const std::size_t at = detail.find(after);
    if (at == std::string_view::npos) {
      return std::string_view();
    }
    const std::string_view rest = detail.substr(at + after.size());
    return rest.substr(0, rest.rfind('\''));
  };
  if (detail == "encountered end-of-file") {
    if (context == "string") {
      return "the file ends inside a string: its closing quote is missing";
    }
    if (context == "table header" || context == "array") {
      return fmt::format("the file ends inside {}: its closing ] is missing",
                         context == "array" ? "an array" : "a [table] header");
    }
    if (context == "inline table") {
      return "the file ends inside an inline table: its closing } is missing";
    }
    if (context == "key-value pair") {
      return "the file ends before the key's value: write a value after '='";
    }
    return fmt::format("the file ends in the middle of a {}", context.empty() ? "value" : context);
  }
  if (detail.rfind("unescaped control characters", 0) == 0) {
    return context == "string"
               ? "a string is not closed on its line: its closing quote is missing (a string on "
                 "several lines needs \"\"\" quotes)"
               : "a control character is not allowed here: remove it";
  }
  if (detail.rfind("expected a comment or whitespace, saw ", 0) == 0) {
    return fmt::format("unexpected {} after the value: only a comment may follow it on its line",
                       detail.substr(detail.find("saw ") + 4));
  }
  if (detail.rfind("expected keys, tables, whitespace or comments, saw ", 0) == 0) {
    return fmt::format("unexpected {}: expected a key, a [table] header or a comment",
                       detail.substr(detail.find("saw ") + 4));
  }
  if (detail.rfind("expected '=', saw ", 0) == 0) {
    return fmt::format("expected '=' after the key, found {} (a key with spaces needs quotes)",
                       detail.substr(detail.find("saw ") + 4));
  }
  if (detail.rfind("cannot redefine existing table", 0) == 0) {
    return fmt::format("the table [{}] appears twice: merge the two into one", quoted("table '"));
  }
  if (detail.rfind("cannot redefine existing ", 0) == 0) {
    const std::string_view key = quoted(" '");
    return detail.find("' as ") != std::string_view::npos
               ? fmt::format("'{}' is already a value and cannot also be a table", key)
               : fmt::format("'{}' is defined twice: keep one of the two", key);
  }
  if (detail.rfind("unknown escape sequence", 0) == 0) {
    return fmt::format("unknown escape sequence {} in a string (write \\\\ for a backslash)",
                       detail.substr(detail.find('\'')));
  }
  if (detail.find("is not representable in 64 bits") != std::string_view::npos) {
    return fmt::format("the number {} is too large", detail.substr(0, detail.find(" is not")));
  }
  // Anything else: toml++'s words, lower-cased, with what was being read.
  std::string text(detail);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return context.empty() ? fmt::format("not valid TOML: {}", text)
                         : fmt::format("not valid TOML in a {}: {}", context, text);
}

/// Parses TOML, turning a syntax error into a DataError at its line and column. Unresolved
/// merge conflict markers are named as such, followed by `conflict_advice`.
inline toml::table parse_toml(std::string_view text, const std::string& path,
                              std::string_view conflict_advice = "resolve the conflict")
{
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    // toml++ places an encoding error at the last good character; point at the bad byte.
    if (auto invalid = first_invalid_utf8(text, path)) {
      throw DataError(std::move(*invalid), "invalid UTF-8 byte sequence (the file must be UTF-8)");
    }
    if (const unsigned line = conflict_marker_line(text); line != 0) {
      throw DataError(SourceLocation{path, line, 1},
                      fmt::format("unresolved merge conflict: git's conflict markers start at "
                                  "line {}; {}",
                                  line, conflict_advice));
    }
    throw DataError(location_of(error.source(), path), describe_syntax_error(error.description()));
  }
}

} // namespace llmchecklist::detail
