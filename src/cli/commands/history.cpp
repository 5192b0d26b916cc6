// llmchecklist history: the state file's progress over time, one row per commit that changed
// it, oldest first (as the trend reads, left to right like the sparkline at the end).

#include <algorithm>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "diagnostics.hpp"
#include "exit_codes.hpp"
#include "formats.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/files.hpp"
#include "llmchecklist/history.hpp"
#include "llmchecklist/report_output.hpp"
#include "llmchecklist/text.hpp"
#include "output.hpp"
#include "render.hpp"
#include "terminal.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::cli {
namespace {

struct HistoryCommandOptions
{
  std::string since;
  std::string format = "text";
  std::string output;
};

// The columns of the history table, in reading order.
enum HistoryColumn : std::size_t
{
  history_date,
  history_commit,
  history_percent,
  history_done,
  history_na,
  history_todo,
  history_required,
  history_stale,
  history_version,
  history_author,
};

// The date and the percentage always; the others while they fit, in the order they matter,
// and the author, whose length is unknown, takes what is left.
std::vector<TableColumn> history_columns(const History& history, std::size_t width)
{
  std::size_t version_width = 7;
  for (const HistoryPoint& point : history.points) {
    version_width =
        std::max(version_width, std::min<std::size_t>(display_width(printable(point.version)), 16));
  }
  std::vector<TableColumn> columns{
      {"DATE", 10, false, true},  {"COMMIT", 7},     {"%", 5, true, true}, {"DONE", 4, true},
      {"N/A", 3, true},           {"TODO", 4, true}, {"REQ", 3, true},     {"STALE", 5, true},
      {"VERSION", version_width}, {"AUTHOR", 8}};
  const std::size_t used =
      fit_columns(columns,
                  {history_commit, history_done, history_required, history_author, history_todo,
                   history_stale, history_na, history_version},
                  width);
  if (columns[history_author].shown) {
    columns[history_author].width += width - used;
  }
  return columns;
}

// A commit's row, or its error wrapped under the commit: a located error cut short loses its
// point.
std::string history_point_text(const Terminal& term, const std::vector<TableColumn>& columns,
                               const HistoryPoint& point, std::size_t width)
{
  const std::string day = point.at.substr(0, 10);
  const std::string id = point.commit.substr(0, 7);
  std::string out;
  if (point.error) {
    const bool removed = point.error->kind == HistoryError::Kind::removed;
    const std::string what =
        removed ? printable(point.error->message) : "error: " + printable(point.error->located());
    for (const std::string& line : wrap_after(fmt::format("{}  {}  ", day, id), what, width, 12)) {
      out += paint(term, removed ? Color::dim : Color::red, line) + "\n";
    }
    return out;
  }
  const Counts& c = point.counts;
  out += table_row(term, columns,
                   {day, id, fmt::format("{} %", c.percent_floor()), std::to_string(c.done),
                    std::to_string(c.na), std::to_string(c.todo), std::to_string(c.required_todo),
                    std::to_string(c.stale),
                    printable(point.version.empty() ? point.checklist_id : point.version),
                    printable(point.by)}) +
         "\n";
  // A change of checklist changes what the percentage means: said under its row.
  if (point.scope) {
    for (const std::string& line : wrap_after(
             "            ", printable("re-scoped: " + describe_scope(*point.scope)), width, 12)) {
      out += paint(term, point.scope->narrows() ? Color::red : Color::yellow, line) + "\n";
    }
  }
  // Files a check rested on that the commit changed: said under its row, like a re-scoping.
  if (c.evidence_changed > 0) {
    const std::string what = fmt::format("evidence changed since the check of {} item{}",
                                         c.evidence_changed, c.evidence_changed == 1 ? "" : "s");
    for (const std::string& line : wrap_after("            ", what, width, 12)) {
      out += paint(term, Color::yellow, line) + "\n";
    }
  }
  return out;
}

// The trend in one line, under a sentence that gives its ends.
std::string history_trend_text(const Terminal& term, const History& history, std::size_t width)
{
  const auto readable = [](const HistoryPoint& p) { return !p.error; };
  const auto oldest = std::find_if(history.points.begin(), history.points.end(), readable);
  const auto newest = std::find_if(history.points.rbegin(), history.points.rend(), readable);
  std::string sentence = fmt::format(
      "{} commit{} from {} to {}", history.points.size(), history.points.size() == 1 ? "" : "s",
      history.points.front().at.substr(0, 10), history.points.back().at.substr(0, 10));
  if (oldest != history.points.end()) {
    sentence += fmt::format(": {} % to {} %", oldest->counts.percent_floor(),
                            newest->counts.percent_floor());
  }
  if (history.gate_min >= 0) {
    sentence += fmt::format(", gate {:g} %", history.gate_min);
  }
  if (const std::size_t unreadable = history.unreadable(); unreadable > 0) {
    sentence += fmt::format("; {} could not be read", unreadable);
  }
  return "\n" + wrap_text(sentence, width) + sparkline(history.points, width, term.unicode) + "\n";
}

std::string history_text(const Context& context, const History& history)
{
  const Terminal& term = context.out();
  const auto width = static_cast<std::size_t>(std::max(term.width, 40));
  if (history.points.empty()) {
    return fmt::format("no commit changed {}{}\n", printable(history.path),
                       history.since.empty() ? "" : " since " + printable(history.since));
  }
  const std::vector<TableColumn> columns = history_columns(history, width);
  std::string out = table_heading(term, columns) + "\n";
  for (const HistoryPoint& point : history.points) {
    out += history_point_text(term, columns, point, width);
  }
  return out + history_trend_text(term, history, width);
}

int run_history(const Context& context, const HistoryCommandOptions& options)
{
  const fs::path state = fs::absolute(context.state_path()).lexically_normal();
  // The work tree's state file and its checklist are what the history is of: never replaced by
  // it, also when the checklist cannot be read now (then the state file alone is known).
  std::vector<ReportInput> inputs{
      {context.state_path(), "the state file the history is read from"}};
  if (is_output_file(options.output)) {
    try {
      inputs = project_inputs(context.open());
    } catch (const Error&) {
    }
    refuse_report_inputs(options.output, inputs);
  }
  HistoryOptions read_options;
  read_options.since = options.since;
  const History history =
      read_history(state.parent_path(), state.filename().string(), read_options);

  std::string text;
  if (options.format == "text") {
    text = context.options.quiet ? std::string() : history_text(context, history);
  } else {
    text = render_history(history, *parse_history_format(options.format));
  }
  // Inert in a file as on standard output: a CI step may print either.
  text = neutralize_ci_commands(text);
  emit_report(options.output, text, inputs);

  // Every revision that could not be read, on stderr after the report, as the fleet does: the
  // report is whole, and the exit status says that some of it is missing.
  int code = k_exit_ok;
  for (const HistoryPoint& point : history.points) {
    if (point.error && point.error->kind != HistoryError::Kind::removed) {
      print_error(point.error->location,
                  point.error->location.path.empty()
                      ? fmt::format("{}: {}", point.commit.substr(0, 7), point.error->message)
                      : point.error->message);
      code = k_exit_data;
    }
  }
  return code;
}

} // namespace

Command register_history(CLI::App& app, Context& context)
{
  auto options = std::make_shared<HistoryCommandOptions>();
  CLI::App* sub = app.add_subcommand(
      "history", "Progress over time: the state file at every commit that changed it");
  sub->add_option("--since", options->since,
                  "Only commits at or after DATE (YYYY-MM-DD, UTC), or not reachable from REF")
      ->option_text("DATE|REF");
  add_format_option(*sub, options->format, history_formats(), "the default, for a terminal");
  add_output_option(*sub, options->output);
  return {sub, [&context, options] { return run_history(context, *options); }};
}

} // namespace llmchecklist::cli
