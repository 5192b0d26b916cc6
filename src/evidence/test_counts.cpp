#include "evidence/test_counts.hpp"

#include <cmath>

#include <fmt/format.h>

#include "evidence/result_text.hpp"

namespace llmchecklist::detail {

ExpectationOutcome judge_counts(const ExpectationRule& rule, const TestCounts& counts)
{
  const std::uint64_t ran = counts.tests - counts.skipped;
  const std::uint64_t passed = ran - counts.failed;
  ExpectationOutcome outcome;
  outcome.pass = true;
  if (rule.max_failures) {
    outcome.pass = outcome.pass && static_cast<double>(counts.failed) <= *rule.max_failures;
  }
  std::string rate;
  if (rule.min_pass_rate) {
    // Compared as products, so that 19 of 20 meets 95 exactly; a run where nothing ran has no
    // rate, and meets no minimum.
    outcome.pass =
        outcome.pass && ran > 0 &&
        static_cast<double>(passed) * 100.0 >= *rule.min_pass_rate * static_cast<double>(ran);
    if (ran > 0) {
      // Rounded down, so that 1999 of 2000 never shows as 100 %.
      const double percent =
          std::floor(static_cast<double>(passed) * 1000.0 / static_cast<double>(ran)) / 10.0;
      rate = fmt::format(", {} %", format_number(percent));
    }
  }
  outcome.value = fmt::format("{} of {} passed{} ({} failed", passed, ran, rate, counts.failed);
  if (counts.has_skipped) {
    outcome.value += fmt::format(", {} skipped", counts.skipped);
  }
  outcome.value += ")";
  return outcome;
}

} // namespace llmchecklist::detail
