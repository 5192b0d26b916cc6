#pragma once
// Turns toml++ source regions into our SourceLocation. Only translation units that parse TOML
// include this (toml++ is costly to compile; see NOTES.md).

#include <toml++/toml.h>

#include <optional>

#include "llmchecklist/error.hpp"
#include "utf8.hpp"

namespace llmchecklist::detail {

inline SourceLocation location_of(const toml::source_region& region, const std::string& path)
{
  return SourceLocation{path, region.begin.line, region.begin.column};
}

/// "a string", "an integer", ... for messages about wrong types.
inline const char* describe(toml::node_type type)
{
  switch (type) {
  case toml::node_type::table:
    return "a table";
  case toml::node_type::array:
    return "an array";
  case toml::node_type::string:
    return "a string";
  case toml::node_type::integer:
    return "an integer";
  case toml::node_type::floating_point:
    return "a float";
  case toml::node_type::boolean:
    return "a boolean";
  case toml::node_type::date:
    return "a date";
  case toml::node_type::time:
    return "a time";
  case toml::node_type::date_time:
    return "a date-time";
  default:
    return "nothing";
  }
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

/// Parses TOML, turning a syntax error into a DataError at its line and column.
inline toml::table parse_toml(std::string_view text, const std::string& path)
{
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    // toml++ places an encoding error at the last good character; point at the bad byte.
    if (auto invalid = first_invalid_utf8(text, path)) {
      throw DataError(std::move(*invalid), "invalid UTF-8 byte sequence (the file must be UTF-8)");
    }
    throw DataError(location_of(error.source(), path), std::string(error.description()));
  }
}

} // namespace llmchecklist::detail
