#pragma once
/// Renderings of a checklist and its state for people and programs: Markdown, JSON, CSV.
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
};

/// "markdown", "json" or "csv".
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

/// Renders in one of the export formats.
std::string render(ExportFormat format, const Checklist& checklist, const State& state,
                   const Selection& selection = {});

/// A GitHub task list grouped by phase, with a progress line.
std::string render_markdown(const Checklist& checklist, const State& state,
                            const Selection& selection = {});

/// The JSON document shared by `list --json`, `progress --json` and `export --format json`:
/// checklist metadata, counters (done, na, todo, total, percent) and `phases`, each with its
/// counters and, when selected, its `items`.
std::string render_json(const Checklist& checklist, const State& state,
                        const Selection& selection = {});

/// One item as a JSON object (`show --json`).
std::string render_item_json(const Checklist& checklist, const State& state, std::size_t item);

/// CSV with a header row, RFC 4180 quoting, and cells neutralised against formula injection.
std::string render_csv(const Checklist& checklist, const State& state,
                       const Selection& selection = {});

} // namespace llmchecklist
