#pragma once
// Untrusted text as a CSV cell: quoted where needed, and neutralised where a spreadsheet would
// run it as a formula (an apostrophe before a leading =, +, -, @, tab or carriage return, as
// OWASP advises against CSV injection).

#include <string>
#include <string_view>

namespace llmchecklist::detail {

/// `text` as one CSV cell; control characters other than line breaks and tabs become U+FFFD.
std::string csv_cell(std::string_view text);

} // namespace llmchecklist::detail
