#include "evidence/result_text.hpp"

#include <fmt/format.h>

#include "llmchecklist/text.hpp"

namespace llmchecklist::detail {

void refuse_invalid_utf8(std::string_view text, const std::string& shown)
{
  if (is_valid_utf8(text)) {
    return;
  }
  std::size_t offset = 0;
  bool found = false;
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes) {
    if (found) {
      return;
    }
    if (code_point == 0xFFFD && bytes.data() == k_replacement_character.data()) {
      found = true;
      return;
    }
    offset += bytes.size();
  });
  throw DataError(location_at(text, offset, shown),
                  "not valid UTF-8: a result file is read as UTF-8 text, and this byte is none");
}

std::string shown_value(std::string_view text, std::size_t limit)
{
  const std::string clean = shown_text(text);
  std::string out;
  std::size_t count = 0;
  bool cut = false;
  for_each_code_point(clean, [&](char32_t, std::string_view bytes) {
    if (cut) {
      return;
    }
    if (count == limit) {
      cut = true;
      return;
    }
    out += bytes;
    ++count;
  });
  if (cut) {
    out += "...";
  }
  return out;
}

std::string format_number(double number)
{
  return fmt::format("{}", number);
}

} // namespace llmchecklist::detail
