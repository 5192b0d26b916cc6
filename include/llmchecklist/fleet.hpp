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
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/error.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/report_format.hpp"
#include "llmchecklist/report_output.hpp"

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
  /// Set when a git repository simply has no state file at the revision, or no commits on
  /// HEAD's branch yet (a scan skips those).
  bool no_state_file = false;
  enum class Kind
  {
    /// A file that is not valid (a state, a checklist, an export), or not a file (a symbolic
    /// link or a directory where the state file should be): exit 3.
    data,
    /// A path that cannot be read, or no state file: exit 4.
    io,
    /// A revision the repository does not have: an unknown --ref, or any revision in a
    /// repository without commits. Exit 2, as `history` says of a revision it does not know.
    usage,
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
  /// What makes two sources one (read_fleet() reads it once): the device and inode of a git
  /// repository's own directory or of an export; the absolute path of what cannot be found.
  std::string identity;
  /// A git repository's work tree, whose files a report must never replace; empty for a bare
  /// repository and an export.
  std::string work_tree;
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
  /// The sources from this index on were found by a scan (scan_for_sources()): left out when
  /// they are repositories without a state file at the revision, or without commits.
  std::size_t scanned_from = static_cast<std::size_t>(-1);
};

/// A source read_fleet() left out because an earlier one is the same repository or file.
struct FleetDuplicate
{
  /// As given, the one left out and the one read.
  std::string source;
  std::string same_as;
  /// "git" or "json".
  std::string kind;
};

/// The whole report.
struct Fleet
{
  std::string ref;
  FleetGate gate;
  std::vector<FleetSource> sources;
  /// The sources named more than once (the same repository by two paths, a directory scanned
  /// twice), in the order given.
  std::vector<FleetDuplicate> duplicates;
};

/// Reads every source (in parallel), keeping their order; a source that is the same
/// repository or file as an earlier one is read once (Fleet::duplicates says which).
Fleet read_fleet(const std::vector<std::string>& sources, const FleetOptions& options);

/// Reads one git repository (work tree or bare) at `ref`.
FleetSource read_git_source(const std::string& path, const std::string& ref,
                            const std::string& as_of = {});

/// Reads one JSON file written by `export --format json`.
FleetSource read_json_source(const std::string& path);

/// What a scan found, and what it did not look at.
struct FleetScan
{
  /// The git repositories, in path order.
  std::vector<std::string> found;
  /// Symbolic links to directories within the depth, which the scan does not follow (they
  /// could lead out of the directory, or in a circle).
  std::vector<std::string> links;
  /// Git repositories deeper than the depth asked (looked for down to 32 levels), and how
  /// many levels down the nearest is: the --depth that would find it.
  std::size_t hidden = 0;
  unsigned hidden_depth = 0;
};

/// The git repositories (work trees and bare ones) at or below `directory`, at most `depth`
/// levels down, in path order; it does not look inside a repository or a hidden directory, and
/// follows no symbolic link below `directory`. read_fleet() then tells which have a state file
/// (FleetError::no_state_file).
FleetScan scan_for_sources(const std::string& directory, unsigned depth);

/// Each source's name as the rows of a report show it: its name, followed by its path when
/// another source has the same name ("api (team-a/api)").
std::vector<std::string> row_names(const Fleet& fleet);

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
  /// Sources that pass the gate (all read sources when no gate was asked: the reports then say
  /// nothing of passing).
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

/// The files the report is made from, for write_report(): every JSON export read, and each
/// repository's state file in its work tree, with its checklist files when `output` is inside
/// that work tree (a checklist file never lies outside its repository).
std::vector<ReportInput> fleet_inputs(const Fleet& fleet, const std::filesystem::path& output);

/// Report formats beyond the terminal's text.
enum class FleetFormat
{
  json,
  csv,
  markdown,
  html,
};

using FleetFormatInfo = ReportFormat<FleetFormat, std::string (*)(const Fleet& fleet)>;

/// Every report format of the fleet beyond the terminal's text: the one list `fleet --format`,
/// its help and completion use.
std::span<const FleetFormatInfo> fleet_formats();

/// "json", "csv", "markdown", "html" (a name in fleet_formats()).
std::optional<FleetFormat> parse_fleet_format(std::string_view text);

/// The report in a format. Text from sources is escaped as `export` escapes it.
std::string render_fleet(const Fleet& fleet, FleetFormat format);

} // namespace llmchecklist
