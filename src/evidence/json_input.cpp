#include "evidence/json_input.hpp"

#include <cmath>

#include <fmt/format.h>
#include <simdjson.h>

#include "evidence/result_text.hpp"
#include "formats/json_keys.hpp"
#include "llmchecklist/error.hpp"

namespace llmchecklist::detail {
namespace {

// The offset of the bracket that opens level k_max_nesting + 1, or the text's end.
std::size_t too_deep_at(std::string_view text)
{
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > k_max_nesting) {
        return i;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return text.size();
}

} // namespace

void parse_result_json(simdjson::dom::parser& parser, std::string_view text,
                       const std::string& shown, simdjson::dom::element& root)
{
  simdjson::error_code error = parser.allocate(text.size(), k_max_nesting);
  if (error == simdjson::SUCCESS) {
    // The text is not padded: simdjson copies it into a padded buffer of its own.
    error = parser.parse(text.data(), text.size(), true).get(root);
  }
  if (error == simdjson::DEPTH_ERROR) {
    throw DataError(location_at(text, too_deep_at(text), shown),
                    fmt::format("JSON nested deeper than {} levels", k_max_nesting));
  }
  if (error == simdjson::MEMALLOC) {
    throw DataError(SourceLocation{shown, 0, 0}, "not enough memory to read the file");
  }
  if (error != simdjson::SUCCESS) {
    throw DataError(SourceLocation{shown, 0, 0},
                    fmt::format("not valid JSON: {}", simdjson::error_message(error)));
  }
  refuse_duplicate_keys(root, text, shown, "result file");
}

std::uint64_t json_count(const simdjson::dom::element& element, std::string_view key,
                         std::string_view where, const std::string& shown,
                         const std::uint64_t* fallback)
{
  simdjson::dom::element field;
  if (element.is_object() && element[key].get(field) == simdjson::SUCCESS && !field.is_null()) {
    std::uint64_t count = 0;
    if (field.get_uint64().get(count) == simdjson::SUCCESS) {
      return count;
    }
    double number = 0;
    if (field.get_double().get(number) == simdjson::SUCCESS && number >= 0 &&
        number == std::floor(number) && number < 1e15) {
      return static_cast<std::uint64_t>(number);
    }
    throw DataError(SourceLocation{shown, 0, 0},
                    fmt::format("{} is not a count (a whole number, 0 or more)", where));
  }
  if (fallback != nullptr) {
    return *fallback;
  }
  throw DataError(SourceLocation{shown, 0, 0}, fmt::format("no {} in the file", where));
}

} // namespace llmchecklist::detail
