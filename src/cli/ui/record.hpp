#pragma once
// An item's record as `llmchecklist ui` showed it, and what a key decides from it: a key acts on
// what the user saw, so a write first compares that with what the file holds now (under the
// file's lock) and, when another process changed it meanwhile, writes nothing and says so.
// Pure logic, no terminal: tests/cli/test_ui_record.cpp.

#include <cstddef>
#include <string>
#include <string_view>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist::cli::ui {

/// An item's record as the screen showed it when a key was pressed.
struct Seen
{
  std::string id;
  /// What was recorded (a blank entry with the id when nothing was).
  Entry entry;
  /// The status on screen: an expired n/a shows as todo.
  Status status = Status::todo;
};

/// The record of `item` in `state`: its entry, or a blank one with the item's id.
Entry record_of(const State& state, const Item& item);

/// Whether two records of an item hold the same: status, revision, who, when, note, expiry,
/// verify command and last result.
bool same_record(const Entry& a, const Entry& b);

/// How a record reads in a message: "checked by Ada Lovelace at 09:14 UTC", "marked n/a by Ada
/// Lovelace on 2026-11-27", "unchecked". The time of a record made `today` (YYYY-MM-DD), the
/// date of an older one; the name without the e-mail address.
std::string describe_record(const Entry& entry, std::string_view today);

/// What the key that found a changed record would do if pressed again.
enum class Again
{
  /// Space or x: check, or uncheck (with its question), by the status now.
  toggle,
  not_applicable,
  edit_note,
  undo,
};

/// The footer's message when the file's record of `item` (`now`, shown as `now_status`) is not
/// the one the screen showed (`seen`): "2 cost-at-scale was checked by Ada Lovelace at 09:14
/// UTC; press again to uncheck".
std::string changed_message(const Item& item, const Entry& seen, const Entry& now,
                            Status now_status, std::string_view today, Again again);

/// The question before Space undoes a sign-off, fitted to `width` columns (the note is cut
/// first): "uncheck 3 context-length (checked by Ada Lovelace at 09:14 UTC, note: load test
/// #12)? y/N". For an expired n/a (shown as todo) it asks to check the item instead.
std::string sign_off_question(const Item& item, const Seen& seen, std::string_view today,
                              std::size_t width, bool unicode);

/// Whether Space on this record needs the question first: the item is done or n/a, or is an
/// expired n/a whose reason checking it would replace.
bool needs_question(const Seen& seen);

/// One change this session wrote, so that `u` can restore the record exactly as it was.
struct Change
{
  std::string id;
  Entry before;
  Entry after;
};

} // namespace llmchecklist::cli::ui
