#include "exports/json_writer.hpp"

#include <fmt/format.h>

#include "llmchecklist/text.hpp"
#include "util/quoted.hpp"

namespace llmchecklist::detail {

std::string json_quote(std::string_view text)
{
  // Invalid bytes become U+FFFD first; every control character is a byte of its own, so
  // escaping the bytes of the valid text is escaping its code points.
  std::string valid;
  for_each_code_point(text, [&](char32_t, std::string_view bytes) { valid += bytes; });
  return quoted(valid, false);
}

void JsonWriter::newline()
{
  m_out += '\n';
  m_out.append(m_has_members.size() * 2, ' ');
}

void JsonWriter::before_value()
{
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_has_members.empty()) {
    if (m_has_members.back()) {
      m_out += ',';
    }
    m_has_members.back() = true;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object()
{
  before_value();
  m_out += '{';
  m_has_members.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket)
{
  const bool had_members = m_has_members.back();
  m_has_members.pop_back();
  if (had_members) {
    newline();
  }
  m_out += bracket;
  return *this;
}

JsonWriter& JsonWriter::end_object()
{
  return close('}');
}

JsonWriter& JsonWriter::begin_array()
{
  before_value();
  m_out += '[';
  m_has_members.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_array()
{
  return close(']');
}

JsonWriter& JsonWriter::key(std::string_view name)
{
  before_value();
  m_out += json_quote(name);
  m_out += ": ";
  m_after_key = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text)
{
  before_value();
  m_out += json_quote(text);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number)
{
  before_value();
  m_out += fmt::format("{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(double number)
{
  before_value();
  m_out += fmt::format("{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag)
{
  before_value();
  m_out += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null()
{
  before_value();
  m_out += "null";
  return *this;
}

JsonWriter& JsonWriter::optional(std::string_view name, std::string_view text)
{
  if (!text.empty()) {
    key(name).value(text);
  }
  return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& texts)
{
  begin_array();
  for (const std::string& text : texts) {
    value(text);
  }
  return end_array();
}

std::string JsonWriter::finish()
{
  m_out += '\n';
  return std::move(m_out);
}

} // namespace llmchecklist::detail
