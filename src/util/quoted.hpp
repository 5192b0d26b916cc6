#pragma once
// The one escaper of the double-quoted strings we write: JSON's and TOML's basic strings read
// the same escapes (\" \\ \n \r \t, and \uXXXX for the other control characters).

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace llmchecklist::detail {

/// `text` in double quotes, escaped byte by byte; `upper_hex` writes \u001F, else \u001f.
inline std::string quoted(std::string_view text, bool upper_hex)
{
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const std::string_view escape = c == '"'    ? "\\\""
                                    : c == '\\' ? "\\\\"
                                    : c == '\n' ? "\\n"
                                    : c == '\r' ? "\\r"
                                    : c == '\t' ? "\\t"
                                                : "";
    if (!escape.empty()) {
      out += escape;
    } else if (byte < 0x20 || byte == 0x7f) {
      out += upper_hex ? fmt::format("\\u{:04X}", byte) : fmt::format("\\u{:04x}", byte);
    } else {
      out += c;
    }
  }
  return out + '"';
}

} // namespace llmchecklist::detail
