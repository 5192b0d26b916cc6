#pragma once
/// Renderings of a checklist and its state for people and programs: Markdown, JSON, CSV, an HTML
/// report, an SVG badge and JUnit XML.
///
/// All text that comes from a checklist or state file is treated as untrusted: each format
/// escapes it so that it cannot break out of its place (a cell, a list item, a string).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// Export formats.
enum class ExportFormat
{
  markdown,
  json,
  csv,
  html,
  badge,
  junit,
};

/// "markdown", "json", "csv", "html", "badge" or "junit".
std::string_view to_string(ExportFormat format);
/// Parses a format name.
std::optional<ExportFormat> parse_export_format(std::string_view text);

/// Which part of the checklist to render.
struct Selection
{
  /// Only this phase (index into phases()); counters then cover that phase alone.
  std::optional<std::size_t> phase;
  /// Only items with this status; counters still cover every item of the selected phases.
  std::optional<Status> status;
  /// Include each phase's items (false for a progress summary).
  bool items = true;
};

/// How the badge looks.
struct BadgeStyle
{
  /// The left-hand text.
  std::string label = "LLM checklist";
  /// Red below this percentage.
  double red_below = 50;
  /// Yellow below this percentage (and at or above red_below); green from here on.
  double yellow_below = 80;
};

/// Which project an export comes from, recorded in `export --format json` so that a fleet
/// report over exports gathered from many machines can name each one.
struct ProjectInfo
{
  /// The repository's name; empty: none is recorded.
  std::string name;
  /// The last commit that changed the state file: its date (ISO 8601) and author.
  std::string last_change_at;
  std::string last_change_by;
};

/// Everything a rendering may need beyond the checklist and the state.
struct ExportOptions
{
  Selection selection;
  BadgeStyle badge;
  /// When the report was made, as a UTC date-time ("2026-11-28T12:00:00Z"); JUnit needs one.
  std::string generated_at;
  /// JSON: the `project` object (left out when its name is empty).
  ProjectInfo project;
};

/// Renders in one of the export formats.
std::string render(ExportFormat format, const Checklist& checklist, const State& state,
                   const ExportOptions& options = {});

/// A GitHub task list grouped by phase, with a progress line.
std::string render_markdown(const Checklist& checklist, const State& state,
                            const Selection& selection = {});

/// The JSON document shared by `list --json`, `progress --json` and `export --format json`:
/// checklist metadata, counters (done, na, todo, total, percent) and `phases`, each with its
/// counters and, when selected, its `items`; with `project`, a `project` object first.
std::string render_json(const Checklist& checklist, const State& state,
                        const Selection& selection = {}, const ProjectInfo* project = nullptr);

/// One item as a JSON object (`show --json`).
std::string render_item_json(const Checklist& checklist, const State& state, std::size_t item);

/// CSV with a header row, RFC 4180 quoting, and cells neutralised against formula injection.
std::string render_csv(const Checklist& checklist, const State& state,
                       const Selection& selection = {});

/// One self-contained HTML page: no external assets and no script; light and dark colour
/// schemes, print styles that show every item's details, and a layout that works at phone width.
std::string render_html(const Checklist& checklist, const State& state,
                        const Selection& selection = {});

/// An SVG badge in the two-part style ("LLM checklist | 72%"), coloured by progress.
std::string render_badge(const Checklist& checklist, const State& state,
                         const Selection& selection = {}, const BadgeStyle& style = {});

/// JUnit XML in the Ant format CI systems read: a testsuite per phase and a testcase per item;
/// todo is a failure carrying the done-when text, n/a is skipped with the reason.
std::string render_junit(const Checklist& checklist, const State& state,
                         const Selection& selection = {}, std::string_view generated_at = {});

} // namespace llmchecklist
