// CSV export (RFC 4180): CRLF line ends, quoting where needed, and cells that a spreadsheet
// would run as a formula prefixed with an apostrophe (OWASP's advice on CSV injection).

#include <fmt/format.h>

#include "exports/csv_cell.hpp"
#include "exports/selection.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist {

using detail::csv_cell;
using detail::csv_time;

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
      out += fmt::format(
          "{},{},{},{},{},{},{},{},{},{},{}\r\n", item.number,
          csv_cell(checklist.phases()[phase.index].id), csv_cell(item.id), csv_cell(item.title),
          to_string(item.severity), to_string(status_of(state, item)), csv_cell(recorded.by),
          csv_cell(csv_time(recorded.at)), csv_cell(recorded.note),
          to_string(evidence_of(state, item)), stale.empty() ? "" : "stale " + stale);
    }
  }
  return out;
}

} // namespace llmchecklist
