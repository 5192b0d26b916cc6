// One CSV cell (RFC 4180), shared by the CSV export and the fleet report.

#include "exports/csv_cell.hpp"
#include "llmchecklist/text.hpp"
#include "llmchecklist/utc.hpp"

namespace llmchecklist::detail {

std::string csv_cell(std::string_view text)
{
  // Line breaks are fine inside a quoted cell; other control characters are not data anyone
  // wants in a spreadsheet, and would reach a terminal raw when the CSV goes to stdout.
  std::string value = without_controls(text, "\t\r\n");
  if (!value.empty() &&
      std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) {
    value.insert(value.begin(), '\'');
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) {
    return value;
  }
  std::string quoted = "\"";
  for (const char c : value) {
    quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return quoted + "\"";
}

std::string csv_time(std::string_view text)
{
  const auto time = parse_date_time(text);
  return time ? format_utc(*time) : std::string(text);
}

} // namespace llmchecklist::detail
