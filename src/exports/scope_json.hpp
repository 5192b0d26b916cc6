#pragma once
// A ScopeChange as JSON, the same in `diff --json` and `history --format json`.

#include "exports/json_writer.hpp"
#include "llmchecklist/scope.hpp"

namespace llmchecklist::detail {

/// Writes `scope` as one object: {"checklist": {"before", "after"}, "version": {"before",
/// "after"}, "narrows", "left", "lowered", "joined", "raised"}.
void write_scope_json(JsonWriter& json, const ScopeChange& scope);

} // namespace llmchecklist::detail
