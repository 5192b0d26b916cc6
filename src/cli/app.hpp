#pragma once

namespace llmchecklist::cli {

/// Parses the command line, runs the subcommand, and returns the exit code. The one place
/// where errors become messages and exit codes.
int run(int argc, char** argv);

} // namespace llmchecklist::cli
