#pragma once
// The counts of a test run, as JUnit XML and promptfoo report them, and the one judgement of
// them that both readers share (max_failures, min_pass_rate).

#include <cstdint>

#include "llmchecklist/expectation.hpp"

namespace llmchecklist::detail {

/// A run's counts: `failed` holds failures and errors together.
struct TestCounts
{
  std::uint64_t tests = 0;
  std::uint64_t failed = 0;
  std::uint64_t skipped = 0;
  /// Whether the format knows skipped tests (promptfoo does not): shown only then.
  bool has_skipped = true;
};

/// Pass or fail under the rule's max_failures and min_pass_rate, and the value
/// "38 of 40 passed (2 failed, 1 skipped)" (with ", 95 %" after "passed" under min_pass_rate).
ExpectationOutcome judge_counts(const ExpectationRule& rule, const TestCounts& counts);

} // namespace llmchecklist::detail
