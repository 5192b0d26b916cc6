#pragma once
// Printing errors the way compilers do, so editors and CI annotators can jump to them.

#include <string_view>

#include "llmchecklist/error.hpp"

namespace llmchecklist::cli {

/// "llmchecklist: error: MESSAGE" on stderr.
void print_error(std::string_view message);

/// "PATH:LINE:COL: error: MESSAGE" on stderr, then the source line and a caret under the column
/// when the file (or built-in checklist) can be read.
void print_error(const SourceLocation& location, std::string_view message);

/// "llmchecklist: warning: MESSAGE" on stderr.
void print_warning(std::string_view message);

/// "llmchecklist: note: MESSAGE" on stderr: worth knowing, not a problem.
void print_note(std::string_view message);

/// The text of line `line` (1-based) of a file or a built-in checklist; empty when unavailable.
std::string source_line(const std::string& path, unsigned line);

} // namespace llmchecklist::cli
