// promptfoo's `eval -o results.json`: the run's counts are in results.stats (successes,
// failures, and errors, which count as failed: a test that could not be judged did not pass).

#include <simdjson.h>

#include "evidence/json_input.hpp"
#include "evidence/readers.hpp"
#include "evidence/test_counts.hpp"
#include "llmchecklist/error.hpp"

namespace llmchecklist::detail {

ExpectationOutcome read_promptfoo(const ExpectationRule& rule, std::string_view text,
                                  const std::string& shown)
{
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  parse_result_json(parser, text, shown, root);
  simdjson::dom::element stats;
  if (!root.is_object() || root["results"]["stats"].get(stats) != simdjson::SUCCESS ||
      !stats.is_object()) {
    throw DataError(SourceLocation{shown, 0, 0},
                    "no results.stats object: not the output of `promptfoo eval -o FILE.json`");
  }
  // Older promptfoo versions write no "errors".
  const std::uint64_t none = 0;
  const std::uint64_t successes = json_count(stats, "successes", "results.stats.successes", shown);
  const std::uint64_t failures = json_count(stats, "failures", "results.stats.failures", shown);
  const std::uint64_t errors = json_count(stats, "errors", "results.stats.errors", shown, &none);
  TestCounts counts;
  counts.tests = successes + failures + errors;
  counts.failed = failures + errors;
  counts.has_skipped = false;
  return judge_counts(rule, counts);
}

} // namespace llmchecklist::detail
