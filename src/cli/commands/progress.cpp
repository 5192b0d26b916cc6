// llmchecklist progress: overall and per-phase progress bars, and the CI gates.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "diagnostics.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/gate.hpp"
#include "llmchecklist/revision.hpp"
#include "llmchecklist/state_diff.hpp"
#include "llmchecklist/state_file.hpp"
#include "output.hpp"
#include "render.hpp"
#include "validators.hpp"

namespace llmchecklist::cli {
namespace {

struct ProgressOptions
{
  double min = -1;
  bool all_required = false;
  bool no_stale = false;
  bool evidence_current = false;
  std::vector<std::string> min_phase;
  bool gate = false;
  std::string since;
  // Negative: not given.
  double max_drop = -1;
  bool allow_rescope = false;
  std::string phase;
  bool json = false;
};

// "12/38 (2 n/a)", or "12/38" where the row has no room for the rest.
std::string counts_cell(const Counts& counts, bool with_na)
{
  return fmt::format("{}/{}{}", counts.done, counts.total - counts.na,
                     with_na && counts.na > 0 ? fmt::format(" ({} n/a)", counts.na) : "");
}

// Whether any item records receipts or expectations: only then is backing worth a line.
bool uses_backing(const Project& project)
{
  for (const Entry& entry : project.state.entries) {
    if (!entry.evidence.empty() || !entry.expectations.empty()) {
      return true;
    }
  }
  return false;
}

// A line of the progress table: a phase, or the whole checklist.
struct ProgressRow
{
  std::string title;
  Counts counts;
};

// The selected phase, or every phase and the total.
std::vector<ProgressRow> progress_rows(const Checklist& checklist, const Progress& progress,
                                       std::optional<std::size_t> selected_phase)
{
  std::vector<ProgressRow> rows;
  for (std::size_t p = 0; p < checklist.phases().size(); ++p) {
    if (!selected_phase || *selected_phase == p) {
      const Phase& phase = checklist.phases()[p];
      rows.push_back({printable(phase.optional ? phase.title + " (optional)" : phase.title),
                      progress.phases[p]});
    }
  }
  // One phase selected: its row is the whole answer, so it is not repeated as a total.
  if (!selected_phase) {
    rows.push_back({"Overall", progress.overall});
  }
  return rows;
}

// Each row is TITLE  BAR  PCT %  COUNTS, fitted to the width: the title and the bar give way
// first, then the n/a counts.
struct ProgressLayout
{
  std::size_t title_width = 7;
  std::size_t bar_width = 0;
  bool with_na = true;
};

ProgressLayout progress_layout(const Terminal& term, const std::vector<ProgressRow>& rows,
                               std::size_t width)
{
  ProgressLayout layout;
  const std::size_t bar_frame = term.unicode ? 0 : 2;
  for (const ProgressRow& row : rows) {
    layout.title_width =
        std::max(layout.title_width, std::min<std::size_t>(display_width(row.title), 32));
  }
  const auto counts_width = [&] {
    std::size_t widest = 0;
    for (const ProgressRow& row : rows) {
      widest = std::max(widest, display_width(counts_cell(row.counts, layout.with_na)));
    }
    return widest;
  };
  std::size_t counts = counts_width();
  const std::size_t tail = 2 + 5 + 2; // gaps and "NNN %"
  if (layout.title_width + 2 + 10 + bar_frame + tail + counts > width) {
    layout.with_na = false;
    counts = counts_width();
  }
  const std::size_t room = width > tail + counts + 2 ? width - tail - counts - 2 : 0;
  // The bar takes what is left after the title, between 8 and 40 columns; the title shrinks
  // (to no fewer than 8 columns) before the bar goes below 8.
  layout.bar_width = room > layout.title_width + bar_frame
                         ? std::min<std::size_t>(room - layout.title_width - bar_frame, 40)
                         : 0;
  if (layout.bar_width < 8) {
    layout.bar_width =
        room > 8 + bar_frame + 8 ? 8 : (room > bar_frame + 8 ? room - bar_frame - 8 : 1);
    layout.title_width =
        room > layout.bar_width + bar_frame ? room - layout.bar_width - bar_frame : 1;
  }
  return layout;
}

std::string progress_row_text(const Terminal& term, const ProgressLayout& layout,
                              const ProgressRow& row)
{
  const std::string label = truncate(term, row.title, layout.title_width);
  return fmt::format(
      "{}{}  {}  {:>3} %  {}", label,
      std::string(layout.title_width - std::min(layout.title_width, display_width(label)), ' '),
      bar(term, row.counts.percent(), static_cast<int>(layout.bar_width)),
      row.counts.percent_floor(), counts_cell(row.counts, layout.with_na));
}

// What the bars do not say: the weakest phase, stale checks, expired decisions, and how much
// of what is done a passing command backs.
std::string progress_notes(const Project& project, const Progress& progress,
                           std::optional<std::size_t> selected_phase, std::size_t width)
{
  std::string out;
  const auto paragraph = [&](const std::string& text) { out += "\n" + wrap_text(text, width); };
  const Checklist& checklist = project.checklist;
  if (const auto weakest = weakest_phase(checklist, progress); weakest && !selected_phase) {
    paragraph(fmt::format("Weakest phase: {} ({} %)", printable(checklist.phases()[*weakest].title),
                          progress.phases[*weakest].percent_floor()));
  }
  const Counts selected = counts_of(progress, selected_phase);
  if (selected.stale > 0) {
    paragraph(fmt::format("Stale: {} check{} predate{} a change to the item's requirement; "
                          "`llmchecklist list` marks them",
                          selected.stale, selected.stale == 1 ? "" : "s",
                          selected.stale == 1 ? "s" : ""));
  }
  if (selected.expired > 0) {
    paragraph(fmt::format("Expired: {} not-applicable decision{} passed {} date and count{} as "
                          "todo again",
                          selected.expired, selected.expired == 1 ? "" : "s",
                          selected.expired == 1 ? "its" : "their",
                          selected.expired == 1 ? "s" : ""));
  }
  if (uses_verify(project)) {
    std::string text =
        fmt::format("Automated: {} of {} done items are backed by a passing verify command",
                    selected.automated, selected.done);
    if (selected.verify_failing > 0) {
      text += fmt::format("; {} {} a failing one", selected.verify_failing,
                          selected.verify_failing == 1 ? "has" : "have");
    }
    paragraph(text);
  }
  if (uses_backing(project)) {
    std::string text = fmt::format("Backed: {} of {} done items are backed by current evidence, "
                                   "a passing expectation or a passing verify command",
                                   selected.backed, selected.done);
    if (selected.evidence_changed > 0) {
      text +=
          fmt::format("; {} {} evidence that changed since the check", selected.evidence_changed,
                      selected.evidence_changed == 1 ? "has" : "have");
    }
    if (selected.expectations_failing > 0) {
      text += fmt::format("; {} {} a failing expectation", selected.expectations_failing,
                          selected.expectations_failing == 1 ? "has" : "have");
    }
    paragraph(text);
  }
  return out;
}

std::string progress_text(const Context& context, const Project& project,
                          std::optional<std::size_t> selected_phase)
{
  const Terminal& term = context.out();
  const Checklist& checklist = project.checklist;
  const Progress progress = compute_progress(checklist, project.state);
  const std::size_t width = static_cast<std::size_t>(term.width);
  const std::vector<ProgressRow> rows = progress_rows(checklist, progress, selected_phase);
  const ProgressLayout layout = progress_layout(term, rows, width);

  std::string out;
  for (const std::string& line : wrap(printable(checklist.title), width, "")) {
    out += paint(term, Color::bold, line) + "\n";
  }
  out += "\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (!selected_phase && r + 1 == rows.size()) {
      out += "\n";
    }
    out += progress_row_text(term, layout, rows[r]) + "\n";
  }
  return out + progress_notes(project, progress, selected_phase, width);
}

// --gate asks for the team's policy: with no state file, or none in it, there is nothing to
// enforce, and passing would let a mistyped --file or a deleted table wave everything through.
std::optional<std::string> unenforceable(const Project& project)
{
  if (!project.exists) {
    return fmt::format("nothing to enforce: --gate applies the [gate] table of the state file, "
                       "and there is none: no {} in {} or its parents up to the top of the git "
                       "work tree",
                       k_state_file_name, std::filesystem::current_path().string());
  }
  if (project.state.gate.empty()) {
    return fmt::format("nothing to enforce: {} has no [gate] table, or one that sets nothing "
                       "(give it min, all_required, no_stale or [gate.phases]; see "
                       "llmchecklist(1))",
                       project.state_path.string());
  }
  return std::nullopt;
}

int check_since(const Project& project, const std::string& ref, std::optional<double> max_drop,
                bool allow_rescope)
{
  const ProjectVersion then = read_project_version(project.state_path, ref);
  if (!then.state) {
    return k_exit_ok; // nothing was recorded then: nothing can have gone down
  }
  State earlier = *then.state;
  earlier.as_of = project.state.as_of;
  int code = k_exit_ok;
  // What counts may have changed with the checklist: a pull request that excludes the open
  // items passes every other gate, so it fails here unless the change is accepted.
  std::vector<std::string> rescoped;
  if (then.checklist) {
    rescoped = scope_regressions(
        compare_scope(earlier, *then.checklist, project.state, project.checklist), ref);
  } else {
    rescoped.push_back(fmt::format("the checklist at {} cannot be read, so what left the count "
                                   "cannot be told: {}",
                                   ref, then.checklist_error));
  }
  for (const std::string& reason : rescoped) {
    if (allow_rescope) {
      print_note("accepted with --allow-rescope: " + reason);
    } else {
      print_error(
          fmt::format("gate failed: {}\n  (--allow-rescope accepts a change of scope)", reason));
      code = k_exit_gate_failed;
    }
  }
  // New evidence commands are not a regression, but they will run in CI: say so in the log.
  for (const CommandChange& change : diff_verify_commands(
           earlier, then.checklist.value_or(project.checklist), project.state, project.checklist)) {
    print_note(fmt::format(
        "verify command {} since {}: {}: {}", change.kind(), ref,
        change.item == Checklist::npos
            ? change.id
            : fmt::format("{} {}", project.checklist.items()[change.item].number, change.id),
        change.after.empty() ? change.before : change.after));
  }
  for (const std::string& reason :
       regressions_since(project.checklist, earlier, project.state, ref, max_drop)) {
    print_error("gate failed: " + reason);
    code = k_exit_gate_failed;
  }
  return code;
}

int run_progress(const Context& context, const ProgressOptions& options)
{
  const Project& project = context.open();
  note_versions(project);
  std::optional<std::size_t> phase;
  if (!options.phase.empty()) {
    phase = resolve_phase(project.checklist, options.phase);
  }
  GateRequest request;
  request.from_state = options.gate;
  request.min = options.min;
  request.all_required = options.all_required;
  request.no_stale = options.no_stale;
  request.evidence_current = options.evidence_current;
  for (const std::string& spec : options.min_phase) {
    request.phases.push_back(parse_phase_minimum(spec));
  }
  const Gate gate = effective_gate(project.state, request);
  // A bad [gate.phases] entry is reported before any output, as every data error is.
  const std::vector<std::string> reasons =
      evaluate_gate(project.checklist, project.state, gate, phase);
  if (options.json) {
    Selection selection;
    selection.items = false;
    selection.phase = phase;
    print_out(render_json(project.checklist, project.state, selection));
  } else if (!context.options.quiet) {
    print_out(progress_text(context, project, phase));
    warn_orphans(project);
  }
  // Every gate reports why it failed, on stderr, so that a CI log shows all of them at once.
  int code = k_exit_ok;
  if (options.gate) {
    if (const auto why = unenforceable(project)) {
      print_error("gate failed: " + *why);
      code = k_exit_gate_failed;
    }
  }
  for (const std::string& reason : reasons) {
    print_error("gate failed: " + reason);
    code = k_exit_gate_failed;
  }
  std::optional<double> max_drop;
  if (options.max_drop >= 0) {
    max_drop = options.max_drop;
  }
  if (!options.since.empty() &&
      check_since(project, options.since, max_drop, options.allow_rescope) != k_exit_ok) {
    code = k_exit_gate_failed;
  }
  return code;
}

} // namespace

Command register_progress(CLI::App& app, Context& context)
{
  auto options = std::make_shared<ProgressOptions>();
  CLI::App* sub = app.add_subcommand("progress", "Show progress bars; gate CI on progress");
  sub->add_option("--min", options->min, "Exit 1 when progress is below PCT percent (0-100)")
      ->check(percentage())
      ->option_text("PCT");
  sub->add_flag("--all-required", options->all_required, "Exit 1 while any required item is todo");
  sub->add_flag("--no-stale", options->no_stale,
                "Exit 1 while any check predates a change to its item");
  sub->add_flag("--evidence-current", options->evidence_current,
                "Exit 1 while a checked item's evidence changed since the check");
  sub->add_option("--min-phase", options->min_phase,
                  "Exit 1 when PHASE is below PCT percent (repeatable)")
      ->option_text("PHASE=PCT")
      ->allow_extra_args(false);
  sub->add_flag("--gate", options->gate,
                "Apply the team's [gate] from the state file (options given here override it); "
                "fails when there is none");
  sub->add_option("--since", options->since,
                  "Exit 1 when items done at git revision REF are todo now, or progress fell; "
                  "notes verify commands added or changed since")
      ->option_text("REF");
  CLI::Option* since = sub->get_option("--since");
  sub->add_option("--max-drop", options->max_drop,
                  "With --since: exit 1 only when progress fell more than POINTS percentage "
                  "points since REF (items unchecked within that are allowed)")
      ->check(percentage())
      ->option_text("POINTS")
      ->needs(since);
  sub->add_flag("--allow-rescope", options->allow_rescope,
                "With --since: accept a changed checklist that leaves items out of the count or "
                "lowers required ones (reported, not failed)")
      ->needs(since);
  sub->add_option("--phase", options->phase, "Only this phase (number, id or id prefix)");
  sub->add_flag("--json", options->json, "Print JSON (the schema in llmchecklist(1))");
  return {sub, [&context, options] { return run_progress(context, *options); }};
}

} // namespace llmchecklist::cli
