#include "llmchecklist/export.hpp"

namespace llmchecklist {

std::string_view to_string(ExportFormat format)
{
  switch (format) {
  case ExportFormat::json:
    return "json";
  case ExportFormat::csv:
    return "csv";
  case ExportFormat::markdown:
    break;
  }
  return "markdown";
}

std::optional<ExportFormat> parse_export_format(std::string_view text)
{
  for (const ExportFormat format :
       {ExportFormat::markdown, ExportFormat::json, ExportFormat::csv}) {
    if (to_string(format) == text) {
      return format;
    }
  }
  return std::nullopt;
}

std::string render(ExportFormat format, const Checklist& checklist, const State& state,
                   const Selection& selection)
{
  switch (format) {
  case ExportFormat::json:
    return render_json(checklist, state, selection);
  case ExportFormat::csv:
    return render_csv(checklist, state, selection);
  case ExportFormat::markdown:
    break;
  }
  return render_markdown(checklist, state, selection);
}

} // namespace llmchecklist
