#pragma once
/// Expectations: rules that read a result file an LLM team already produces (an eval's JUnit
/// XML, promptfoo's output, an Inspect AI log, a scanner's SARIF, any JSON with a jq condition)
/// and decide pass or fail without starting a process, so that `verify --no-exec` can judge a
/// fork's pull request.
///
///     ExpectationRule rule;
///     rule.file = "evals/results.json";
///     rule.reader = ExpectationReader::promptfoo;
///     rule.min_pass_rate = 95;
///     const ExpectationOutcome outcome = evaluate_expectation(rule, text, "evals/results.json");
///     outcome.pass;  // false
///     outcome.value; // "30 of 32 passed, 93.8 % (2 failed)"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "llmchecklist/expectation_rule.hpp"

namespace llmchecklist {

/// What reading a result file found.
struct ExpectationOutcome
{
  bool pass = false;
  /// What was read, in a line: "40 of 40 passed (0 failed, 2 skipped)", "accuracy 0.91",
  /// "2 errors, 5 warnings", "jq: false". Text taken from the file is sanitised (no control
  /// characters, no invalid UTF-8).
  std::string value;
};

/// The largest result file an expectation reads; a larger one is refused before it is read.
inline constexpr std::size_t k_max_result_file_size = std::size_t{64} << 20;

/// Judges `text`, the content of `rule.file` (named `shown` in errors). Starts no program: a
/// jq condition runs in a forked copy of this process (no exec) with no environment ($ENV and
/// `env` are empty), no module, file or input access, and bounded time and memory (a program
/// that exceeds them is a UsageError). Throws DataError at `shown` (with a line
/// and column where there is one) for a file the reader cannot read as what it expects: not
/// XML or JSON, a DTD or an entity, duplicate JSON keys, nesting beyond 256 levels, missing
/// fields; UsageError for a rule that does not fit its reader (require_fits_reader()), or a
/// jq program that does not compile.
ExpectationOutcome evaluate_expectation(const ExpectationRule& rule, std::string_view text,
                                        const std::string& shown);

} // namespace llmchecklist
