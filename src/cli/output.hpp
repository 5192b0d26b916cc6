#pragma once
// The one way the command line writes text: every line on standard output and standard error
// goes through here, so that no text from a repository (a phase title, a note, a verify
// command, a path) can become a CI runner's workflow command, whatever prints it.

#include <string_view>

namespace llmchecklist::cli {

/// Writes `text` to standard output, each line a CI runner would obey made inert
/// (neutralize_ci_commands()).
void print_out(std::string_view text);

/// Writes `text` to standard error, made inert as by print_out().
void print_err(std::string_view text);

/// Writes `text` to standard output as it is: only for output whose lines are meant for the
/// runner (`export --format github`), and whose every text is escaped by its renderer.
void print_raw(std::string_view text);

} // namespace llmchecklist::cli
