#include "note.hpp"

#include <fmt/format.h>

#include "llmchecklist/error.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist::cli {

std::string validated_note(std::string note, const char* option)
{
  if (!is_valid_utf8(note)) {
    throw UsageError(fmt::format("{} is not valid UTF-8", option));
  }
  for (const char c : note) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      throw UsageError(
          fmt::format("{} must be one line of text without control characters", option));
    }
  }
  return note;
}

} // namespace llmchecklist::cli
