// llmchecklist history: the state file's progress over time, one row per commit that changed
// it, oldest first (as the trend reads, left to right like the sparkline at the end).

#include <algorithm>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "diagnostics.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/text.hpp"
#include "llmchecklist/files.hpp"
#include "llmchecklist/history.hpp"
#include "llmchecklist/report_output.hpp"
#include "terminal.hpp"
#include "output.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::cli {
namespace {

struct HistoryCommandOptions
{
  std::string since;
  std::string format = "text";
  std::string output;
};

// A cell of the history table, padded to its column.
std::string history_cell(std::string_view text, std::size_t width, bool right)
{
  const std::string pad(width - std::min(width, display_width(text)), ' ');
  return right ? pad + std::string(text) : std::string(text) + pad;
}

std::string history_text(const Context& context, const History& history)
{
  const Terminal& term = context.out();
  const auto width = static_cast<std::size_t>(std::max(term.width, 40));
  std::string out;
  if (history.points.empty()) {
    return fmt::format("no commit changed {}{}\n", printable(history.path),
                       history.since.empty() ? "" : " since " + printable(history.since));
  }
  // Fixed columns first; the author, the one of unknown length, takes what is left.
  std::size_t version_width = 7;
  for (const HistoryPoint& point : history.points) {
    version_width =
        std::max(version_width, std::min<std::size_t>(display_width(printable(point.version)), 16));
  }
  const std::size_t fixed =
      10 + 2 + 7 + 2 + 5 + 2 + 4 + 2 + 3 + 2 + 4 + 2 + 3 + 2 + 5 + 2 + version_width + 2;
  const std::size_t author_width = width > fixed + 8 ? width - fixed : 8;
  const auto row = [&](const std::vector<std::pair<std::string, bool>>& cells) {
    static constexpr std::size_t k_widths[] = {10, 7, 5, 4, 3, 4, 3, 5};
    std::string line;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const std::size_t cell_width = k < 8 ? k_widths[k] : k == 8 ? version_width : author_width;
      std::string text = truncate(term, cells[k].first, cell_width);
      line += (k > 0 ? "  " : "") +
              (k + 1 == cells.size() ? text : history_cell(text, cell_width, cells[k].second));
    }
    return line;
  };
  out += paint(term, Color::bold,
               row({{"DATE", false},
                    {"COMMIT", false},
                    {"%", true},
                    {"DONE", true},
                    {"N/A", true},
                    {"TODO", true},
                    {"REQ", true},
                    {"STALE", true},
                    {"VERSION", false},
                    {"AUTHOR", false}})) +
         "\n";
  for (const HistoryPoint& point : history.points) {
    const std::string date = point.at.substr(0, 10);
    const std::string commit = point.commit.substr(0, 7);
    if (point.error) {
      const std::string what = point.error->kind == HistoryError::Kind::removed
                                   ? printable(point.error->message)
                                   : "error: " + printable(point.error->located());
      const std::string text = truncate(term, fmt::format("{}  {}  {}", date, commit, what), width);
      out += (point.error->kind == HistoryError::Kind::removed ? paint(term, Color::dim, text)
                                                               : paint(term, Color::red, text)) +
             "\n";
      continue;
    }
    const Counts& c = point.counts;
    out += row({{date, false},
                {commit, false},
                {fmt::format("{} %", c.percent_floor()), true},
                {std::to_string(c.done), true},
                {std::to_string(c.na), true},
                {std::to_string(c.todo), true},
                {std::to_string(c.required_todo), true},
                {std::to_string(c.stale), true},
                {printable(point.version.empty() ? point.checklist_id : point.version), false},
                {printable(point.by), false}}) +
           "\n";
  }
  // The trend in one line, under a sentence that gives its ends.
  const auto readable = [](const HistoryPoint& p) { return !p.error; };
  const auto oldest = std::find_if(history.points.begin(), history.points.end(), readable);
  const auto newest = std::find_if(history.points.rbegin(), history.points.rend(), readable);
  std::string sentence = fmt::format(
      "\n{} commit{} from {} to {}", history.points.size(), history.points.size() == 1 ? "" : "s",
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
  out += sentence + "\n";
  out += sparkline(history.points, width, term.unicode) + "\n";
  return out;
}

int run_history(const Context& context, const HistoryCommandOptions& options)
{
  const fs::path state = fs::absolute(context.state_path()).lexically_normal();
  // The work tree's state file and its checklist are what the history is of: never replaced by
  // it, also when the checklist cannot be read now (then the state file alone is known).
  std::vector<ReportInput> inputs{{context.state_path(), "the state file the history is read from"}};
  if (!options.output.empty() && options.output != "-") {
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
  if (options.output.empty() || options.output == "-") {
    print_raw(text);
  } else {
    write_report(options.output, text, inputs);
  }

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
  sub->add_option("--format,-f", options->format, "text (default), json, csv, markdown or svg")
      ->check(CLI::IsMember({"text", "json", "csv", "markdown", "svg"}));
  sub->add_option("-o,--output", options->output,
                  "Write to FILE (replaced atomically) instead of stdout; - is stdout")
      ->option_text("FILE");
  return {sub, [&context, options] { return run_history(context, *options); }};
}

} // namespace llmchecklist::cli
