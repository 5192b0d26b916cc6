// GitLab's code quality report (the Code Climate subset GitLab reads): a JSON array with one
// issue per open item and per stale check, at the item's line of the state file, so that a
// merge request shows what the change leaves undone.

#include <fmt/format.h>

#include "exports/json_writer.hpp"
#include "exports/selection.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/standing.hpp"
#include "llmchecklist/text.hpp"
#include "util/content_hash.hpp"

namespace llmchecklist {
namespace {

void write_issue(detail::JsonWriter& json, const Checklist& checklist, const Item& item,
                 std::string_view kind, std::string_view severity, const std::string& description,
                 const ExportOptions& options)
{
  // The same item and kind keep the same fingerprint from one pipeline to the next, which is
  // how GitLab tells a new issue from a fixed one.
  detail::ContentHasher hasher;
  hasher.update(checklist.id).update(item.id).update(kind);
  json.begin_object();
  json.key("description").value(shown_text(description));
  json.key("check_name").value(shown_text(item.id));
  json.key("fingerprint").value(hasher.finish().hex());
  json.key("severity").value(severity);
  json.key("location").begin_object();
  json.key("path").value(shown_text(options.lines.path));
  json.key("lines").begin_object().key("begin").value(options.lines.line_of(item.id)).end_object();
  json.end_object();
  json.end_object();
}

} // namespace

std::string render_codequality(const Checklist& checklist, const State& state,
                               const ExportOptions& options)
{
  const detail::Selected selected = detail::select(checklist, state, options.selection);
  detail::JsonWriter json;
  json.begin_array();
  for (const detail::SelectedPhase& phase : selected.phases) {
    for (const std::size_t index : phase.items) {
      const Item& item = checklist.items()[index];
      for (const Finding& finding : standing_of(state, item).findings) {
        write_issue(json, checklist, item, to_string(finding.kind),
                    finding.level == FindingLevel::error     ? "critical"
                    : finding.level == FindingLevel::warning ? "minor"
                                                             : "info",
                    finding.one_line(), options);
      }
    }
  }
  json.end_array();
  return json.finish();
}

} // namespace llmchecklist
