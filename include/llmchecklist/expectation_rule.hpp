#pragma once
/// What an expectation is, as the state file stores it: a result file an LLM team already
/// produces (an eval's JUnit XML, promptfoo's output, an Inspect AI log, a scanner's SARIF,
/// any JSON with a jq condition), the reader that reads it, and the condition it must meet.
/// expectation.hpp reads the file and decides; this header is the data every layer shares.
///
///     ExpectationRule rule;
///     rule.file = "evals/junit.xml";
///     rule.reader = ExpectationReader::junit;
///     rule.max_failures = 0;
///     describe_condition(rule); // "max_failures = 0"

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

/// One expectation's rule: the file, its reader, and the condition. Only the condition keys
/// that apply to the reader are set (require_fits_reader()).
struct ExpectationRule
{
  /// The result file, relative to the top of the repository ('/'-separated).
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
  /// sarif: results at or above this level count ("error", "warning" or "note"; empty means
  /// "error"), and at most `max_results` of them may be there (default 0).
  std::string level;
  std::optional<double> max_results;
  /// json: a jq program; the file passes when its first output is `true`.
  std::string jq;

  bool operator==(const ExpectationRule&) const = default;
};

/// The condition in one line, as the state file names its keys: "max_failures = 0,
/// min_pass_rate = 95", "accuracy >= 0.9", "status success", "at most 0 error results",
/// "jq: .metrics.accuracy >= 0.9".
std::string describe_condition(const ExpectationRule& rule);

/// Throws UsageError naming `what` unless the rule's condition fits its reader: junit and
/// promptfoo need max_failures or min_pass_rate (a pass rate from 0 to 100, failures not
/// negative); inspect takes a score with min_score or neither; sarif a level of error, warning
/// or note; json a non-empty jq program; no reader takes another's keys. The file must be a
/// relative path inside the repository (require_repository_path()).
void require_fits_reader(const ExpectationRule& rule, std::string_view what);

/// Throws UsageError naming `what` unless `path` is a '/'-separated path relative to the top
/// of the repository, without `.` or `..` parts, one line of valid UTF-8: how evidence files
/// and result files are recorded.
void require_repository_path(std::string_view path, std::string_view what);

} // namespace llmchecklist
