#include "note.hpp"

#include <fmt/format.h>

#include "llmchecklist/error.hpp"
#include "llmchecklist/text.hpp"
#include "llmchecklist/utc.hpp"

namespace llmchecklist::cli {
namespace {

bool is_control(char32_t code_point)
{
  return code_point < 0x20 || (code_point >= 0x7f && code_point < 0xa0);
}

// C0 controls and DEL: what a line of the state file must not hold. (C1 controls are valid
// UTF-8 characters the writer escapes, and are shown revealed.)
bool has_control_byte(std::string_view note)
{
  for (const char c : note) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      return true;
    }
  }
  return false;
}

} // namespace

std::string validated_note(std::string note, const char* option)
{
  if (!is_valid_utf8(note)) {
    throw UsageError(fmt::format("{} is not valid UTF-8", option));
  }
  if (has_control_byte(note)) {
    throw UsageError(fmt::format("{} must be one line of text without control characters", option));
  }
  return note;
}

std::string cleaned_note(std::string_view note)
{
  std::string out;
  out.reserve(note.size());
  for_each_code_point(note, [&](char32_t code_point, std::string_view bytes) {
    if (code_point == '\t' || code_point == '\n' || code_point == '\r') {
      out += ' ';
    } else if (is_control(code_point) ||
               (code_point == 0xFFFD && bytes.data() == k_replacement_character.data())) {
      // An invalid byte: for_each_code_point hands over its own replacement character.
    } else {
      out += bytes;
    }
  });
  return out;
}

std::string validated_until(std::string until, std::string_view today, const char* option)
{
  const auto parsed = parse_utc(until + "T00:00:00Z");
  if (until.size() != 10 || !parsed || format_utc(*parsed).substr(0, 10) != until) {
    throw UsageError(fmt::format("{} needs a date like 2027-03-31, got \"{}\"", option, until));
  }
  // The decision holds through its `until` day; one already past would expire at once.
  if (until < today) {
    throw UsageError(fmt::format("{} {} is already past (today is {}); give the last day the "
                                 "decision should hold",
                                 option, until, today));
  }
  return until;
}

} // namespace llmchecklist::cli
