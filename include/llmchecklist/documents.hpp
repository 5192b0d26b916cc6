#pragma once
/// The JSON documents of the commands that are not exports of one state: `diff --json`,
/// `verify --json` and `checklists --json`. With the exports (export.hpp) they are every JSON
/// document llmchecklist writes, all from one writer, so that they escape and format alike.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/expectation_check.hpp"
#include "llmchecklist/scope.hpp"
#include "llmchecklist/state_diff.hpp"
#include "llmchecklist/verify.hpp"

namespace llmchecklist {

/// `diff --json`: {"from", "to" (null for the working tree), "changes": [...],
/// "verify_changes": [...], "expect_changes": [...] (as verify_changes, with describe_expectation()
/// texts), "scope": {...} or null when a checklist could not be read}. Items
/// are looked up in `checklist`.
std::string render_diff_json(std::string_view from, std::optional<std::string_view> to,
                             const Checklist& checklist, const std::vector<StateChange>& changes,
                             const std::vector<CommandChange>& commands,
                             const ScopeChange* scope = nullptr,
                             const std::vector<CommandChange>& expectations = {});

/// `verify --json`: {"results": [...], "passed", "failed", "expectations": [...],
/// "expectations_passed", "expectations_failed"}; a failed result carries the last 20 lines of
/// its output; an expectation {"number", "id", "file", "reader", "condition", "result" ("pass",
/// "fail" or "error"), "value", "blob" (null when the file is not there)}.
std::string render_verify_json(const Checklist& checklist, const std::vector<VerifyResult>& results,
                               const std::vector<ExpectationCheck>& checks = {});

/// `checklists --json`: {"builtin": [...], "in_use": {...}}. `state_file` is empty when the
/// project has no state file yet.
std::string render_checklists_json(const std::vector<Checklist>& builtins, const Checklist& in_use,
                                   std::string_view state_file);

} // namespace llmchecklist
