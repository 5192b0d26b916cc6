// llmchecklist progress: overall and per-phase progress bars, and the CI gates.

#include <memory>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/diagnostics.hpp"
#include "cli/exit_codes.hpp"
#include "cli/render.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/export.hpp"

namespace llmchecklist::cli {
namespace {

struct ProgressOptions
{
  double min = -1;
  bool all_required = false;
  std::string phase;
  bool json = false;
};

std::string progress_text(const Context& context, const Project& project,
                          const Selection& selection)
{
  const Terminal& term = context.out();
  const Checklist& checklist = project.checklist;
  const Progress progress = compute_progress(checklist, project.state);

  std::size_t title_width = 7; // "Overall"
  for (const Phase& phase : checklist.phases()) {
    title_width =
        std::max(title_width,
                 std::min<std::size_t>(display_width(phase.title) + (phase.optional ? 11 : 0), 32));
  }
  const int bar_width = std::clamp(term.width - static_cast<int>(title_width) - 34, 10, 40);
  auto row = [&](std::string title, const Counts& counts) {
    const std::string label = truncate(term, printable(title), title_width);
    return fmt::format("{}{}  {}  {:>3} %  {}\n", label,
                       std::string(title_width - display_width(label), ' '),
                       bar(term, counts.percent(), bar_width), counts.percent_floor(),
                       fmt::format("{}/{}{}", counts.done, counts.total - counts.na,
                                   counts.na > 0 ? fmt::format(" ({} n/a)", counts.na) : ""));
  };

  Counts selected;
  std::string phases;
  for (std::size_t p = 0; p < checklist.phases().size(); ++p) {
    if (selection.phase && *selection.phase != p) {
      continue;
    }
    const Phase& phase = checklist.phases()[p];
    selected += progress.phases[p];
    phases += row(phase.optional ? phase.title + " (optional)" : phase.title, progress.phases[p]);
  }
  std::string out = fmt::format("{}\n\n", paint(term, Color::bold, printable(checklist.title)));
  out += phases;
  out += "\n" + row(selection.phase ? "Selected" : "Overall", selected);
  if (uses_verify(project)) {
    out += fmt::format("\nAutomated: {} of {} done items are backed by a passing verify command",
                       selected.automated, selected.done);
    if (selected.verify_failing > 0) {
      out += fmt::format("; {} {} a failing one", selected.verify_failing,
                         selected.verify_failing == 1 ? "has" : "have");
    }
    out += "\n";
  }
  return out;
}

int run_progress(const Context& context, const ProgressOptions& options)
{
  const Project project = context.open();
  const Checklist& checklist = project.checklist;
  Selection selection;
  selection.items = false;
  if (!options.phase.empty()) {
    selection.phase = resolve_phase(checklist, options.phase);
  }
  if (options.json) {
    fmt::print("{}", render_json(checklist, project.state, selection));
  } else if (!context.options.quiet) {
    fmt::print("{}", progress_text(context, project, selection));
    warn_orphans(project);
  }

  // The gates: each failure says why, on stderr, so that a CI log shows it.
  const Progress progress = compute_progress(checklist, project.state);
  Counts counts;
  for (std::size_t p = 0; p < checklist.phases().size(); ++p) {
    if (!selection.phase || *selection.phase == p) {
      counts += progress.phases[p];
    }
  }
  int code = k_exit_ok;
  if (options.min >= 0 && counts.percent() < options.min) {
    print_error(fmt::format("gate failed: progress is {} %, below the minimum of {} %",
                            counts.percent_floor(), options.min));
    code = k_exit_gate_failed;
  }
  if (options.all_required && counts.required_todo > 0) {
    std::string list;
    for (const Item& item : checklist.items()) {
      if ((!selection.phase || *selection.phase == item.phase) &&
          item.severity == Severity::required && status_of(project.state, item) == Status::todo) {
        list += fmt::format("\n  {} {}", item.number, item.id);
      }
    }
    print_error(fmt::format("gate failed: {} required item{} still todo:{}", counts.required_todo,
                            counts.required_todo == 1 ? " is" : "s are", list));
    code = k_exit_gate_failed;
  }
  return code;
}

} // namespace

Command register_progress(CLI::App& app, Context& context)
{
  auto options = std::make_shared<ProgressOptions>();
  CLI::App* sub = app.add_subcommand("progress", "Show progress bars; gate CI on progress");
  sub->add_option("--min", options->min, "Exit 1 when progress is below PCT percent")
      ->check(CLI::Range(0.0, 100.0))
      ->option_text("PCT");
  sub->add_flag("--all-required", options->all_required, "Exit 1 while any required item is todo");
  sub->add_option("--phase", options->phase, "Only this phase (number, id or id prefix)");
  sub->add_flag("--json", options->json, "Print JSON (the schema in llmchecklist(1))");
  return {sub, [&context, options] { return run_progress(context, *options); }};
}

} // namespace llmchecklist::cli
