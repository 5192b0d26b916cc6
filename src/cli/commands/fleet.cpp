// llmchecklist fleet: many repositories' checklists in one report, for the platform team that
// asks every service to follow one. Sources are git repositories (read at a revision, work
// tree untouched) and `export --format json` files gathered from CI.

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "diagnostics.hpp"
#include "exit_codes.hpp"
#include "formats.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/files.hpp"
#include "llmchecklist/fleet.hpp"
#include "llmchecklist/report_output.hpp"
#include "llmchecklist/text.hpp"
#include "output.hpp"
#include "render.hpp"
#include "validators.hpp"

namespace llmchecklist::cli {
namespace {

struct FleetCommandOptions
{
  std::vector<std::string> sources;
  std::vector<std::string> scan;
  unsigned depth = 3;
  std::string from;
  std::string ref = "HEAD";
  std::string format = "text";
  std::string output;
  double min = -1;
  bool all_required = false;
  unsigned jobs = 0;
};

// The sources --from names: one per line, without the spaces, tabs and carriage returns
// around it (an editor's indentation, a Windows line end); blank lines and lines starting
// with # are skipped.
std::vector<std::string> sources_from(const std::string& from)
{
  std::string text;
  if (from == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    text = read_file(from);
  }
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
    text.erase(0, 3); // a byte order mark some editors write
  }
  std::vector<std::string> sources;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = std::string_view(text).substr(start, end - start);
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') {
      sources.emplace_back(line.substr(first, line.find_last_not_of(" \t\r") + 1 - first));
    }
    start = end + 1;
  }
  return sources;
}

// What a scan did not look at, on stderr: a repository it left out is one the report misses.
void warn_about_scan(const std::string& directory, unsigned depth, const FleetScan& scan)
{
  if (!scan.links.empty()) {
    std::string listed;
    for (std::size_t k = 0; k < std::min<std::size_t>(scan.links.size(), 5); ++k) {
      listed += (k > 0 ? ", " : "") + scan.links[k];
    }
    if (scan.links.size() > 5) {
      listed += fmt::format(" and {} more", scan.links.size() - 5);
    }
    print_warning(fmt::format("--scan {} skipped {} symbolic link{} to a directory ({}): the scan "
                              "follows no link; name a linked repository as a source to read it",
                              directory, scan.links.size(), scan.links.size() == 1 ? "" : "s",
                              listed));
  }
  if (scan.hidden > 0) {
    print_warning(fmt::format("--scan {} left out {} git repositor{} deeper than --depth {}; the "
                              "nearest is {} levels down (--depth {} finds it)",
                              directory, scan.hidden, scan.hidden == 1 ? "y" : "ies", depth,
                              scan.hidden_depth, scan.hidden_depth));
  }
}

// The columns of the table of sources, in reading order.
enum SourceColumn : std::size_t
{
  source_name,
  source_progress,
  source_checklist,
  source_done,
  source_required,
  source_stale,
  source_weakest,
  source_changed,
  source_gate,
  source_columns,
};

std::string version_cell(const FleetSource& source)
{
  std::string text = source.checklist_id;
  if (!source.pinned_version.empty()) {
    text += "@" + source.pinned_version;
  }
  return source.newer_version() ? text + "*" : text;
}

// A source's row, in the order of SourceColumn: an unreadable one has only its name.
std::vector<std::string> source_cells(const FleetSource& source, const std::string& name,
                                      const FleetGate& gate)
{
  std::vector<std::string> cells(source_columns);
  cells[source_name] = printable(name);
  if (source.error) {
    return cells;
  }
  const Counts& c = source.counts;
  cells[source_progress] = fmt::format("{} %", c.percent_floor());
  cells[source_checklist] = printable(version_cell(source));
  cells[source_done] = fmt::format("{}/{}", c.done, c.total - c.na);
  cells[source_required] = std::to_string(c.required_todo);
  cells[source_stale] = std::to_string(c.stale);
  cells[source_weakest] = source.weakest ? printable(source.phases[*source.weakest].title) : "-";
  cells[source_changed] = source.last_change_at.empty()
                              ? "-"
                              : printable(fmt::format("{} {}", source.last_change_at.substr(0, 10),
                                                      source.last_change_by));
  cells[source_gate] = gate_failures(source, gate).empty() ? "pass" : "FAIL";
  return cells;
}

// The columns, each as wide as its widest cell up to a cap, and those that fit `width` shown:
// the last one listed in `optional` gives way first. Name and progress always stay; the name
// gives way last, down to 8 columns, when even the two do not fit.
std::vector<TableColumn> source_table_columns(const std::vector<std::vector<std::string>>& rows,
                                              bool shared_names, bool gate, std::size_t width)
{
  std::vector<TableColumn> columns{{"SOURCE", 0, false, true},
                                   {"PROGRESS", 0, true, true},
                                   {"CHECKLIST"},
                                   {"DONE", 0, true},
                                   {"REQUIRED", 0, true},
                                   {"STALE", 0, true},
                                   {"WEAKEST PHASE"},
                                   {"LAST CHANGE"},
                                   {"GATE"}};
  // A shared name carries its path, which needs the room to tell the rows apart.
  const std::size_t caps[source_columns] = {shared_names ? 44U : 28U, 8, 30, 9, 8, 5, 24, 28, 4};
  for (std::size_t k = 0; k < columns.size(); ++k) {
    columns[k].width = display_width(columns[k].heading);
    for (const std::vector<std::string>& row : rows) {
      columns[k].width = std::max(columns[k].width, std::min(display_width(row[k]), caps[k]));
    }
  }
  std::vector<std::size_t> optional{source_done,    source_required, source_checklist,
                                    source_weakest, source_stale,    source_changed};
  if (gate) {
    optional.insert(optional.begin(), source_gate);
  }
  fit_columns(columns, optional, width);
  const std::size_t percent = columns[source_progress].width;
  if (columns[source_name].width + 2 + percent > width) {
    columns[source_name].width =
        std::max<std::size_t>(8, width > percent + 2 ? width - percent - 2 : 8);
  }
  return columns;
}

std::optional<Color> failed_gate_color(std::size_t column, std::string_view text)
{
  if (column == source_gate && text == "FAIL") {
    return Color::red;
  }
  return std::nullopt;
}

// The sources where a check rests on files that changed since: a note under the table, so that
// the columns stay as they are for those without receipts.
std::string evidence_changed_text(const Fleet& fleet, const std::vector<std::string>& names,
                                  std::size_t width)
{
  std::string list;
  for (std::size_t i = 0; i < fleet.sources.size(); ++i) {
    const FleetSource& source = fleet.sources[i];
    if (!source.error && source.counts.evidence_changed > 0) {
      list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", printable(names[i]),
                          source.counts.evidence_changed);
    }
  }
  return list.empty() ? std::string()
                      : wrap_text("evidence changed since the check in: " + list, width);
}

// A row per source, the unreadable first, then the least done.
std::string fleet_table_text(const Terminal& term, const Fleet& fleet, std::size_t width)
{
  const std::vector<std::size_t> order = order_by_percent(fleet);
  const std::vector<std::string> names = row_names(fleet);
  std::vector<std::vector<std::string>> rows;
  bool shared_names = false;
  bool any_newer = false;
  for (const std::size_t i : order) {
    const FleetSource& source = fleet.sources[i];
    rows.push_back(source_cells(source, names[i], fleet.gate));
    shared_names = shared_names || names[i] != source.name;
    any_newer = any_newer || (!source.error && source.newer_version());
  }
  const std::vector<TableColumn> columns =
      source_table_columns(rows, shared_names, fleet.gate.asked(), width);
  std::string out = table_heading(term, columns) + "\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const FleetSource& source = fleet.sources[order[r]];
    if (!source.error) {
      out += table_row(term, columns, rows[r], failed_gate_color) + "\n";
      continue;
    }
    // The whole message, wrapped: a located error cut short loses its point.
    const std::string label =
        table_cell(term, columns[source_name], rows[r][source_name], false) + "  ";
    const std::vector<std::string> lines =
        wrap_after(label, "error: " + printable(source.error->located()), width, 4);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const std::size_t plain = std::min(lines[k].size(), k == 0 ? label.size() : 4);
      out += lines[k].substr(0, plain) + paint(term, Color::red, lines[k].substr(plain)) + "\n";
    }
  }
  if (any_newer && columns[source_checklist].shown) {
    out += wrap_text("* a newer version of the checklist exists (llmchecklist upgrade)", width);
  }
  out += evidence_changed_text(fleet, names, width);
  return out;
}

// How many sources were read and passed, and how far along they are.
std::string fleet_totals_text(const Fleet& fleet, const FleetSummary& summary, std::size_t width)
{
  std::string sentence = fmt::format("{} source{} at {}: ", fleet.sources.size(),
                                     fleet.sources.size() == 1 ? "" : "s", printable(fleet.ref));
  if (fleet.gate.asked()) {
    sentence += fmt::format("{} pass the gate, {} fail it", summary.passing,
                            summary.read - summary.passing);
  } else {
    sentence += fmt::format("{} read", summary.read);
  }
  sentence += fmt::format(", {} could not be read.", summary.unreadable);
  static constexpr const char* k_ranges[5] = {"0-24 %", "25-49 %", "50-74 %", "75-99 %", "100 %"};
  std::string distribution = "Progress:";
  for (std::size_t b = 0; b < 5; ++b) {
    distribution +=
        fmt::format("{} {} in {}", b > 0 ? "," : "", summary.distribution[b], k_ranges[b]);
  }
  return wrap_text(sentence, width) + wrap_text(distribution + ".", width);
}

std::string fleet_phases_text(const Terminal& term, const FleetSummary& summary, std::size_t width)
{
  if (summary.phases.empty()) {
    return {};
  }
  std::string out = "\nPhases across the fleet:\n";
  // A line is "  TITLE  BAR  NNN %" (11 columns besides the title and the bar, two more
  // for an ASCII bar's brackets); the title gives way before the bar's last four columns.
  const std::size_t frame = 11 + (term.unicode ? 0 : 2);
  std::size_t title_width = 0;
  for (const FleetPhase& phase : summary.phases) {
    title_width =
        std::max(title_width, std::min<std::size_t>(display_width(printable(phase.title)), 28));
  }
  title_width = std::min(title_width, width > frame + 4 + 8 ? width - frame - 4 : 8);
  const std::size_t room = width > title_width + frame ? width - title_width - frame : 4;
  const int bar_width = static_cast<int>(std::min(
      std::clamp<std::size_t>(width > title_width + 16 ? width - title_width - 16 : 4, 4, 30),
      std::max<std::size_t>(room, 4)));
  for (const FleetPhase& phase : summary.phases) {
    const std::string title = truncate(term, printable(phase.title), title_width);
    out += fmt::format("  {}{}  {}  {:>3} %\n", title,
                       std::string(title_width - std::min(title_width, display_width(title)), ' '),
                       bar(term, phase.counts.percent(), bar_width), phase.counts.percent_floor());
  }
  return out;
}

// The ten items most often still open, ids in a column of their own so that the titles line up.
std::string fleet_open_items_text(const Terminal& term, const FleetSummary& summary,
                                  std::size_t width)
{
  if (summary.most_open.empty()) {
    return {};
  }
  std::string out = "\nMost often still open:\n";
  const std::size_t shown = std::min<std::size_t>(summary.most_open.size(), 10);
  std::size_t id_width = 0;
  for (std::size_t k = 0; k < shown; ++k) {
    id_width = std::max(id_width, display_width(printable(summary.most_open[k].id)));
  }
  for (std::size_t k = 0; k < shown; ++k) {
    const FleetSummary::OpenItem& item = summary.most_open[k];
    const std::string count = fmt::format("{} of {}", item.open, item.of);
    const std::string id = printable(item.id);
    const std::string text =
        fmt::format("  {:>9}  {}{}  {}", count, id, std::string(id_width - display_width(id), ' '),
                    printable(item.title));
    out += truncate(term, text, width) + "\n";
  }
  return out;
}

// Each checklist the sources follow, when they follow more than one.
std::string fleet_groups_text(const Terminal& term, const FleetSummary& summary, std::size_t width)
{
  if (summary.groups.size() <= 1) {
    return {};
  }
  std::string out = "\nChecklists:\n";
  for (const FleetSummary::Group& group : summary.groups) {
    out += truncate(term,
                    fmt::format("  {}{}: {} source{}, {:.0f} % on average",
                                printable(group.checklist_id),
                                group.version.empty() ? "" : "@" + printable(group.version),
                                group.sources, group.sources == 1 ? "" : "s", group.mean_percent),
                    width) +
           "\n";
  }
  return out;
}

std::string fleet_text(const Context& context, const Fleet& fleet, const FleetSummary& summary)
{
  const Terminal& term = context.out();
  const std::size_t width = static_cast<std::size_t>(term.width);
  return fleet_table_text(term, fleet, width) + "\n" + fleet_totals_text(fleet, summary, width) +
         fleet_phases_text(term, summary, width) + fleet_open_items_text(term, summary, width) +
         fleet_groups_text(term, summary, width);
}

// The sources named, listed in --from and found by --scan; `named` counts the first two.
struct GatheredSources
{
  std::vector<std::string> paths;
  std::size_t named = 0;
};

GatheredSources gather_sources(const FleetCommandOptions& options)
{
  GatheredSources sources{options.sources, 0};
  if (!options.from.empty()) {
    const std::vector<std::string> listed = sources_from(options.from);
    sources.paths.insert(sources.paths.end(), listed.begin(), listed.end());
  }
  // What the scan finds may have no state file: such repositories are not part of the fleet.
  sources.named = sources.paths.size();
  std::size_t hidden = 0;
  for (const std::string& directory : options.scan) {
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) {
      throw IoError(directory,
                    fmt::format("{}: --scan takes a directory, and this is none", directory));
    }
    const FleetScan scan = scan_for_sources(directory, options.depth);
    warn_about_scan(directory, options.depth, scan);
    hidden += scan.hidden;
    sources.paths.insert(sources.paths.end(), scan.found.begin(), scan.found.end());
  }
  if (sources.paths.empty()) {
    throw UsageError(options.scan.empty()
                         ? "fleet needs sources: git repositories or JSON exports, --from FILE or "
                           "--scan DIR"
                     : hidden > 0 ? fmt::format("the scan found no git repository within "
                                                "--depth {}",
                                                options.depth)
                                  : "the scan found no git repository");
  }
  return sources;
}

Fleet read_sources(const Context& context, const FleetCommandOptions& options,
                   const GatheredSources& sources)
{
  FleetOptions read_options;
  read_options.ref = options.ref;
  read_options.jobs = options.jobs;
  read_options.as_of = context.now().substr(0, 10);
  read_options.scanned_from = sources.named;
  Fleet fleet = read_fleet(sources.paths, read_options);
  fleet.gate.min = options.min;
  fleet.gate.all_required = options.all_required;
  for (const FleetDuplicate& duplicate : fleet.duplicates) {
    const char* what = duplicate.kind == "json" ? "file" : "repository";
    print_note(duplicate.source == duplicate.same_as
                   ? fmt::format("{} is given more than once; read once", duplicate.source)
                   : fmt::format("{} and {} are the same {}; read once", duplicate.same_as,
                                 duplicate.source, what));
  }
  if (fleet.sources.empty()) {
    throw UsageError(
        fmt::format("the scan found no git repository with a .llmchecklist at {}", options.ref));
  }
  return fleet;
}

void write_fleet_report(const Context& context, const FleetCommandOptions& options,
                        const Fleet& fleet)
{
  // The report never replaces what it is made from: the exports, the repositories' state and
  // checklist files, and the state file here (as `export -o` refuses it).
  std::vector<ReportInput> inputs;
  if (is_output_file(options.output)) {
    inputs = fleet_inputs(fleet, options.output);
    try {
      const std::vector<ReportInput> here = project_inputs(context.open());
      inputs.insert(inputs.end(), here.begin(), here.end());
    } catch (const Error&) {
      inputs.push_back({context.state_path(), "the state file in use"});
    }
    refuse_report_inputs(options.output, inputs);
  }

  std::string text;
  if (options.format == "text") {
    text = context.options.quiet ? std::string() : fleet_text(context, fleet, summarize(fleet));
  } else {
    text = render_fleet(fleet, *parse_fleet_format(options.format));
  }
  // Inert in a file as on standard output: a CI step may print either.
  text = neutralize_ci_commands(text);
  emit_report(options.output, text, inputs);
}

// Every source that could not be read, and every one that fails the gate, on stderr: a CI
// log shows them all at once. The worst decides the exit status: a source that cannot be
// read (4), one that is not valid (3), one without the revision (2, a usage error as in
// `history`), a failed gate (1).
int fleet_exit_status(const Fleet& fleet)
{
  int code = k_exit_ok;
  const std::vector<std::string> names = row_names(fleet);
  for (std::size_t i = 0; i < fleet.sources.size(); ++i) {
    const FleetSource& source = fleet.sources[i];
    if (source.error) {
      print_error(source.error->location, source.error->message);
      switch (source.error->kind) {
      case FleetError::Kind::io:
        code = std::max<int>(code, k_exit_io);
        break;
      case FleetError::Kind::data:
        code = std::max<int>(code, k_exit_data);
        break;
      case FleetError::Kind::usage:
        code = std::max<int>(code, k_exit_usage);
        break;
      }
      continue;
    }
    for (const std::string& reason : gate_failures(source, fleet.gate)) {
      print_error(fmt::format("gate failed: {}: {}", names[i], reason));
      code = std::max<int>(code, k_exit_gate_failed);
    }
  }
  return code;
}

int run_fleet(const Context& context, const FleetCommandOptions& options)
{
  if (options.ref.empty() ||
      options.ref.find_first_of(std::string_view(" \t\r\n\0", 5)) != std::string::npos) {
    throw UsageError(fmt::format("--ref takes a git revision (a branch, tag or commit), without "
                                 "spaces; got \"{}\"",
                                 options.ref));
  }
  const Fleet fleet = read_sources(context, options, gather_sources(options));
  write_fleet_report(context, options, fleet);
  return fleet_exit_status(fleet);
}

} // namespace

Command register_fleet(CLI::App& app, Context& context)
{
  auto options = std::make_shared<FleetCommandOptions>();
  CLI::App* sub = app.add_subcommand(
      "fleet", "Report on many repositories' checklists: git repositories or JSON exports");
  sub->add_option("sources", options->sources,
                  "Git repositories (work trees or bare) and files written by "
                  "`export --format json`");
  sub->add_option("--scan", options->scan,
                  "Add the git repositories below DIR that have a state file (repeatable)")
      ->option_text("DIR")
      ->allow_extra_args(false);
  sub->add_option("--depth", options->depth,
                  "How many levels below --scan's DIR to look (default 3)")
      ->check(number_between(1, 32, "a whole number of levels", true))
      ->option_text("N");
  sub->add_option("--from", options->from,
                  "Add the sources listed in FILE, one per line (- for "
                  "standard input)")
      ->option_text("FILE");
  sub->add_option("--ref", options->ref, "Read git repositories at this revision (default HEAD)")
      ->option_text("REF");
  add_format_option(*sub, options->format, fleet_formats(), "the default, for a terminal");
  add_output_option(*sub, options->output);
  sub->add_option("--min", options->min, "Exit 1 when any source is below PCT percent")
      ->check(percentage())
      ->option_text("PCT");
  sub->add_flag("--all-required", options->all_required,
                "Exit 1 when any source has a required item todo");
  sub->add_option("--jobs,-j", options->jobs, "Sources read at once (default: CPUs)")
      ->check(number_between(1, 256, "a whole number of sources", true));
  return {sub, [&context, options] { return run_fleet(context, *options); }};
}

} // namespace llmchecklist::cli
