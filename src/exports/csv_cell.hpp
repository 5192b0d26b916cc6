#pragma once
// Untrusted text as a CSV cell: quoted where needed, and neutralised where a spreadsheet would
// run it as a formula (an apostrophe before a leading =, +, -, @, tab or carriage return, as
// OWASP advises against CSV injection).

#include <string>
#include <string_view>

namespace llmchecklist::detail {

/// `text` as one CSV cell; control characters other than line breaks and tabs become U+FFFD.
std::string csv_cell(std::string_view text);

/// A date-time as every CSV writes it, whatever form it came in: UTC to the second, with Z
/// ("2026-11-28T12:00:00Z"), so that a column sorts and compares as text. Anything that is no
/// RFC 3339 date-time is returned as it is.
std::string csv_time(std::string_view text);

} // namespace llmchecklist::detail
