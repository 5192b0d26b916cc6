// CSV export (RFC 4180): CRLF line ends, quoting where needed, and cells that a spreadsheet
// would run as a formula prefixed with an apostrophe (OWASP's advice on CSV injection).

#include <fmt/format.h>

#include "llmchecklist/export.hpp"
#include "llmchecklist/progress.hpp"
#include "exports/selection.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist {
namespace {

std::string cell(std::string_view text)
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

} // namespace

std::string render_csv(const Checklist& checklist, const State& state, const Selection& selection)
{
  const detail::Selected selected = detail::select(checklist, state, selection);
  std::string out = "number,phase,id,title,severity,status,by,at,note,evidence,stale\r\n";
  for (const detail::SelectedPhase& phase : selected.phases) {
    for (const std::size_t i : phase.items) {
      const Item& item = checklist.items()[i];
      const Entry* entry = state.find(item.id);
      const Entry empty;
      const Entry& recorded = entry != nullptr ? *entry : empty;
      const std::string stale =
          is_stale(state, item) ? fmt::format("r{} -> r{}", recorded.revision, item.revision) : "";
      out +=
          fmt::format("{},{},{},{},{},{},{},{},{},{},{}\r\n", item.number,
                      cell(checklist.phases()[phase.index].id), cell(item.id), cell(item.title),
                      to_string(item.severity), to_string(status_of(state, item)),
                      cell(recorded.by), cell(recorded.at), cell(recorded.note),
                      to_string(evidence_of(state, item)), stale.empty() ? "" : "stale " + stale);
    }
  }
  return out;
}

} // namespace llmchecklist
