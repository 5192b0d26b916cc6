// llmchecklist export: the checklist and its state as Markdown, JSON, CSV, HTML, an SVG badge,
// JUnit XML, SARIF, GitHub annotations, a Markdown summary of a change or GitLab code quality.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "formats.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/git.hpp"
#include "llmchecklist/report_output.hpp"
#include "llmchecklist/revision.hpp"
#include "llmchecklist/state_file.hpp"
#include "llmchecklist/text.hpp"
#include "output.hpp"
#include "render.hpp"
#include "validators.hpp"

namespace llmchecklist::cli {
namespace {

struct ExportCommandOptions
{
  std::string format = "markdown";
  std::string output;
  std::string phase;
  std::string status;
  std::string project_name;
  std::string since;
  BadgeStyle badge;
};

// What a JSON export records of where it came from: the name given, else the git work tree's
// directory name (the state file's directory outside git), and the last commit that changed
// the state file.
ProjectInfo project_info(const Project& project, const std::string& name)
{
  ProjectInfo info;
  const std::filesystem::path directory =
      std::filesystem::absolute(project.state_path).parent_path();
  const std::optional<std::filesystem::path> top = git_work_tree(directory);
  info.name = !name.empty() ? name : (top ? *top : directory).filename().string();
  if (top && project.exists) {
    if (const auto change =
            last_change(directory, "HEAD", project.state_path.filename().string())) {
      info.last_change_at = change->at;
      info.last_change_by = change->by;
    }
  }
  return info;
}

// The state file's path from the repository's root and the lines of its item tables, for the
// formats whose results point at a line (SARIF, annotations).
StateFileLines state_file_lines(const Project& project)
{
  StateFileLines lines;
  const std::filesystem::path absolute = std::filesystem::absolute(project.state_path);
  const std::optional<std::filesystem::path> top = git_work_tree(absolute.parent_path());
  lines.path = top ? std::filesystem::relative(absolute, *top).generic_string()
                   : absolute.filename().generic_string();
  if (const std::optional<std::string> text = read_state_file(project.state_path)) {
    lines.items = item_table_lines(*text);
    lines.fallback = std::max<std::size_t>(1, project.state.checklist_location.line);
  }
  return lines;
}

int run_export(const Context& context, const ExportCommandOptions& options)
{
  if (options.badge.yellow_below < options.badge.red_below) {
    throw UsageError("--yellow-below must not be lower than --red-below");
  }
  const Project& project = context.open();
  ExportOptions render_options;
  render_options.badge = options.badge;
  render_options.generated_at = context.now();
  if (!options.phase.empty()) {
    render_options.selection.phase = resolve_phase(project.checklist, options.phase);
  }
  if (!options.status.empty()) {
    render_options.selection.status = parse_status(options.status);
  }
  // Refused before anything is rendered or read at a revision.
  const std::vector<ReportInput> inputs = project_inputs(project);
  if (is_output_file(options.output)) {
    refuse_report_inputs(options.output, inputs);
  }
  if (!options.since.empty() && options.format != "summary") {
    throw UsageError("--since is for --format summary (progress --since gates on a revision)");
  }
  if (options.format == "json") {
    render_options.project = project_info(project, options.project_name);
  }
  if (options.format == "sarif" || options.format == "github" || options.format == "codequality") {
    render_options.lines = state_file_lines(project);
  }
  // The baseline lives here, as long as the rendering that points into it.
  ProjectVersion then;
  if (!options.since.empty()) {
    then = read_project_version(project.state_path, options.since);
    Baseline baseline;
    baseline.ref = options.since;
    if (then.state) {
      baseline.state = &*then.state;
      baseline.checklist = then.checklist ? &*then.checklist : nullptr;
      baseline.checklist_error = then.checklist_error;
    }
    render_options.since = baseline;
  }
  const std::string rendered = render(*parse_export_format(options.format), project.checklist,
                                      project.state, render_options);
  // Annotations are lines for the runner, each escaped by their renderer; every other format is
  // made inert the same way on standard output and in a file, which a CI step may print.
  const bool for_the_runner = options.format == "github";
  const std::string text = for_the_runner ? rendered : neutralize_ci_commands(rendered);
  emit_report(options.output, text, inputs);
  return k_exit_ok;
}

} // namespace

Command register_export(CLI::App& app, Context& context)
{
  auto options = std::make_shared<ExportCommandOptions>();
  CLI::App* sub = app.add_subcommand("export", "Export the checklist and progress");
  add_format_option(*sub, options->format, export_formats());
  add_output_option(*sub, options->output, "replaced atomically; a device or FIFO is written to");
  sub->add_option("--phase", options->phase, "Only this phase (number, id or id prefix)");
  sub->add_option("--status", options->status, "Only items with this status")
      ->check(CLI::IsMember(k_status_names));
  sub->add_option("--project-name", options->project_name,
                  "JSON: the project's name for `fleet` (default: the git work tree's directory "
                  "name)")
      ->option_text("NAME");
  sub->add_option("--since", options->since,
                  "Summary: compare with the state file at git revision REF (the base branch)")
      ->option_text("REF");
  sub->add_option("--label", options->badge.label, "Badge: the left-hand text")
      ->default_str(options->badge.label);
  sub->add_option("--red-below", options->badge.red_below, "Badge: red below PCT (default 50)")
      ->check(percentage())
      ->option_text("PCT");
  sub->add_option("--yellow-below", options->badge.yellow_below,
                  "Badge: yellow below PCT, green from it (default 80)")
      ->check(percentage())
      ->option_text("PCT");
  return {sub, [&context, options] { return run_export(context, *options); }};
}

} // namespace llmchecklist::cli
