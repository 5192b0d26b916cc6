#include "llmchecklist/export.hpp"

namespace llmchecklist {

namespace {

constexpr ExportFormatInfo k_export_formats[] = {
    {ExportFormat::markdown, "markdown", "a GitHub task list; the default", "md",
     [](const Checklist& c, const State& s, const ExportOptions& o) {
       return render_markdown(c, s, o.selection);
     }},
    {ExportFormat::json, "json", "for scripts and `fleet`", "json",
     [](const Checklist& c, const State& s, const ExportOptions& o) {
       return render_json(c, s, o.selection, o.project.name.empty() ? nullptr : &o.project);
     }},
    {ExportFormat::csv, "csv", "a spreadsheet", "csv",
     [](const Checklist& c, const State& s, const ExportOptions& o) {
       return render_csv(c, s, o.selection);
     }},
    {ExportFormat::html, "html", "a self-contained report", "html",
     [](const Checklist& c, const State& s, const ExportOptions& o) {
       return render_html(c, s, o.selection);
     }},
    {ExportFormat::badge, "badge", "an SVG progress badge", "svg",
     [](const Checklist& c, const State& s, const ExportOptions& o) {
       return render_badge(c, s, o.selection, o.badge);
     }},
    {ExportFormat::junit, "junit", "JUnit XML, an item per test", "xml",
     [](const Checklist& c, const State& s, const ExportOptions& o) {
       return render_junit(c, s, o.selection, o.generated_at);
     }},
    {ExportFormat::sarif, "sarif", "code scanning", "sarif", render_sarif},
    {ExportFormat::github, "github", "GitHub Actions annotations", "txt", render_github},
    {ExportFormat::summary, "summary", "Markdown for a job summary", "md", render_summary},
    {ExportFormat::codequality, "codequality", "GitLab's code quality report", "json",
     render_codequality},
};

} // namespace

std::span<const ExportFormatInfo> export_formats()
{
  return k_export_formats;
}

std::string_view to_string(ExportFormat format)
{
  return format_info(export_formats(), format).name;
}

std::optional<ExportFormat> parse_export_format(std::string_view text)
{
  const ExportFormatInfo* found = find_format(export_formats(), text);
  return found != nullptr ? std::optional<ExportFormat>(found->format) : std::nullopt;
}

std::string render(ExportFormat format, const Checklist& checklist, const State& state,
                   const ExportOptions& options)
{
  return format_info(export_formats(), format).write(checklist, state, options);
}

std::size_t StateFileLines::line_of(std::string_view id) const
{
  const auto found = items.find(std::string(id));
  return found != items.end() ? found->second : fallback;
}

} // namespace llmchecklist
