#pragma once
/// A project's recorded progress: the `.llmchecklist` file (state format 1), in memory;
/// state_io.hpp reads and writes it.
///
/// The file is laid out by our own writer so that it reads well in a diff and merges with
/// plain git: one table per item in checklist order, no global counters, and the same state
/// always serialises to the same bytes.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/expectation_rule.hpp"

namespace llmchecklist {

/// Who `verify --update` records as having checked an item.
inline constexpr std::string_view k_verify_checker = "llmchecklist verify";

/// The state format this library reads and writes.
inline constexpr int k_state_format = 1;

/// Where an item stands.
enum class Status
{
  todo,
  done,
  na,
};

/// "todo", "done" or "na".
std::string_view to_string(Status status);
/// Parses "todo", "done" or "na".
std::optional<Status> parse_status(std::string_view text);

/// A receipt: one file a check rests on, as it was when the item was checked.
struct Receipt
{
  /// Relative to the top of the repository, '/'-separated.
  std::string path;
  /// Its git blob id then (what `git hash-object PATH` prints), so that `git show BLOB`
  /// recovers the content signed once it is committed.
  std::string blob;

  bool operator==(const Receipt&) const = default;
};

/// An expectation of an item: a rule over a result file, and what `verify --update` last
/// found when it read the file.
struct Expectation
{
  ExpectationRule rule;
  /// "pass" or "fail"; empty when it was never recorded.
  std::string result;
  /// What was read, in a line ("40 of 40 passed").
  std::string value;
  /// The blob id of the file the result was read from: the result holds for that content only.
  std::string blob;
  /// When the result was recorded, a UTC date-time.
  std::string at;

  bool operator==(const Expectation&) const = default;
};

/// What is recorded for one item.
struct Entry
{
  std::string id;
  Status status = Status::todo;
  /// The item's revision when it was checked; 0 when not recorded.
  int revision = 0;
  /// Who checked it: "Name <email>".
  std::string by;
  /// When, as a TOML UTC date-time ("2026-11-28T21:05:00Z").
  std::string at;
  /// A one-line note; for na, the reason.
  std::string note;
  /// A shell command that succeeds when the item's evidence holds (see verify.hpp).
  std::string verify;
  /// What `verify --update` last found: "pass", "fail", or empty when it never ran.
  std::string verify_result;
  /// For na: the last day the decision holds ("2027-03-31"); empty when it does not expire.
  std::string until;
  /// The files the check rests on (`check --evidence`); cleared when the item is unchecked.
  std::vector<Receipt> evidence;
  /// Rules over result files that back the item without running anything (`expect`).
  std::vector<Expectation> expectations;

  /// Whether it records nothing beyond the default: todo, and no check, note, command or
  /// expectation.
  bool blank() const
  {
    return status == Status::todo && revision == 0 && by.empty() && at.empty() && note.empty() &&
           verify.empty() && verify_result.empty() && until.empty() && evidence.empty() &&
           expectations.empty();
  }
};

/// A minimum for one phase in a gate.
struct GatePhase
{
  /// The phase as written: an id, a number or an id prefix.
  std::string phase;
  /// Its minimum percentage.
  double min = 0;
  /// Where the state file names it; no path when it came from elsewhere (the command line).
  SourceLocation location = {};

  bool operator==(const GatePhase& other) const { return phase == other.phase && min == other.min; }
};

/// A team's CI policy, recorded in the state file's [gate] table so that a bare
/// `llmchecklist progress --gate` applies it; command-line options override it.
struct Gate
{
  /// Overall minimum percentage; negative when not set.
  double min = -1;
  /// Fail while a required item is todo.
  bool all_required = false;
  /// Fail while any check is stale.
  bool no_stale = false;
  /// Per-phase minimums, in file order.
  std::vector<GatePhase> phases;
  /// Fail while a checked item's evidence changed since the check.
  bool evidence_current = false;
  /// Items that must be done and backed (backing.hpp), by id.
  std::vector<std::string> backed;
  /// The least share of done items that must be backed, as a percentage; negative: not set.
  double backed_min = -1;

  /// Whether the table sets anything.
  bool empty() const
  {
    return min < 0 && !all_required && !no_stale && phases.empty() && !evidence_current &&
           backed.empty() && backed_min < 0;
  }
};

/// The whole state file.
struct State
{
  /// The checklist reference: "builtin:NAME" or a path relative to the state file.
  std::string checklist = "builtin:llm-deployment";
  /// Where the reference was read from, for errors about it.
  SourceLocation checklist_location;
  /// For a checklist file: the `version` of its [checklist] table the state was written
  /// against (built-in references carry their version as "@VERSION"). Empty when not pinned.
  std::string checklist_version;
  /// Entries in file order (for a freshly written file: checklist order, then orphans).
  std::vector<Entry> entries;
  /// The file's own line ending ("\n" or "\r\n"), kept on rewrite.
  std::string newline = "\n";
  /// Whether the file started with a UTF-8 byte-order mark, kept on rewrite.
  bool bom = false;
  /// The team's gate policy ([gate]).
  Gate gate;
  /// The day expiring n/a decisions are judged against ("2026-11-28"); empty: none expire.
  /// Not stored: the caller sets it.
  std::string as_of;
  /// The current blob id of every file the entries' receipts and expectations name, by path
  /// ("" for a file that is not there), in the version the state was read from. Not stored:
  /// note_current_files() (receipts.hpp) fills it. While `files_known` is false, changed
  /// evidence and outdated expectation results cannot be told and are not reported.
  std::unordered_map<std::string, std::string> current_files;
  bool files_known = false;

  /// The entry for an id, or nullptr. O(1) while the index is current: after changing
  /// `entries` directly, call reindex() (until then a lookup is still right, but a linear
  /// search). Safe to call from several threads at once.
  const Entry* find(std::string_view id) const;
  /// The entry for an id, created as todo when missing (the index follows).
  Entry& entry(std::string_view id);
  /// Rebuilds the index of `entries` by id; false when an id repeats (the first is found).
  bool reindex();

private:
  IdIndex m_index;
};

/// Entries whose id the checklist does not have, in file order. They are kept on every rewrite.
std::vector<const Entry*> orphaned_entries(const State& state, const Checklist& checklist);

/// Removes the orphaned entries (see orphaned_entries()) and returns them, in file order.
std::vector<Entry> remove_orphaned_entries(State& state, const Checklist& checklist);

} // namespace llmchecklist
