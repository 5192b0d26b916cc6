#pragma once
// A small streaming JSON writer: indented output, and strings that are valid UTF-8 whatever
// their input (invalid bytes become U+FFFD), so every document we print parses.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace llmchecklist::detail {

class JsonWriter
{
public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The next member's name; a value must follow.
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(std::size_t number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  /// JSON's null: a value that is not there (an item without a number, a working tree).
  JsonWriter& null();
  /// `content` when `present`, else null: a member that is always there, sometimes empty.
  template <typename T> JsonWriter& value_or_null(bool present, const T& content)
  {
    return present ? value(content) : null();
  }
  /// A member whose value is a string, written only when the string is not empty.
  JsonWriter& optional(std::string_view name, std::string_view text);
  /// An array of strings.
  JsonWriter& strings(const std::vector<std::string>& texts);

  /// The document, ending in a newline.
  std::string finish();

private:
  void before_value();
  JsonWriter& close(char bracket);
  void newline();

  std::string m_out;
  std::vector<bool> m_has_members;
  bool m_after_key = false;
};

/// `text` as a quoted JSON string.
std::string json_quote(std::string_view text);

} // namespace llmchecklist::detail
