#pragma once
/// What an entry of the state file may hold. Every writer of the public API (check_item(),
/// set_note(), set_verify_command(), serialize_state()) applies these rules, so that the
/// library never writes a file it would refuse to read, and a front end needs no copy of them:
/// it may call them first to name its own option in the message.
///
///     require_one_line("evidence\tin docs/", "--note"); // UsageError: "--note must be one line
///                                                       //  of text without control characters"

#include <string>
#include <string_view>

#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// Throws UsageError naming `what` unless `text` is one line of valid UTF-8 without control
/// characters (C0 or DEL): a note, a reason, a verify command, who checked.
void require_one_line(std::string_view text, std::string_view what);

/// Throws UsageError naming `what` unless `reason` (why an item is not applicable) says
/// something, on one line (require_one_line()).
void require_reason(std::string_view reason, std::string_view what);

/// Throws UsageError naming `what` unless `until` is a real date (YYYY-MM-DD) not before
/// `today` (YYYY-MM-DD): the last day a not-applicable decision holds.
void require_until(std::string_view until, std::string_view today, std::string_view what);

/// `text` made to pass require_one_line(): tabs and line breaks become spaces, other control
/// characters (C0, DEL, C1) and invalid bytes are dropped. For a note a hand edit or a merge
/// left control characters in; equal to `text` when it has none.
///
///     cleaned_line("ok\tfine\a"); // "ok fine"
std::string cleaned_line(std::string_view text);

/// Throws DataError naming the entry unless the state reader would read `entry` back as it is:
/// valid UTF-8 in every field, `at` a UTC date-time, `until` a date, a reason for na, a
/// revision of at most 1,000,000, a verify result of "", "pass" or "fail".
void require_readable(const Entry& entry);

} // namespace llmchecklist
