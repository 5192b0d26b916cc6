#pragma once
// Ids of items and phases: slugs of [a-z0-9-]+, so that they are safe as bare TOML keys,
// in shells and in URLs.

#include <string_view>

namespace llmchecklist::detail {

inline bool is_slug(std::string_view text)
{
  if (text.empty()) {
    return false;
  }
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return false;
    }
  }
  return true;
}

} // namespace llmchecklist::detail
