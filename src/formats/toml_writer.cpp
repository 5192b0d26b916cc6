#include "formats/toml_writer.hpp"

#include "util/quoted.hpp"

namespace llmchecklist::detail {

std::string toml_string(std::string_view text)
{
  return quoted(text, true);
}

std::string toml_key(std::string_view key)
{
  bool bare = !key.empty();
  for (const char c : key) {
    bare = bare && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-');
  }
  return bare ? std::string(key) : toml_string(key);
}

} // namespace llmchecklist::detail
