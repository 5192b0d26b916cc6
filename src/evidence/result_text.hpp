#pragma once
// What every expectation reader does with the text of a result file before and after reading
// it: places in it, the checks that come before any parser, and text from it made safe to show.

#include <cstddef>
#include <string>
#include <string_view>

#include "llmchecklist/error.hpp"

namespace llmchecklist::detail {

/// The deepest nesting a reader accepts, of JSON arrays and objects or of XML elements.
inline constexpr std::size_t k_max_nesting = 256;

/// Throws DataError at the first byte of `text` that is not valid UTF-8.
void refuse_invalid_utf8(std::string_view text, const std::string& shown);

/// Text from a file as a one-line value: control characters and invalid bytes replaced,
/// invisible format characters shown as <U+XXXX>, cut to `limit` code points with "...".
std::string shown_value(std::string_view text, std::size_t limit = 80);

/// A number as a value shows it: the shortest text that reads back as the same double.
std::string format_number(double number);

} // namespace llmchecklist::detail
