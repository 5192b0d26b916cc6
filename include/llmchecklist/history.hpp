#pragma once
/// Progress over time: the state file at every commit that changed it, counted as `progress`
/// counts it then.
///
///     HistoryOptions options;
///     options.since = "2026-01-01"; // or a revision: "v1.0"
///     const History history = read_history(".", ".llmchecklist", options);
///     history.points.front().counts.percent(); // the oldest commit's progress
///     render_history(history, HistoryFormat::svg); // a trend chart for a README
///
/// Revisions are read in-process (libgit2), one repository opened once for all of them: no git
/// process per commit. A revision whose state file cannot be read becomes that point's error;
/// it never stops the others.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/error.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/report_format.hpp"
#include "llmchecklist/scope.hpp"

namespace llmchecklist {

/// Why a revision's point has no counts.
struct HistoryError
{
  enum class Kind
  {
    /// The state file (or the checklist it names) is not valid there: exit 3.
    data,
    /// A file it names is missing at that revision: exit 3 as well (the revision is broken).
    io,
    /// The commit removed the state file: a fact, not a failure.
    removed,
  } kind = Kind::data;
  std::string message;
  /// Where, when the problem is in a file ("1a2b3c4:.llmchecklist", line and column).
  SourceLocation location;

  /// "PATH:LINE:COL: MESSAGE" ("PATH: MESSAGE" without a line; the message alone without a
  /// place).
  std::string located() const;
};

/// The state file as one commit left it.
struct HistoryPoint
{
  /// The commit's full id.
  std::string commit;
  /// The committer date: seconds since the epoch, and ISO 8601 with the committer's offset.
  std::int64_t time = 0;
  std::string at;
  /// The author's name.
  std::string by;
  /// Set when the revision could not be counted; then only the commit's fields are.
  std::optional<HistoryError> error;

  /// The checklist the state followed, and the version it pinned (empty for a checklist file).
  std::string checklist_id;
  std::string version;
  /// Counted at that revision: stale checks against the checklist as it was then, expired n/a
  /// decisions against the commit's day.
  Counts counts;
  /// The state's own [gate] minimum then; negative when it had none.
  double gate_min = -1;
  /// What the change of checklist did to the count since the previous readable point (items
  /// that left it, required ones lowered, and the like); nullopt when the count is the same.
  std::optional<ScopeChange> scope = {};
};

/// Where the history starts.
struct HistoryOptions
{
  /// The revision the history ends at.
  std::string ref = "HEAD";
  /// Empty for the whole history; a date ("2026-01-01", "2026-01-01T12:00:00Z" or with an
  /// offset; a date alone is midnight UTC): commits at or after it; anything else is a
  /// revision: the commits it cannot reach (`git log SINCE..REF`).
  std::string since;
};

/// The whole report.
struct History
{
  /// The state file, relative to the repository's top.
  std::string path;
  std::string ref;
  std::string since;
  /// Oldest first, the way a trend reads (git log's order, reversed).
  std::vector<HistoryPoint> points;
  /// The gate line drawn in charts: the newest readable state's [gate] minimum; negative when
  /// it has none. Callers may set their own.
  double gate_min = -1;

  /// Points that could not be counted (a removed state file is not one of them).
  std::size_t unreadable() const;
};

/// The history of the state file `path`, relative to `repository` (a directory in a git work
/// tree, or a bare repository). Throws UsageError outside git or when `options.since` names
/// neither a date nor a revision git knows.
History read_history(const std::filesystem::path& repository, const std::string& path,
                     const HistoryOptions& options = {});

/// `text` as a --since date, in seconds since the epoch; nullopt when it is not a date (then it
/// is a revision). Throws UsageError for a date that looks like one but is not valid
/// ("2026-13-01").
std::optional<std::int64_t> parse_since_date(std::string_view text);

/// Report formats beyond the terminal's text.
enum class HistoryFormat
{
  json,
  csv,
  markdown,
  svg,
};

using HistoryFormatInfo = ReportFormat<HistoryFormat, std::string (*)(const History& history)>;

/// Every report format of history beyond the terminal's text: the one list `history --format`,
/// its help and completion use.
std::span<const HistoryFormatInfo> history_formats();

/// "json", "csv", "markdown", "svg" (a name in history_formats()).
std::optional<HistoryFormat> parse_history_format(std::string_view text);

/// The report in a format. Text from the repository (names, messages) is escaped as `export`
/// escapes it.
std::string render_history(const History& history, HistoryFormat format);

/// A one-line chart of the percentages, oldest first, at most `width` characters (with more
/// points than that, each character stands for a run of them and shows the run's last):
/// "▁▂▃▅█" with `unicode`, "_.,:-=+#" without; a point without counts is "x".
std::string sparkline(const std::vector<HistoryPoint>& points, std::size_t width, bool unicode);

} // namespace llmchecklist
