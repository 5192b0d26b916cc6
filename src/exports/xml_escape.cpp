#include "exports/xml_escape.hpp"

#include "llmchecklist/text.hpp"

namespace llmchecklist::detail {

std::string xml_escape(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes) {
    const std::string_view entity = code_point == '&'    ? "&amp;"
                                    : code_point == '<'  ? "&lt;"
                                    : code_point == '>'  ? "&gt;"
                                    : code_point == '"'  ? "&quot;"
                                    : code_point == '\'' ? "&#39;"
                                                         : "";
    if (!entity.empty()) {
      out += entity;
    } else if ((code_point < 0x20 && code_point != '\n' && code_point != '\t') ||
               code_point == 0x7f || code_point == 0xFFFE || code_point == 0xFFFF) {
      out += k_replacement_character;
    } else if (is_invisible_format(code_point)) {
      // Shown, not obeyed: a bidirectional override would make the page read otherwise.
      const std::string shown = reveal_invisible(bytes);
      out += "&lt;" + shown.substr(1, shown.size() - 2) + "&gt;";
    } else {
      out += bytes;
    }
  });
  return out;
}

} // namespace llmchecklist::detail
