// llmchecklist fleet: many repositories' checklists in one report, for the platform team that
// asks every service to follow one. Sources are git repositories (read at a revision, work
// tree untouched) and `export --format json` files gathered from CI.

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "diagnostics.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/text.hpp"
#include "llmchecklist/files.hpp"
#include "llmchecklist/fleet.hpp"
#include "validators.hpp"
#include "output.hpp"

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

// The sources --from names: one per line; blank lines and lines starting with # are skipped.
std::vector<std::string> sources_from(const std::string& from)
{
  std::string text;
  if (from == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    text = read_file(from);
  }
  std::vector<std::string> sources;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.pop_back();
    }
    if (!line.empty() && line.front() != '#') {
      sources.push_back(std::move(line));
    }
    start = end + 1;
  }
  return sources;
}

// A column of the text table: its heading, its cells, and whether it is right-aligned.
struct Column
{
  std::string heading;
  std::vector<std::string> cells;
  bool right = false;
  std::size_t width = 0;
};

std::string version_cell(const FleetSource& source)
{
  std::string text = source.checklist_id;
  if (!source.pinned_version.empty()) {
    text += "@" + source.pinned_version;
  }
  return source.newer_version() ? text + "*" : text;
}

std::string fleet_text(const Context& context, const Fleet& fleet, const FleetSummary& summary)
{
  const Terminal& term = context.out();
  const std::size_t width = static_cast<std::size_t>(term.width);
  const std::vector<std::size_t> order = order_by_percent(fleet);
  const bool gate = fleet.gate.asked();

  // Columns in the order they give way when the terminal is narrow: the last one listed in
  // `optional` goes first. Name and percent always stay.
  Column name{"SOURCE", {}, false};
  Column percent{"PROGRESS", {}, true};
  Column checklist{"CHECKLIST", {}, false};
  Column done{"DONE", {}, true};
  Column required{"REQUIRED", {}, true};
  Column stale{"STALE", {}, true};
  Column weakest{"WEAKEST PHASE", {}, false};
  Column changed{"LAST CHANGE", {}, false};
  Column verdict{"GATE", {}, false};
  bool any_newer = false;
  std::vector<std::string> errors;
  for (const std::size_t i : order) {
    const FleetSource& source = fleet.sources[i];
    name.cells.push_back(printable(source.name));
    if (source.error) {
      errors.push_back(printable(source.error->located()));
      continue;
    }
    const Counts& c = source.counts;
    percent.cells.push_back(fmt::format("{} %", c.percent_floor()));
    checklist.cells.push_back(printable(version_cell(source)));
    any_newer = any_newer || source.newer_version();
    done.cells.push_back(fmt::format("{}/{}", c.done, c.total - c.na));
    required.cells.push_back(std::to_string(c.required_todo));
    stale.cells.push_back(std::to_string(c.stale));
    weakest.cells.push_back(source.weakest ? printable(source.phases[*source.weakest].title) : "-");
    changed.cells.push_back(
        source.last_change_at.empty()
            ? "-"
            : printable(fmt::format("{} {}", source.last_change_at.substr(0, 10),
                                    source.last_change_by)));
    verdict.cells.push_back(gate_failures(source, fleet.gate).empty() ? "pass" : "FAIL");
  }
  const std::size_t errored = errors.size();

  const auto measure = [](Column& column, std::size_t cap) {
    column.width = display_width(column.heading);
    for (const std::string& cell : column.cells) {
      column.width = std::max(column.width, std::min(display_width(cell), cap));
    }
  };
  measure(name, 28);
  measure(percent, 8);
  measure(checklist, 30);
  measure(done, 9);
  measure(required, 8);
  measure(stale, 5);
  measure(weakest, 24);
  measure(changed, 28);
  measure(verdict, 4);
  std::vector<Column*> shown{&name, &percent};
  std::vector<Column*> optional{&done, &required, &checklist, &weakest, &stale, &changed};
  if (gate) {
    optional.insert(optional.begin(), &verdict);
  }
  std::size_t used = name.width + 2 + percent.width;
  std::vector<Column*> fitted;
  for (Column* column : optional) {
    if (used + 2 + column->width <= width) {
      used += 2 + column->width;
      fitted.push_back(column);
    }
  }
  // Keep the table's reading order whatever fitted.
  for (Column* column : {&checklist, &done, &required, &stale, &weakest, &changed, &verdict}) {
    if (std::find(fitted.begin(), fitted.end(), column) != fitted.end()) {
      shown.push_back(column);
    }
  }
  // The name gives way last, down to 8 columns, when even the two kept columns do not fit.
  if (name.width + 2 + percent.width > width) {
    name.width =
        std::max<std::size_t>(8, width > percent.width + 2 ? width - percent.width - 2 : 8);
  }

  const auto cell_text = [&](const Column& column, const std::string& text, bool last) {
    const std::string cut = truncate(term, text, column.width);
    const std::string pad(column.width - std::min(column.width, display_width(cut)), ' ');
    return column.right ? pad + cut : (last ? cut : cut + pad);
  };
  std::string out;
  std::string heading;
  for (std::size_t k = 0; k < shown.size(); ++k) {
    heading += (k > 0 ? "  " : "") + cell_text(*shown[k], shown[k]->heading, k + 1 == shown.size());
  }
  out += paint(term, Color::bold, heading) + "\n";
  std::size_t row = 0;
  for (std::size_t r = 0; r < order.size(); ++r) {
    if (r < errored) {
      const std::string label = cell_text(name, name.cells[r], false);
      const std::size_t room = width > name.width + 2 ? width - name.width - 2 : 10;
      out += label + "  " + paint(term, Color::red, truncate(term, "error: " + errors[r], room)) +
             "\n";
      continue;
    }
    std::string line;
    for (std::size_t k = 0; k < shown.size(); ++k) {
      const Column& column = *shown[k];
      const std::string& text = &column == &name ? name.cells[r] : column.cells[row];
      std::string cell = cell_text(column, text, k + 1 == shown.size());
      if (&column == &verdict && text == "FAIL") {
        cell = paint(term, Color::red, cell);
      }
      line += (k > 0 ? "  " : "") + cell;
    }
    out += line + "\n";
    ++row;
  }
  if (any_newer && std::find(shown.begin(), shown.end(), &checklist) != shown.end()) {
    out += "* a newer version of the checklist exists (llmchecklist upgrade)\n";
  }

  // The fleet below the table.
  const auto paragraph = [&](const std::string& text) {
    for (const std::string& line : wrap(text, width, "")) {
      out += line + "\n";
    }
  };
  out += "\n";
  std::string sentence = fmt::format("{} source{} at {}: ", fleet.sources.size(),
                                     fleet.sources.size() == 1 ? "" : "s", printable(fleet.ref));
  if (gate) {
    sentence += fmt::format("{} pass the gate, {} fail it", summary.passing,
                            summary.read - summary.passing);
  } else {
    sentence += fmt::format("{} read", summary.read);
  }
  sentence += fmt::format(", {} could not be read.", summary.unreadable);
  paragraph(sentence);
  static constexpr const char* k_ranges[5] = {"0-24 %", "25-49 %", "50-74 %", "75-99 %", "100 %"};
  std::string distribution = "Progress:";
  for (std::size_t b = 0; b < 5; ++b) {
    distribution +=
        fmt::format("{} {} in {}", b > 0 ? "," : "", summary.distribution[b], k_ranges[b]);
  }
  paragraph(distribution + ".");
  if (!summary.phases.empty()) {
    out += "\nPhases across the fleet:\n";
    std::size_t title_width = 0;
    for (const FleetPhase& phase : summary.phases) {
      title_width =
          std::max(title_width, std::min<std::size_t>(display_width(printable(phase.title)), 28));
    }
    const int bar_width = static_cast<int>(
        std::clamp<std::size_t>(width > title_width + 16 ? width - title_width - 16 : 4, 4, 30));
    for (const FleetPhase& phase : summary.phases) {
      const std::string title = truncate(term, printable(phase.title), title_width);
      out +=
          fmt::format("  {}{}  {}  {:>3} %\n", title,
                      std::string(title_width - std::min(title_width, display_width(title)), ' '),
                      bar(term, phase.counts.percent(), bar_width), phase.counts.percent_floor());
    }
  }
  if (!summary.most_open.empty()) {
    out += "\nMost often still open:\n";
    const std::size_t shown = std::min<std::size_t>(summary.most_open.size(), 10);
    // Ids in a column of their own, so that the titles line up.
    std::size_t id_width = 0;
    for (std::size_t k = 0; k < shown; ++k) {
      id_width = std::max(id_width, display_width(printable(summary.most_open[k].id)));
    }
    for (std::size_t k = 0; k < shown; ++k) {
      const FleetSummary::OpenItem& item = summary.most_open[k];
      const std::string count = fmt::format("{} of {}", item.open, item.of);
      const std::string id = printable(item.id);
      const std::string text =
          fmt::format("  {:>9}  {}{}  {}", count, id,
                      std::string(id_width - display_width(id), ' '), printable(item.title));
      out += truncate(term, text, width) + "\n";
    }
  }
  if (summary.groups.size() > 1) {
    out += "\nChecklists:\n";
    for (const FleetSummary::Group& group : summary.groups) {
      out += truncate(term,
                      fmt::format("  {}{}: {} source{}, {:.0f} % on average",
                                  printable(group.checklist_id),
                                  group.version.empty() ? "" : "@" + printable(group.version),
                                  group.sources, group.sources == 1 ? "" : "s", group.mean_percent),
                      width) +
             "\n";
    }
  }
  return out;
}

int run_fleet(const Context& context, const FleetCommandOptions& options)
{
  if (options.ref.empty() ||
      options.ref.find_first_of(std::string_view(" \t\r\n\0", 5)) != std::string::npos) {
    throw UsageError(fmt::format("--ref takes a git revision (a branch, tag or commit), without "
                                 "spaces; got \"{}\"",
                                 options.ref));
  }
  std::vector<std::string> sources = options.sources;
  if (!options.from.empty()) {
    const std::vector<std::string> listed = sources_from(options.from);
    sources.insert(sources.end(), listed.begin(), listed.end());
  }
  // What the scan finds may have no state file: such repositories are not part of the fleet.
  const std::size_t named = sources.size();
  for (const std::string& directory : options.scan) {
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) {
      throw IoError(directory,
                    fmt::format("{}: --scan takes a directory, and this is none", directory));
    }
    const std::vector<std::string> found = scan_for_sources(directory, options.depth);
    sources.insert(sources.end(), found.begin(), found.end());
  }
  if (sources.empty()) {
    throw UsageError(options.scan.empty()
                         ? "fleet needs sources: git repositories or JSON exports, --from FILE or "
                           "--scan DIR"
                         : "the scan found no git repository");
  }

  FleetOptions read_options;
  read_options.ref = options.ref;
  read_options.jobs = options.jobs;
  read_options.as_of = context.now().substr(0, 10);
  Fleet fleet = read_fleet(sources, read_options);
  fleet.gate.min = options.min;
  fleet.gate.all_required = options.all_required;
  if (fleet.sources.size() > named) {
    std::vector<FleetSource> kept(fleet.sources.begin(),
                                  fleet.sources.begin() + static_cast<std::ptrdiff_t>(named));
    for (std::size_t i = named; i < fleet.sources.size(); ++i) {
      if (!fleet.sources[i].error || !fleet.sources[i].error->no_state_file) {
        kept.push_back(std::move(fleet.sources[i]));
      }
    }
    fleet.sources = std::move(kept);
    if (fleet.sources.empty()) {
      throw UsageError(
          fmt::format("the scan found no git repository with a .llmchecklist at {}", options.ref));
    }
  }

  std::string text;
  if (options.format == "text") {
    text = context.options.quiet ? std::string() : fleet_text(context, fleet, summarize(fleet));
  } else {
    text = render_fleet(fleet, *parse_fleet_format(options.format));
  }
  // Inert in a file as on standard output: a CI step may print either.
  text = neutralize_ci_commands(text);
  if (options.output.empty() || options.output == "-") {
    print_raw(text);
  } else {
    write_output(options.output, text);
  }

  // Every source that could not be read, and every one that fails the gate, on stderr: a CI
  // log shows them all at once.
  int code = k_exit_ok;
  for (const FleetSource& source : fleet.sources) {
    if (source.error) {
      print_error(source.error->location, source.error->message);
      const int failure = source.error->kind == FleetError::Kind::io ? k_exit_io : k_exit_data;
      code = std::max(code, failure);
      continue;
    }
    for (const std::string& reason : gate_failures(source, fleet.gate)) {
      print_error(fmt::format("gate failed: {}: {}", source.name, reason));
      code = std::max<int>(code, k_exit_gate_failed);
    }
  }
  return code;
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
  sub->add_option("--format,-f", options->format, "text (default), json, csv, markdown or html")
      ->check(CLI::IsMember({"text", "json", "csv", "markdown", "html"}));
  sub->add_option("-o,--output", options->output,
                  "Write to FILE (replaced atomically) instead of stdout; - is stdout")
      ->option_text("FILE");
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
