// The history as JSON, CSV, Markdown and an SVG trend chart, and the sparkline the terminal's
// text ends with. Author names and error messages come from the repository: untrusted, escaped
// as `export` escapes them.

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "exports/csv_cell.hpp"
#include "exports/json_writer.hpp"
#include "exports/markdown_text.hpp"
#include "exports/scope_json.hpp"
#include "exports/xml_escape.hpp"
#include "llmchecklist/enum_names.hpp"
#include "llmchecklist/history.hpp"

namespace llmchecklist {
namespace {

using detail::csv_cell;
using detail::inline_text;
using detail::xml_escape;

constexpr std::string_view k_error_kinds[] = {"data", "io", "removed"};

std::string version_text(const HistoryPoint& point)
{
  return point.version.empty() ? point.checklist_id
                               : fmt::format("{}@{}", point.checklist_id, point.version);
}

// "5 commits changed .llmchecklist from 2026-01-01 to 2026-03-01: 0 % to 42 %."
std::string summary_sentence(const History& history)
{
  if (history.points.empty()) {
    return fmt::format("No commit changed {}{}.", history.path,
                       history.since.empty() ? "" : " since " + history.since);
  }
  const HistoryPoint& first = history.points.front();
  const HistoryPoint& last = history.points.back();
  std::string text = fmt::format("{} commit{} changed {} from {} to {}", history.points.size(),
                                 history.points.size() == 1 ? "" : "s", history.path,
                                 first.at.substr(0, 10), last.at.substr(0, 10));
  const auto readable = [](const HistoryPoint& p) { return !p.error; };
  const auto oldest = std::find_if(history.points.begin(), history.points.end(), readable);
  const auto newest = std::find_if(history.points.rbegin(), history.points.rend(), readable);
  if (oldest != history.points.end()) {
    text += fmt::format(": {} % to {} %", oldest->counts.percent_floor(),
                        newest->counts.percent_floor());
  }
  if (history.gate_min >= 0) {
    text += fmt::format(" (gate {:g} %)", history.gate_min);
  }
  if (const std::size_t unreadable = history.unreadable(); unreadable > 0) {
    text += fmt::format("; {} could not be read", unreadable);
  }
  return text + ".";
}

// ---- JSON ------------------------------------------------------------------------------------

std::string render_json(const History& history)
{
  detail::JsonWriter json;
  json.begin_object();
  json.key("schema").value("llmchecklist-history/1");
  json.key("path").value(history.path);
  json.key("ref").value(history.ref);
  json.key("since").value_or_null(!history.since.empty(), history.since);
  json.key("order").value("oldest-first");
  json.key("gate").begin_object();
  json.key("min").value_or_null(history.gate_min >= 0, history.gate_min);
  json.end_object();
  json.key("summary").begin_object();
  json.key("commits").value(history.points.size());
  json.key("unreadable").value(history.unreadable());
  json.end_object();
  json.key("commits").begin_array();
  for (const HistoryPoint& point : history.points) {
    json.begin_object();
    json.key("commit").value(point.commit);
    json.key("at").value(point.at);
    json.key("by").value(point.by);
    if (point.error) {
      json.key("error").begin_object();
      json.key("kind").value(name_of(point.error->kind, k_error_kinds));
      json.key("message").value(point.error->located());
      json.key("path").value(point.error->location.path);
      json.key("line").value(static_cast<std::int64_t>(point.error->location.line));
      json.key("column").value(static_cast<std::int64_t>(point.error->location.column));
      json.end_object();
      json.end_object();
      continue;
    }
    json.key("error").null();
    json.key("checklist").begin_object();
    json.key("id").value(point.checklist_id);
    json.key("version").value(point.version);
    json.end_object();
    const Counts& c = point.counts;
    json.key("done").value(c.done);
    json.key("na").value(c.na);
    json.key("todo").value(c.todo);
    json.key("total").value(c.total);
    json.key("percent").value(c.percent());
    json.key("required_todo").value(c.required_todo);
    json.key("stale").value(c.stale);
    json.key("expired").value(c.expired);
    json.key("backed").value(c.backed);
    json.key("evidence_changed").value(c.evidence_changed);
    detail::write_scope_json(json, point.scope ? &*point.scope : nullptr);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.finish();
}

// ---- CSV -------------------------------------------------------------------------------------

std::string render_csv(const History& history)
{
  std::string out = "commit,at,by,checklist,version,done,na,todo,total,percent,required_todo,"
                    "stale,left,lowered,scope,error\r\n";
  for (const HistoryPoint& point : history.points) {
    out += fmt::format("{},{},{},", csv_cell(point.commit), csv_cell(detail::csv_time(point.at)),
                       csv_cell(point.by));
    if (point.error) {
      out += fmt::format(",,,,,,,,,,,,{}\r\n", csv_cell(point.error->located()));
      continue;
    }
    const Counts& c = point.counts;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},\r\n", csv_cell(point.checklist_id),
                       csv_cell(point.version), c.done, c.na, c.todo, c.total, c.percent(),
                       c.required_todo, c.stale, point.scope ? point.scope->left.size() : 0,
                       point.scope ? point.scope->lowered.size() : 0,
                       csv_cell(point.scope ? describe_scope(*point.scope) : std::string()));
  }
  return out;
}

// ---- Markdown --------------------------------------------------------------------------------

std::string render_markdown(const History& history)
{
  std::string out = "# LLM checklist history\n\n";
  out += inline_text(summary_sentence(history), true) + "\n\n";
  if (history.points.empty()) {
    return out;
  }
  out += "| Date | Commit | Author | Progress | Done | N/A | Todo | Required open | Stale | "
         "Checklist |\n|---|---|---|--:|--:|--:|--:|--:|--:|---|\n";
  for (const HistoryPoint& point : history.points) {
    const std::string head = fmt::format("| {} | `{}` | {} |", point.at.substr(0, 10),
                                         point.commit.substr(0, 7), inline_text(point.by));
    if (point.error) {
      out += fmt::format("{} **{}:** {} |||||||\n", head,
                         point.error->kind == HistoryError::Kind::removed ? "removed"
                                                                          : "could not be read",
                         inline_text(point.error->located()));
      continue;
    }
    const Counts& c = point.counts;
    std::string checklist = inline_text(version_text(point));
    if (point.scope) {
      checklist +=
          fmt::format("{}: {}", point.scope->narrows() ? " ⚠️ re-scoped" : " re-scoped",
                      inline_text(describe_scope(*point.scope)));
    }
    out += fmt::format("{} {} % | {} | {} | {} | {} | {} | {} |\n", head, c.percent_floor(), c.done,
                       c.na, c.todo, c.required_todo, c.stale, checklist);
  }
  return out;
}

// ---- SVG -------------------------------------------------------------------------------------

// The chart's frame, in SVG user units.
constexpr double k_width = 640;
constexpr double k_height = 240;
constexpr double k_left = 48;
constexpr double k_right = 20;
constexpr double k_top = 32;
constexpr double k_bottom = 36;
// Above this many points the markers would merge into a band; the line alone shows the trend.
constexpr std::size_t k_max_markers = 150;

constexpr double k_plot_width = k_width - k_left - k_right;
constexpr double k_plot_height = k_height - k_top - k_bottom;

double y_of(double percent)
{
  return k_top + k_plot_height * (1 - percent / 100);
}

// Where a commit goes across: by date, so that a quiet month looks like one; evenly when every
// commit has one date.
double x_of(const std::vector<HistoryPoint>& points, std::size_t i)
{
  if (points.size() == 1) {
    return k_left + k_plot_width / 2;
  }
  const std::int64_t first = points.front().time;
  const std::int64_t span = points.back().time - first;
  const double share = span > 0 ? static_cast<double>(points[i].time - first) / span
                                : static_cast<double>(i) / (points.size() - 1);
  return k_left + k_plot_width * share;
}

// The frame, the title and the percentage grid, inside a group of text that is still open.
std::string chart_frame(const History& history)
{
  const std::string summary = xml_escape(summary_sentence(history));
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" "
      "viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{s}\">\n"
      "  <title>{s}</title>\n"
      "  <rect x=\"0.5\" y=\"0.5\" width=\"{w1}\" height=\"{h1}\" rx=\"6\" fill=\"#ffffff\" "
      "stroke=\"#d1d9e0\"/>\n"
      "  <g font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif\" "
      "font-size=\"11\" fill=\"#59636e\">\n"
      "    <text x=\"{l}\" y=\"20\" font-size=\"13\" font-weight=\"600\" fill=\"#1f2328\">"
      "LLM checklist progress</text>\n",
      fmt::arg("w", k_width), fmt::arg("h", k_height), fmt::arg("w1", k_width - 1),
      fmt::arg("h1", k_height - 1), fmt::arg("s", summary), fmt::arg("l", k_left));
  for (const int percent : {0, 25, 50, 75, 100}) {
    const double y = y_of(percent);
    out += fmt::format("    <line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                       "stroke=\"#eef1f4\"/>\n"
                       "    <text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{} %</text>\n",
                       k_left, y, k_width - k_right, y, k_left - 6, y + 4, percent);
  }
  return out;
}

// The first and last dates under the axis, closing the group of text; and the gate's line.
std::string chart_dates_and_gate(const History& history)
{
  const std::vector<HistoryPoint>& points = history.points;
  std::string out =
      fmt::format("    <text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", k_left,
                  k_height - k_bottom + 18, xml_escape(points.front().at.substr(0, 10)));
  if (points.size() > 1) {
    out += fmt::format("    <text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                       k_width - k_right, k_height - k_bottom + 18,
                       xml_escape(points.back().at.substr(0, 10)));
  }
  out += "  </g>\n";
  if (history.gate_min >= 0) {
    const double y = y_of(std::min(history.gate_min, 100.0));
    out += fmt::format(
        "  <line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#bc4c00\" "
        "stroke-width=\"1.5\" stroke-dasharray=\"6 4\"><title>gate: {:g} %</title></line>\n"
        "  <text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" font-family=\"system-ui,"
        "sans-serif\" font-size=\"11\" fill=\"#bc4c00\">gate {:g} %</text>\n",
        k_left, y, k_width - k_right, y, history.gate_min, k_width - k_right - 2, y - 4,
        history.gate_min);
  }
  return out;
}

// The trend: a line through the readable points, and the area under it.
std::string chart_trend(const std::vector<HistoryPoint>& points)
{
  std::string line;
  double first_x = -1;
  double last_x = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i].error) {
      continue;
    }
    last_x = x_of(points, i);
    first_x = first_x < 0 ? last_x : first_x;
    line += fmt::format("{}{:.1f},{:.1f}", line.empty() ? "" : " ", last_x,
                        y_of(points[i].counts.percent()));
  }
  if (line.empty()) {
    return {};
  }
  const double base = y_of(0);
  return fmt::format("  <polygon points=\"{:.1f},{:.1f} {} {:.1f},{:.1f}\" fill=\"#1a7f37\" "
                     "fill-opacity=\"0.12\"/>\n"
                     "  <polyline points=\"{}\" fill=\"none\" stroke=\"#1a7f37\" "
                     "stroke-width=\"2\" stroke-linejoin=\"round\"/>\n",
                     first_x, base, line, last_x, base, line);
}

// A marker per commit with its numbers on hover; unreadable commits always, in red, on the
// axis: they are what someone must look at.
std::string chart_markers(const std::vector<HistoryPoint>& points)
{
  std::string out;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const HistoryPoint& point = points[i];
    if (!point.error && points.size() > k_max_markers) {
      continue;
    }
    const std::string tip =
        point.error ? fmt::format("{} {} {}: {}", point.at.substr(0, 10), point.commit.substr(0, 7),
                                  point.by, point.error->located())
                    : fmt::format("{} {} {}: {} % ({} of {} done)", point.at.substr(0, 10),
                                  point.commit.substr(0, 7), point.by, point.counts.percent_floor(),
                                  point.counts.done, point.counts.total - point.counts.na);
    out += fmt::format("  <circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"><title>{}"
                       "</title></circle>\n",
                       x_of(points, i), point.error ? y_of(0) : y_of(point.counts.percent()),
                       point.error ? "#cf222e" : "#1a7f37", xml_escape(tip));
  }
  return out;
}

std::string render_svg(const History& history)
{
  const std::string frame = chart_frame(history);
  if (history.points.empty()) {
    return frame + fmt::format("    <text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">no "
                               "commits</text>\n  </g>\n</svg>\n",
                               k_left + k_plot_width / 2, k_top + k_plot_height / 2);
  }
  return frame + chart_dates_and_gate(history) + chart_trend(history.points) +
         chart_markers(history.points) + "</svg>\n";
}

} // namespace

std::string HistoryError::located() const
{
  return located_message(location, message);
}

namespace {

constexpr HistoryFormatInfo k_history_formats[] = {
    {HistoryFormat::json, "json", "for scripts (schema llmchecklist-history/1)", "json",
     render_json},
    {HistoryFormat::csv, "csv", "a row per commit", "csv", render_csv},
    {HistoryFormat::markdown, "markdown", "for a wiki page or a comment", "md", render_markdown},
    {HistoryFormat::svg, "svg", "a trend chart", "svg", render_svg},
};

} // namespace

std::span<const HistoryFormatInfo> history_formats()
{
  return k_history_formats;
}

std::optional<HistoryFormat> parse_history_format(std::string_view text)
{
  const HistoryFormatInfo* found = find_format(history_formats(), text);
  return found != nullptr ? std::optional<HistoryFormat>(found->format) : std::nullopt;
}

std::string render_history(const History& history, HistoryFormat format)
{
  return format_info(history_formats(), format).write(history);
}

std::string sparkline(const std::vector<HistoryPoint>& points, std::size_t width, bool unicode)
{
  static constexpr std::string_view k_blocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  static constexpr std::string_view k_ascii = "_.,:-=+#";
  std::string out;
  const std::size_t shown = std::min(points.size(), std::max<std::size_t>(width, 1));
  for (std::size_t k = 0; k < shown; ++k) {
    // Each character stands for a run of points and shows the run's last.
    const HistoryPoint& point = points[(k + 1) * points.size() / shown - 1];
    if (point.error) {
      out += 'x';
      continue;
    }
    const std::size_t level = std::min<std::size_t>(
        static_cast<std::size_t>(std::lround(point.counts.percent() * 7 / 100)), 7);
    out += unicode ? k_blocks[level] : k_ascii.substr(level, 1);
  }
  return out;
}

} // namespace llmchecklist
