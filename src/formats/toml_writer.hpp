#pragma once
// The small part of TOML our own writer needs: keys and basic strings, escaped.

#include <string>
#include <string_view>

namespace llmchecklist::detail {

/// A TOML basic string, quoted, with quotes, backslashes and control characters escaped.
std::string toml_string(std::string_view text);

/// A key: bare when it is made of [A-Za-z0-9_-], else a quoted basic string.
std::string toml_key(std::string_view key);

} // namespace llmchecklist::detail
