#pragma once
// A ScopeChange as JSON, the same in `diff --json` and `history --format json`.

#include "exports/json_writer.hpp"
#include "llmchecklist/scope.hpp"

namespace llmchecklist::detail {

/// Writes the member "scope": one object {"checklist": {"before", "after"}, "version":
/// {"before", "after"}, "narrows", "left", "lowered", "joined", "raised"}, or null without one.
void write_scope_json(JsonWriter& json, const ScopeChange* scope);

} // namespace llmchecklist::detail
