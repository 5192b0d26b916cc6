#pragma once
/// Where one item stands in a project, and what a report flags about it: the one model that
/// `list`, `show`, the interface, progress, every export and the fleet read, so that no two
/// outputs can disagree about an item.
///
///     const Standing standing = standing_of(state, item);
///     for (const Finding& finding : standing.findings) {
///       to_string(finding.level); // "error": a required item open
///     }

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/backing.hpp"
#include "llmchecklist/checklist.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// How serious a finding is.
enum class FindingLevel
{
  /// Blocks a launch: a required item open, a failing verify command.
  error,
  /// Should be dealt with: a recommended item open, a waiver about to end.
  warning,
  /// Worth a look: a check made against an older revision of the item.
  note,
};

/// "error", "warning" or "note".
std::string_view to_string(FindingLevel level);

/// What a finding is about.
enum class FindingKind
{
  /// The item is todo.
  open,
  /// A not-applicable decision passed its end date: the item is todo again.
  waiver_expired,
  /// The item's verify command failed when it last ran.
  verify_failing,
  /// The item was checked against an older revision of it.
  stale,
  /// A not-applicable decision ends within k_waiver_warning_days.
  waiver_expiring,
  /// A file the check rests on changed, or is gone, since the check (receipts).
  evidence_changed,
  /// An expectation over a result file failed when last read, for the file's current content.
  expectation_failing,
};

/// "open", "waiver-expired", "verify-failing", "stale", "waiver-expiring", "evidence-changed"
/// or "expectation-failing".
std::string_view to_string(FindingKind kind);

/// One thing a report flags about an item.
struct Finding
{
  FindingKind kind = FindingKind::open;
  FindingLevel level = FindingLevel::error;
  /// One line: "Required item open: 3. context-length".
  std::string title;
  /// What to know and do, one or more lines: the item's title and its done-when line, the
  /// failing command, the revisions.
  std::string message;

  /// The title and the message on one line, for formats whose messages are one line:
  /// "Required item open: 3. context-length: Check that... Done when: ...".
  std::string one_line() const;
};

/// Where an item's verify command stands.
enum class VerifyState
{
  /// The item has no command.
  none,
  /// It has one that has not run (or whose result was not recorded).
  not_run,
  pass,
  fail,
};

/// A waiver that ends within this many days is flagged before it lapses.
inline constexpr int k_waiver_warning_days = 30;

/// Everything the outputs show about one item.
struct Standing
{
  /// The status the entry records, and the one the item counts as (todo when an n/a decision
  /// has expired).
  Status recorded = Status::todo;
  Status status = Status::todo;
  bool required = false;
  /// Checked (done or n/a) at an older revision of the item: `checked_revision`.
  bool stale = false;
  int checked_revision = 0;
  /// An n/a decision past its end date.
  bool expired = false;
  /// For an n/a decision with an end date: the date, and the days left (negative once past;
  /// nullopt when the state has no `as_of` day to count from).
  std::string until;
  std::optional<long> days_left;
  /// What backs a done item.
  Evidence evidence = Evidence::none;
  VerifyState verify = VerifyState::none;
  /// The command verify would run (the state's, else the checklist's); empty when none.
  std::string command;
  /// The check's receipts against the files now, and whether any changed.
  std::vector<ReceiptState> receipts;
  bool evidence_changed = false;
  /// The item's expectations and where each stands, in the order recorded.
  std::vector<std::pair<Expectation, ExpectationState>> expectations;
  /// Done and backed (is_backed()).
  bool backed = false;
  /// Whether the files were looked at (State::files_known): without them, receipts and
  /// expectation results cannot be judged current.
  bool files_known = false;
  /// What reports flag, most serious first; empty when there is nothing to flag.
  std::vector<Finding> findings;
};

/// The item's standing in `state` (judged on `state.as_of`).
Standing standing_of(const State& state, const Item& item);

} // namespace llmchecklist
