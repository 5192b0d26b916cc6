#pragma once
// Notes typed on the command line (or in `ui`) end up on one line of the state file.

#include <string>
#include <string_view>

namespace llmchecklist::cli {

/// `note` when it is one line of valid UTF-8 without control characters; else UsageError naming
/// `option`.
std::string validated_note(std::string note, const char* option);

/// `note` made to pass validated_note() and safe to edit on a terminal: tabs and line breaks
/// become spaces, other control characters (C0, DEL, C1) and invalid bytes are dropped. For a
/// note a hand edit or a merge left control characters in; equal to `note` when it has none.
///
///     cleaned_note("ok\tfine\a");  // "ok fine"
std::string cleaned_note(std::string_view note);

/// `until` when it is a real date (YYYY-MM-DD) not before `today` (YYYY-MM-DD), the last day a
/// not-applicable decision holds; else UsageError naming `option`.
std::string validated_until(std::string until, std::string_view today, const char* option);

} // namespace llmchecklist::cli
