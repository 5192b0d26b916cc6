// llmchecklist progress: overall and per-phase progress bars, and the CI gates.

#include <memory>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/diagnostics.hpp"
#include "cli/exit_codes.hpp"
#include "cli/render.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/git.hpp"

namespace llmchecklist::cli {
namespace {

struct ProgressOptions
{
  double min = -1;
  bool all_required = false;
  bool no_stale = false;
  std::vector<std::string> min_phase;
  bool gate = false;
  std::string since;
  std::string phase;
  bool json = false;
};

// The phase with the lowest percentage among those with something applicable: one strong
// phase must not hide an empty one.
std::optional<std::size_t> weakest_phase(const Progress& progress, const Selection& selection)
{
  std::optional<std::size_t> weakest;
  for (std::size_t p = 0; p < progress.phases.size(); ++p) {
    const Counts& counts = progress.phases[p];
    if ((selection.phase && *selection.phase != p) || counts.total == counts.na) {
      continue;
    }
    if (!weakest || counts.percent() < progress.phases[*weakest].percent()) {
      weakest = p;
    }
  }
  return weakest;
}

Counts selected_counts(const Progress& progress, const Selection& selection)
{
  Counts counts;
  for (std::size_t p = 0; p < progress.phases.size(); ++p) {
    if (!selection.phase || *selection.phase == p) {
      counts += progress.phases[p];
    }
  }
  return counts;
}

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
    return fmt::format("{}{}  {}  {:>3} %  {}", label,
                       std::string(title_width - display_width(label), ' '),
                       bar(term, counts.percent(), bar_width), counts.percent_floor(),
                       fmt::format("{}/{}{}", counts.done, counts.total - counts.na,
                                   counts.na > 0 ? fmt::format(" ({} n/a)", counts.na) : ""));
  };

  std::string out = fmt::format("{}\n\n", paint(term, Color::bold, printable(checklist.title)));
  for (std::size_t p = 0; p < checklist.phases().size(); ++p) {
    if (!selection.phase || *selection.phase == p) {
      const Phase& phase = checklist.phases()[p];
      out += row(phase.optional ? phase.title + " (optional)" : phase.title, progress.phases[p]) +
             "\n";
    }
  }
  const Counts selected = selected_counts(progress, selection);
  out += "\n" + row(selection.phase ? "Selected" : "Overall", selected);
  if (const auto weakest = weakest_phase(progress, selection); weakest && !selection.phase) {
    out += fmt::format("  weakest: {} {} %", printable(checklist.phases()[*weakest].title),
                       progress.phases[*weakest].percent_floor());
  }
  out += "\n";
  if (selected.stale > 0) {
    out +=
        fmt::format("\nStale: {} check{} predate{} a change to the item's requirement; "
                    "`llmchecklist list` marks them\n",
                    selected.stale, selected.stale == 1 ? "" : "s", selected.stale == 1 ? "s" : "");
  }
  if (selected.expired > 0) {
    out += fmt::format("\nExpired: {} not-applicable decision{} passed {} date and count{} as "
                       "todo again\n",
                       selected.expired, selected.expired == 1 ? "" : "s",
                       selected.expired == 1 ? "its" : "their", selected.expired == 1 ? "s" : "");
  }
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

// The gate that applies: the state file's [gate] with --gate, then the command line on top.
Gate effective_gate(const Project& project, const ProgressOptions& options)
{
  Gate gate = options.gate ? project.state.gate : Gate{};
  if (options.min >= 0) {
    gate.min = options.min;
  }
  gate.all_required = gate.all_required || options.all_required;
  gate.no_stale = gate.no_stale || options.no_stale;
  for (const std::string& spec : options.min_phase) {
    const std::size_t equals = spec.find('=');
    char* end = nullptr;
    const std::string number = equals == std::string::npos ? "" : spec.substr(equals + 1);
    const double minimum = std::strtod(number.c_str(), &end);
    if (equals == std::string::npos || number.empty() || *end != '\0' || minimum < 0 ||
        minimum > 100) {
      throw UsageError(
          fmt::format("--min-phase takes PHASE=PCT (PCT from 0 to 100), got \"{}\"", spec));
    }
    const std::string phase = spec.substr(0, equals);
    std::erase_if(gate.phases, [&](const auto& entry) { return entry.first == phase; });
    gate.phases.emplace_back(phase, minimum);
  }
  return gate;
}

// --since: what was done at REF and is not now. A pull request may not silently uncheck items.
int check_since(const Project& project, const std::string& ref)
{
  const std::optional<std::string> text = read_at_revision(project.state_path, ref);
  if (!text) {
    return k_exit_ok; // nothing was recorded then: nothing can have gone down
  }
  State then =
      parse_state(*text, fmt::format("{}:{}", ref, project.state_path.filename().string()));
  then.as_of = project.state.as_of;
  const Checklist& checklist = project.checklist;
  std::string lost;
  for (const Item& item : checklist.items()) {
    if (status_of(then, item) == Status::done && status_of(project.state, item) == Status::todo) {
      lost += fmt::format("\n  {} {}", item.number, item.id);
    }
  }
  const double before = compute_progress(checklist, then).overall.percent();
  const double now = compute_progress(checklist, project.state).overall.percent();
  int code = k_exit_ok;
  if (!lost.empty()) {
    print_error(fmt::format("gate failed: items done at {} are todo now:{}", ref, lost));
    code = k_exit_gate_failed;
  }
  if (now < before) {
    print_error(fmt::format("gate failed: progress went down since {}: {:.0f} % then, {:.0f} % now",
                            ref, std::floor(before), std::floor(now)));
    code = k_exit_gate_failed;
  }
  return code;
}

int apply_gate(const Project& project, const Gate& gate, const Selection& selection)
{
  const Checklist& checklist = project.checklist;
  const Progress progress = compute_progress(checklist, project.state);
  const Counts counts = selected_counts(progress, selection);
  int code = k_exit_ok;
  if (gate.min >= 0 && counts.percent() < gate.min) {
    print_error(fmt::format("gate failed: progress is {} %, below the minimum of {} %",
                            counts.percent_floor(), gate.min));
    code = k_exit_gate_failed;
  }
  for (const auto& [reference, minimum] : gate.phases) {
    const std::size_t p = resolve_phase(checklist, reference);
    if (progress.phases[p].percent() < minimum) {
      print_error(fmt::format("gate failed: phase {} is at {} %, below its minimum of {} %",
                              checklist.phases()[p].id, progress.phases[p].percent_floor(),
                              minimum));
      code = k_exit_gate_failed;
    }
  }
  auto list_items = [&](auto&& wanted) {
    std::string list;
    for (const Item& item : checklist.items()) {
      if ((!selection.phase || *selection.phase == item.phase) && wanted(item)) {
        list += fmt::format("\n  {} {}", item.number, item.id);
      }
    }
    return list;
  };
  if (gate.all_required && counts.required_todo > 0) {
    print_error(fmt::format("gate failed: {} required item{} still todo:{}", counts.required_todo,
                            counts.required_todo == 1 ? " is" : "s are",
                            list_items([&](const Item& item) {
                              return item.severity == Severity::required &&
                                     status_of(project.state, item) == Status::todo;
                            })));
    code = k_exit_gate_failed;
  }
  if (gate.no_stale && counts.stale > 0) {
    print_error(
        fmt::format("gate failed: {} check{} stale (the requirement changed after the "
                    "check); re-check with `llmchecklist check ITEM`:{}",
                    counts.stale, counts.stale == 1 ? " is" : "s are",
                    list_items([&](const Item& item) { return is_stale(project.state, item); })));
    code = k_exit_gate_failed;
  }
  return code;
}

int run_progress(const Context& context, const ProgressOptions& options)
{
  const Project& project = context.open();
  note_versions(project);
  Selection selection;
  selection.items = false;
  if (!options.phase.empty()) {
    selection.phase = resolve_phase(project.checklist, options.phase);
  }
  const Gate gate = effective_gate(project, options);
  if (options.json) {
    fmt::print("{}", render_json(project.checklist, project.state, selection));
  } else if (!context.options.quiet) {
    fmt::print("{}", progress_text(context, project, selection));
    warn_orphans(project);
  }
  // Every gate reports why it failed, on stderr, so that a CI log shows all of them at once.
  int code = apply_gate(project, gate, selection);
  if (!options.since.empty() && check_since(project, options.since) != k_exit_ok) {
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
  sub->add_flag("--no-stale", options->no_stale,
                "Exit 1 while any check predates a change to its item");
  sub->add_option("--min-phase", options->min_phase,
                  "Exit 1 when PHASE is below PCT percent (repeatable)")
      ->option_text("PHASE=PCT")
      ->allow_extra_args(false);
  sub->add_flag("--gate", options->gate,
                "Apply the team's [gate] from the state file (options given here override it)");
  sub->add_option("--since", options->since,
                  "Exit 1 when items done at git revision REF are todo now, or progress fell")
      ->option_text("REF");
  sub->add_option("--phase", options->phase, "Only this phase (number, id or id prefix)");
  sub->add_flag("--json", options->json, "Print JSON (the schema in llmchecklist(1))");
  return {sub, [&context, options] { return run_progress(context, *options); }};
}

} // namespace llmchecklist::cli
