// llmchecklist export: the checklist and its state as Markdown, JSON or CSV.

#include <memory>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/render.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/state_file.hpp"

namespace llmchecklist::cli {
namespace {

struct ExportOptions
{
  std::string format = "markdown";
  std::string output;
  std::string phase;
  std::string status;
};

int run_export(const Context& context, const ExportOptions& options)
{
  const Project project = context.open();
  Selection selection;
  if (!options.phase.empty()) {
    selection.phase = resolve_phase(project.checklist, options.phase);
  }
  if (!options.status.empty()) {
    selection.status = parse_status(options.status);
  }
  const std::string text =
      render(*parse_export_format(options.format), project.checklist, project.state, selection);
  if (options.output.empty() || options.output == "-") {
    fmt::print("{}", text);
  } else {
    write_file_atomic(options.output, text);
  }
  return k_exit_ok;
}

} // namespace

Command register_export(CLI::App& app, Context& context)
{
  auto options = std::make_shared<ExportOptions>();
  CLI::App* sub = app.add_subcommand("export", "Export the checklist and progress");
  sub->add_option("--format,-f", options->format, "markdown (default), json or csv")
      ->check(CLI::IsMember({"markdown", "json", "csv"}));
  sub->add_option("-o,--output", options->output, "Write to FILE atomically instead of stdout")
      ->option_text("FILE");
  sub->add_option("--phase", options->phase, "Only this phase (number, id or id prefix)");
  sub->add_option("--status", options->status, "Only items with this status")
      ->check(CLI::IsMember(k_status_names));
  return {sub, [&context, options] { return run_export(context, *options); }};
}

} // namespace llmchecklist::cli
