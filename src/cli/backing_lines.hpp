#pragma once
// What backs a check beyond a person's word, as `show` and the interface print it: each
// receipt (and how to see what changed) and each expectation with its last reading.

#include <string>
#include <vector>

#include "llmchecklist/standing.hpp"

namespace llmchecklist::cli {

/// "Evidence: docs/model-card.md (7ee7e73), signed" lines, one per receipt, then one per
/// expectation: "Expect: evals/junit.xml (junit) max_failures = 0: pass, 40 of 40 passed". A
/// changed file names the command that shows the change: `git diff OLD NEW`.
std::vector<std::string> backing_lines(const Standing& standing);

} // namespace llmchecklist::cli
