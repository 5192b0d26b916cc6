#include "llmchecklist/export.hpp"

namespace llmchecklist {

std::string_view to_string(ExportFormat format)
{
  switch (format) {
  case ExportFormat::json:
    return "json";
  case ExportFormat::csv:
    return "csv";
  case ExportFormat::html:
    return "html";
  case ExportFormat::badge:
    return "badge";
  case ExportFormat::junit:
    return "junit";
  case ExportFormat::sarif:
    return "sarif";
  case ExportFormat::github:
    return "github";
  case ExportFormat::summary:
    return "summary";
  case ExportFormat::codequality:
    return "codequality";
  case ExportFormat::markdown:
    break;
  }
  return "markdown";
}

std::optional<ExportFormat> parse_export_format(std::string_view text)
{
  for (const ExportFormat format : {ExportFormat::markdown, ExportFormat::json, ExportFormat::csv,
                                    ExportFormat::html, ExportFormat::badge, ExportFormat::junit,
                                    ExportFormat::sarif, ExportFormat::github,
                                    ExportFormat::summary, ExportFormat::codequality}) {
    if (to_string(format) == text) {
      return format;
    }
  }
  return std::nullopt;
}

std::string render(ExportFormat format, const Checklist& checklist, const State& state,
                   const ExportOptions& options)
{
  switch (format) {
  case ExportFormat::json:
    return render_json(checklist, state, options.selection,
                       options.project.name.empty() ? nullptr : &options.project);
  case ExportFormat::csv:
    return render_csv(checklist, state, options.selection);
  case ExportFormat::html:
    return render_html(checklist, state, options.selection);
  case ExportFormat::badge:
    return render_badge(checklist, state, options.selection, options.badge);
  case ExportFormat::junit:
    return render_junit(checklist, state, options.selection, options.generated_at);
  case ExportFormat::sarif:
    return render_sarif(checklist, state, options);
  case ExportFormat::github:
    return render_github(checklist, state, options);
  case ExportFormat::summary:
    return render_summary(checklist, state, options);
  case ExportFormat::codequality:
    return render_codequality(checklist, state, options);
  case ExportFormat::markdown:
    break;
  }
  return render_markdown(checklist, state, options.selection);
}

std::size_t StateFileLines::line_of(std::string_view id) const
{
  const auto found = items.find(std::string(id));
  return found != items.end() ? found->second : fallback;
}

} // namespace llmchecklist
