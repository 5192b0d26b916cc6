// GitHub Actions workflow commands: `::error file=F,line=N,title=T::MESSAGE`, one per line.
// The runner reads any line that starts with `::` as a command, and everything here comes from
// files a pull request can change, so every value is escaped as the runner's own toolkit
// escapes it (actions/toolkit, command.ts): `%`, CR and LF in the message; those and `:` and
// `,` in a property. No text can then end the line, so none can start a command of its own
// (`::add-mask::`, `::stop-commands::`, a fake `::error`).

#include <fmt/format.h>

#include "exports/selection.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/standing.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist {
namespace {

// Text shown in the pull request: invisible format characters revealed, other controls made
// harmless (CR and LF are kept here and escaped below).
std::string shown(std::string_view text)
{
  return shown_text(text, "\r\n");
}

std::string escape_data(std::string_view text)
{
  std::string out;
  for (const char c : shown(text)) {
    out += c == '%' ? "%25" : c == '\r' ? "%0D" : c == '\n' ? "%0A" : std::string(1, c);
  }
  return out;
}

std::string escape_property(std::string_view text)
{
  std::string out;
  for (const char c : escape_data(text)) {
    out += c == ':' ? "%3A" : c == ',' ? "%2C" : std::string(1, c);
  }
  return out;
}

std::string annotation(std::string_view kind, const ExportOptions& options, const Item& item,
                       std::string_view title, std::string_view message)
{
  return fmt::format("::{} file={},line={},title={}::{}\n", kind,
                     escape_property(options.lines.path), options.lines.line_of(item.id),
                     escape_property(title), escape_data(message));
}

} // namespace

std::string render_github(const Checklist& checklist, const State& state,
                          const ExportOptions& options)
{
  const detail::Selected selected = detail::select(checklist, state, options.selection);
  std::string out;
  for (const detail::SelectedPhase& phase : selected.phases) {
    for (const std::size_t index : phase.items) {
      const Item& item = checklist.items()[index];
      // A note is a notice to the runner; the rest keep their names.
      for (const Finding& finding : standing_of(state, item).findings) {
        out += annotation(finding.level == FindingLevel::note ? "notice" : to_string(finding.level),
                          options, item, finding.title, finding.message);
      }
    }
  }
  return out;
}

} // namespace llmchecklist
