#pragma once
/// Many repositories' checklists at once, for the team that asks every service to follow one:
/// each source's standing, and what the whole fleet keeps skipping.
///
///     FleetOptions options;
///     options.ref = "HEAD";
///     const Fleet fleet = read_fleet({"repos/billing", "exports/search.json"}, options);
///     fleet.sources[0].percent; // as that repository's own `progress --json` says
///     render_fleet(fleet, FleetFormat::json);
///
/// A source is a git repository (a work tree or a bare one: its state file and checklist are
/// read at a revision through git, without touching any work tree) or a JSON file written by
/// `export --format json`. A source that cannot be read becomes a report of its error; it never
/// stops the others.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/error.hpp"
#include "llmchecklist/progress.hpp"

namespace llmchecklist {

/// One phase of one source.
struct FleetPhase
{
  std::string id;
  std::string title;
  bool optional = false;
  Counts counts;
};

/// Why a source could not be read.
struct FleetError
{
  /// Set when a git repository simply has no state file at the revision (a scan skips those).
  bool no_state_file = false;
  enum class Kind
  {
    /// A file that is not valid (a state, a checklist, an export): exit 3.
    data,
    /// A path that cannot be read, or no state file: exit 4.
    io,
  } kind = Kind::data;
  std::string message;
  /// Where, when the problem is in a file.
  SourceLocation location;

  /// "PATH:LINE:COL: MESSAGE" as the single-repository commands print it ("PATH: MESSAGE"
  /// without a line; the message alone without a place).
  std::string located() const;
};

/// An item still todo in a source.
struct FleetItem
{
  std::string id;
  std::string title;
  bool required = false;
};

/// One source's standing.
struct FleetSource
{
  /// As given on the command line or found by the scan.
  std::string source;
  /// "git" or "json".
  std::string kind;
  /// The repository's directory name, or the name an export recorded.
  std::string name;
  /// Set when the source could not be read; then only `source`, `kind` and `name` are.
  std::optional<FleetError> error;

  std::string checklist_id;
  std::string checklist_title;
  /// The version the state follows, and the newest this binary has of a built-in checklist
  /// (empty for a checklist file).
  std::string pinned_version;
  std::string latest_version;
  Counts counts;
  std::vector<FleetPhase> phases;
  /// The items still todo, in checklist order.
  std::vector<FleetItem> open_items;
  /// The ids of the items that apply (all but the n/a ones), in checklist order.
  std::vector<std::string> applicable_items;
  /// The weakest phase's index in `phases` (see weakest_phase()); none when nothing applies.
  std::optional<std::size_t> weakest;
  /// The last commit that changed the state file at the revision read ("" when unknown).
  std::string last_change_at;
  std::string last_change_by;

  double percent() const { return counts.percent(); }
  /// Whether a newer version of its built-in checklist exists.
  bool newer_version() const;
};

/// How the gate judges each source.
struct FleetGate
{
  /// Minimum percentage; negative when not asked.
  double min = -1;
  bool all_required = false;

  bool asked() const { return min >= 0 || all_required; }
};

/// What read_fleet() needs beyond the sources.
struct FleetOptions
{
  /// The revision git sources are read at.
  std::string ref = "HEAD";
  /// Sources read at once; 0: one per processor.
  unsigned jobs = 0;
  /// The day expiring n/a decisions are judged against ("2026-11-28"); empty: none expire.
  std::string as_of;
};

/// The whole report.
struct Fleet
{
  std::string ref;
  FleetGate gate;
  std::vector<FleetSource> sources;
};

/// Reads every source (in parallel), keeping their order.
Fleet read_fleet(const std::vector<std::string>& sources, const FleetOptions& options);

/// Reads one git repository (work tree or bare) at `ref`.
FleetSource read_git_source(const std::string& path, const std::string& ref,
                            const std::string& as_of = {});

/// Reads one JSON file written by `export --format json`.
FleetSource read_json_source(const std::string& path);

/// The git repositories (work trees and bare ones) at or below `directory`, at most `depth`
/// levels down, in path order; it does not look inside a repository or a hidden directory.
/// read_fleet() then tells which have a state file (FleetError::no_state_file).
std::vector<std::string> scan_for_sources(const std::string& directory, unsigned depth);

/// The sources' indexes in report order: unreadable ones first, then by percent from the
/// lowest up (the ones that need attention first), then by name.
std::vector<std::size_t> order_by_percent(const Fleet& fleet);

/// Why a source fails the gate; empty when it passes (or could not be read).
std::vector<std::string> gate_failures(const FleetSource& source, const FleetGate& gate);

/// Across the fleet.
struct FleetSummary
{
  std::size_t read = 0;
  std::size_t unreadable = 0;
  /// Sources that pass the gate (all read sources when no gate was asked).
  std::size_t passing = 0;
  /// Sources by percent: 0-24, 25-49, 50-74, 75-99, 100.
  std::size_t distribution[5] = {};
  /// Per phase id, across the sources that have it.
  std::vector<FleetPhase> phases;
  /// Item ids still open, with in how many sources, most often first (ties by id).
  struct OpenItem
  {
    std::string id;
    std::string title;
    std::size_t open = 0;
    /// Sources where the item applies (their checklist has it, and not as n/a).
    std::size_t of = 0;
  };
  std::vector<OpenItem> most_open;
  /// Sources by checklist and version.
  struct Group
  {
    std::string checklist_id;
    std::string version;
    std::size_t sources = 0;
    double mean_percent = 0;
  };
  std::vector<Group> groups;
};

/// Sums up the read sources.
FleetSummary summarize(const Fleet& fleet);

/// Report formats beyond the terminal's text.
enum class FleetFormat
{
  json,
  csv,
  markdown,
  html,
};

/// "json", "csv", "markdown", "html".
std::optional<FleetFormat> parse_fleet_format(std::string_view text);

/// The report in a format. Text from sources is escaped as `export` escapes it.
std::string render_fleet(const Fleet& fleet, FleetFormat format);

} // namespace llmchecklist
