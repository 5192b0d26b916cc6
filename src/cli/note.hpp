#pragma once
// Notes typed on the command line end up on one line of the state file.

#include <string>

namespace llmchecklist::cli {

/// `note` when it is one line of valid UTF-8 without control characters; else UsageError naming
/// `option`.
std::string validated_note(std::string note, const char* option);

} // namespace llmchecklist::cli
