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

namespace llmchecklist {

/// How a result file is read.
enum class ExpectationReader
{
  /// JUnit XML (pytest --junitxml, most test runners): tests, failures, errors, skipped.
  junit,
  /// promptfoo's `eval -o results.json`: its stats (successes, failures, errors).
  promptfoo,
  /// An Inspect AI eval log in JSON: its status, and a named score.
  inspect,
  /// SARIF 2.1.0 from a scanner: results at or above a level.
  sarif,
  /// Any JSON, judged by a jq condition.
  json,
};

/// "junit", "promptfoo", "inspect", "sarif" or "json".
std::string_view to_string(ExpectationReader reader);
/// Parses a reader's name.
std::optional<ExpectationReader> parse_expectation_reader(std::string_view text);

/// One expectation as the state file stores it: the file, its reader, and the condition. Only
/// the condition keys that apply to the reader are set.
struct ExpectationRule
{
  /// The result file, relative to the top of the repository.
  std::string file;
  ExpectationReader reader = ExpectationReader::json;
  /// junit, promptfoo: at most this many failed tests (failures and errors together).
  std::optional<double> max_failures;
  /// junit, promptfoo: at least this share of the tests that ran passed (0-100).
  std::optional<double> min_pass_rate;
  /// inspect: the score's name ("accuracy", or "scorer/metric" when names repeat), and its
  /// minimum; without a score, a log whose status is "success" passes.
  std::string score;
  std::optional<double> min_score;
  /// sarif: results at or above this level count ("error", "warning" or "note"; default
  /// "error"), and at most `max_results` of them may be there (default 0).
  std::string level;
  std::optional<double> max_results;
  /// json: a jq program; the file passes when its first output is `true`.
  std::string jq;
};

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
/// fields; UsageError for a rule that does not fit its reader (a jq program that does not
/// compile, a junit rule without a condition).
ExpectationOutcome evaluate_expectation(const ExpectationRule& rule, std::string_view text,
                                        const std::string& shown);

/// The rule's condition in a line, for messages: "max_failures = 0", "min_pass_rate = 95",
/// "accuracy >= 0.9", "status success", "no error results", "jq: .metrics.accuracy >= 0.9".
std::string describe_condition(const ExpectationRule& rule);

} // namespace llmchecklist
