#pragma once
// What a failed command prints and the exit code it ends with: the one place that maps each
// family of error to its code (cli/exit_codes.hpp).

#include <exception>

namespace llmchecklist::cli {

/// Prints what `failure` says on stderr (compiler-style when it has a location) and returns the
/// exit code for its family; an error that is none of ours is reported as a bug (exit 70).
int report_failure(std::exception_ptr failure);

} // namespace llmchecklist::cli
