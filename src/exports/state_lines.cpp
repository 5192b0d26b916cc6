// Where each item's table is in the state file, found in the text itself: the parsed state
// keeps no lines, and only the formats that point at a line (SARIF, annotations) need them.

#include "llmchecklist/export.hpp"

namespace llmchecklist {
namespace {

std::string_view trim(std::string_view text)
{
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// A key as TOML writes it: bare, "basic" (the escapes ids need are rare: \" and \\ only) or
// 'literal'. Empty when it is none of these.
std::string unquote(std::string_view key)
{
  if (key.size() >= 2 && key.front() == '\'' && key.back() == '\'') {
    return std::string(key.substr(1, key.size() - 2));
  }
  if (key.size() >= 2 && key.front() == '"' && key.back() == '"') {
    std::string out;
    for (std::size_t i = 1; i + 1 < key.size(); ++i) {
      if (key[i] == '\\' && i + 2 < key.size()) {
        ++i;
      }
      out += key[i];
    }
    return out;
  }
  for (const char c : key) {
    const bool bare = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
    if (!bare) {
      return {};
    }
  }
  return std::string(key);
}

} // namespace

std::unordered_map<std::string, std::size_t> item_table_lines(std::string_view text)
{
  std::unordered_map<std::string, std::size_t> lines;
  std::size_t number = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    ++number;
    std::string_view line = trim(text.substr(start, end - start));
    start = end + 1;
    // "[items.ID]" or "[ items . "ID" ]", with an optional comment after it.
    if (line.size() < 2 || line[0] != '[' || line[1] == '[') {
      continue;
    }
    const std::size_t close = line.rfind(']');
    if (close == std::string_view::npos) {
      continue;
    }
    std::string_view inside = trim(line.substr(1, close - 1));
    if (inside.substr(0, 5) != "items") {
      continue;
    }
    inside = trim(inside.substr(5));
    if (inside.empty() || inside.front() != '.') {
      continue;
    }
    const std::string id = unquote(trim(inside.substr(1)));
    if (!id.empty()) {
      lines.emplace(id, number); // a repeated table is an error the reader reports first
    }
  }
  return lines;
}

} // namespace llmchecklist
