// llmchecklist export: the checklist and its state as Markdown, JSON, CSV, HTML, an SVG badge
// or JUnit XML.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "outputs.hpp"
#include "render.hpp"
#include "validators.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/state_file.hpp"

namespace llmchecklist::cli {
namespace {

struct ExportCommandOptions
{
  std::string format = "markdown";
  std::string output;
  std::string phase;
  std::string status;
  BadgeStyle badge;
};

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
  if (!options.output.empty() && options.output != "-") {
    refuse_inputs(project, options.output);
  }
  const std::string text = render(*parse_export_format(options.format), project.checklist,
                                  project.state, render_options);
  if (options.output.empty() || options.output == "-") {
    fmt::print("{}", text);
  } else {
    write_output(options.output, text);
  }
  return k_exit_ok;
}

} // namespace

Command register_export(CLI::App& app, Context& context)
{
  auto options = std::make_shared<ExportCommandOptions>();
  CLI::App* sub = app.add_subcommand("export", "Export the checklist and progress");
  sub->add_option("--format,-f", options->format,
                  "markdown (default), json, csv, html, badge (SVG) or junit (XML)")
      ->check(CLI::IsMember({"markdown", "json", "csv", "html", "badge", "junit"}));
  sub->add_option("-o,--output", options->output,
                  "Write to FILE (replaced atomically; a device or FIFO is written to) instead of "
                  "stdout; - is stdout")
      ->option_text("FILE");
  sub->add_option("--phase", options->phase, "Only this phase (number, id or id prefix)");
  sub->add_option("--status", options->status, "Only items with this status")
      ->check(CLI::IsMember(k_status_names));
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
