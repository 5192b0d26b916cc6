#pragma once
/// Reading and writing the state file's text: the state reader and the writer that lays the
/// file out for review and merge (see state.hpp for the state in memory).
///
///     const State state = parse_state(text, ".llmchecklist");
///     serialize_state(state, checklist) == text; // for a file the writer wrote

#include <string>
#include <string_view>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// Parses state text; throws DataError with `path`, line and column on any problem.
State parse_state(std::string_view text, const std::string& path);

/// Lays the state out: every checklist item in order (todo too), each after a blank line and a
/// comment with its number and title, then entries the checklist no longer has (orphans).
/// Throws DataError when an entry could not be read back (require_readable()).
std::string serialize_state(const State& state, const Checklist& checklist);

/// One entry's table as serialize_state() writes it: the `[items.ID]` header and its keys, each
/// line ending in `newline`.
std::string serialize_entry(const Entry& entry, std::string_view newline = "\n");

} // namespace llmchecklist
