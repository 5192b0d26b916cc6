#pragma once
// Turns toml++ source regions into our SourceLocation. Only translation units that parse TOML
// include this (toml++ is costly to compile; see NOTES.md).

#include <toml++/toml.h>

#include "llmchecklist/error.hpp"

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

/// Parses TOML, turning a syntax error into a DataError at its line and column.
inline toml::table parse_toml(std::string_view text, const std::string& path)
{
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    throw DataError(location_of(error.source(), path), std::string(error.description()));
  }
}

} // namespace llmchecklist::detail
