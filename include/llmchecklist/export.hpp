#pragma once
/// Renderings of a checklist and its state for people and programs: Markdown, JSON, CSV, an HTML
/// report, an SVG badge, JUnit XML, and what CI reads: SARIF for code scanning, GitHub
/// workflow-command annotations, and a Markdown summary of a change for a job summary or a
/// pull-request comment.
///
/// All text that comes from a checklist or state file is treated as untrusted: each format
/// escapes it so that it cannot break out of its place (a cell, a list item, a string).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/report_format.hpp"
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
  sarif,
  github,
  summary,
  codequality,
};

/// "markdown", "json", "csv", "html", "badge", "junit", "sarif", "github", "summary" or
/// "codequality" (the name in export_formats()).
std::string_view to_string(ExportFormat format);
/// Parses a format name (one of export_formats()).
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

/// Where the state file's lines are, for formats that point a reviewer at the line to edit
/// (SARIF results, GitHub annotations).
struct StateFileLines
{
  /// The state file's path from the repository's root, with forward slashes.
  std::string path = ".llmchecklist";
  /// Each item's `[items.ID]` table: id -> 1-based line (see item_table_lines()).
  std::unordered_map<std::string, std::size_t> items;
  /// The line for an item without a table of its own (the `checklist = ` line).
  std::size_t fallback = 1;

  /// The line to point at for an item.
  std::size_t line_of(std::string_view id) const;
};

/// Where each `[items.ID]` table starts in state file text: id -> 1-based line. Quoted keys
/// are unquoted; a file that is not TOML yields what could be found.
std::unordered_map<std::string, std::size_t> item_table_lines(std::string_view text);

/// The state a summary compares with (`export --format summary --since REF`).
struct Baseline
{
  /// The revision as the user named it ("main", "origin/main").
  std::string ref;
  /// The state then; nullptr when the state file did not exist at `ref` (everything is new).
  const State* state = nullptr;
  /// The checklist that state followed then (for verify commands that came from it, and what
  /// left the count since); nullptr when there was no state, or it could not be read.
  const Checklist* checklist = nullptr;
  /// Why the checklist then could not be read (located), when a state was there.
  std::string checklist_error = {};
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
  /// SARIF, GitHub and code quality: the lines results and annotations point at.
  StateFileLines lines;
  /// Summary: the state to compare with; none: progress without changes.
  std::optional<Baseline> since;
};

/// Renders in one of the export formats.
std::string render(ExportFormat format, const Checklist& checklist, const State& state,
                   const ExportOptions& options = {});

/// What writes one export format.
using ExportWriter = std::string (*)(const Checklist& checklist, const State& state,
                                     const ExportOptions& options);
using ExportFormatInfo = ReportFormat<ExportFormat, ExportWriter>;

/// Every export format, the default (markdown) first: the one list that `export --format`,
/// its help, completion, the interface's export and render() use.
std::span<const ExportFormatInfo> export_formats();

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

/// SARIF 2.1.0 for GitHub code scanning: one rule per item (its id the rule id), one result
/// per open item (error for required, warning for recommended) and per stale check (note),
/// located at the item's table in the state file; n/a items are suppressed results (kind
/// external, the reason as justification), an expired n/a an open result again.
std::string render_sarif(const Checklist& checklist, const State& state,
                         const ExportOptions& options = {});

/// GitHub Actions workflow commands, one line each: errors for open required items and failing
/// verify commands, warnings for stale checks and for n/a decisions that expire within 30 days
/// (or have expired). Every value is escaped as the runner's rules require, so no text from
/// the files can end a line or start a command.
std::string render_github(const Checklist& checklist, const State& state,
                          const ExportOptions& options = {});

/// Markdown for a job summary or a pull-request comment: progress (and its change against
/// `options.since`), a per-phase table, the items the change checked, unchecked, waived or
/// re-scoped, verify commands added or changed, and the [gate]'s verdict. Long lists fold into
/// <details>; the whole stays under GitHub's 65,536-character comment limit, cutting whole
/// items only.
std::string render_summary(const Checklist& checklist, const State& state,
                           const ExportOptions& options = {});

/// GitLab's code quality report: a JSON array of issues (open items critical when required,
/// minor when recommended; stale checks info), each at its item's line of the state file with
/// a fingerprint that stays the same across pipelines.
std::string render_codequality(const Checklist& checklist, const State& state,
                               const ExportOptions& options = {});

/// The most characters render_summary() writes: GitHub's comment limit, with room to spare.
inline constexpr std::size_t k_summary_limit = 65000;

} // namespace llmchecklist
