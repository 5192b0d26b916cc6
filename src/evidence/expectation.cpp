// The expectation's names, its condition in words, and the one entry point: the rule is
// checked against its reader, the text against the size and encoding every reader needs, and
// then the reader judges it.

#include "llmchecklist/expectation.hpp"

#include <array>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "evidence/readers.hpp"
#include "evidence/result_text.hpp"
#include "llmchecklist/error.hpp"

namespace llmchecklist {
namespace {

constexpr std::array<std::pair<ExpectationReader, std::string_view>, 5> k_reader_names{{
    {ExpectationReader::junit, "junit"},
    {ExpectationReader::promptfoo, "promptfoo"},
    {ExpectationReader::inspect, "inspect"},
    {ExpectationReader::sarif, "sarif"},
    {ExpectationReader::json, "json"},
}};

bool is_sarif_level(std::string_view level)
{
  return level == "error" || level == "warning" || level == "note";
}

// The levels a SARIF rule counts, from its own up: "error", "warning or error".
std::string levels_from(std::string_view level)
{
  if (level == "note") {
    return "note, warning or error";
  }
  if (level == "warning") {
    return "warning or error";
  }
  return "error";
}

// A rule's condition keys must be those of its reader, and make sense: a key of another reader
// would be silently ignored, which reads as a condition that holds when it does not.
void check_rule(const ExpectationRule& rule)
{
  const std::string_view reader = to_string(rule.reader);
  const bool counts =
      rule.reader == ExpectationReader::junit || rule.reader == ExpectationReader::promptfoo;
  const auto refuse_key = [&](bool set, std::string_view key) {
    if (set) {
      throw UsageError(fmt::format("{} does not apply to the {} reader", key, reader));
    }
  };
  refuse_key(!counts && rule.max_failures.has_value(), "max_failures");
  refuse_key(!counts && rule.min_pass_rate.has_value(), "min_pass_rate");
  refuse_key(rule.reader != ExpectationReader::inspect && !rule.score.empty(), "score");
  refuse_key(rule.reader != ExpectationReader::inspect && rule.min_score.has_value(), "min_score");
  refuse_key(rule.reader != ExpectationReader::sarif && !rule.level.empty(), "level");
  refuse_key(rule.reader != ExpectationReader::sarif && rule.max_results.has_value(),
             "max_results");
  refuse_key(rule.reader != ExpectationReader::json && !rule.jq.empty(), "jq");

  const auto whole = [](double number) {
    return number >= 0 && number < 1e15 && std::floor(number) == number;
  };
  switch (rule.reader) {
  case ExpectationReader::junit:
  case ExpectationReader::promptfoo:
    if (!rule.max_failures && !rule.min_pass_rate) {
      throw UsageError(fmt::format("a {} expectation needs a condition: max_failures or "
                                   "min_pass_rate",
                                   reader));
    }
    if (rule.max_failures && !whole(*rule.max_failures)) {
      throw UsageError("max_failures must be a whole number, 0 or more");
    }
    if (rule.min_pass_rate && !(*rule.min_pass_rate >= 0 && *rule.min_pass_rate <= 100)) {
      throw UsageError("min_pass_rate must be a percentage, from 0 to 100");
    }
    break;
  case ExpectationReader::inspect:
    if (!rule.score.empty() && !rule.min_score) {
      throw UsageError(fmt::format("the score '{}' needs a minimum (min_score)", rule.score));
    }
    if (rule.score.empty() && rule.min_score) {
      throw UsageError("min_score needs the name of a score (score)");
    }
    if (rule.min_score && !(*rule.min_score == *rule.min_score)) {
      throw UsageError("min_score must be a number");
    }
    break;
  case ExpectationReader::sarif:
    if (!rule.level.empty() && !is_sarif_level(rule.level)) {
      throw UsageError(fmt::format("unknown SARIF level '{}': use error, warning or note",
                                   detail::shown_value(rule.level)));
    }
    if (rule.max_results && !whole(*rule.max_results)) {
      throw UsageError("max_results must be a whole number, 0 or more");
    }
    break;
  case ExpectationReader::json:
    if (rule.jq.empty()) {
      throw UsageError("a json expectation needs a jq program (jq)");
    }
    break;
  }
}

} // namespace

std::string_view to_string(ExpectationReader reader)
{
  for (const auto& [value, name] : k_reader_names) {
    if (value == reader) {
      return name;
    }
  }
  return "json";
}

std::optional<ExpectationReader> parse_expectation_reader(std::string_view text)
{
  for (const auto& [value, name] : k_reader_names) {
    if (name == text) {
      return value;
    }
  }
  return std::nullopt;
}

std::string describe_condition(const ExpectationRule& rule)
{
  using detail::format_number;
  std::string out;
  const auto add = [&](const std::string& part) {
    out += out.empty() ? "" : ", ";
    out += part;
  };
  switch (rule.reader) {
  case ExpectationReader::junit:
  case ExpectationReader::promptfoo:
    if (rule.max_failures) {
      add("max_failures = " + format_number(*rule.max_failures));
    }
    if (rule.min_pass_rate) {
      add("min_pass_rate = " + format_number(*rule.min_pass_rate));
    }
    break;
  case ExpectationReader::inspect:
    if (!rule.score.empty()) {
      add(fmt::format("{} >= {}", detail::shown_value(rule.score),
                      rule.min_score ? format_number(*rule.min_score) : "?"));
    } else {
      add("status success");
    }
    break;
  case ExpectationReader::sarif: {
    const std::string levels = levels_from(rule.level.empty() ? "error" : rule.level);
    const double most = rule.max_results.value_or(0);
    if (most == 0) {
      add(fmt::format("no {} results", levels));
    } else {
      add(fmt::format("at most {} {} results", format_number(most), levels));
    }
    break;
  }
  case ExpectationReader::json:
    add("jq: " + detail::shown_value(rule.jq, 200));
    break;
  }
  return out.empty() ? "no condition" : out;
}

ExpectationOutcome evaluate_expectation(const ExpectationRule& rule, std::string_view text,
                                        const std::string& shown)
{
  check_rule(rule);
  // Before any parser sees it: a reader's cost grows with the file, and the limit is the
  // promise `verify --no-exec` makes about what a pull request can make it read.
  if (text.size() > k_max_result_file_size) {
    throw DataError(SourceLocation{shown, 0, 0},
                    fmt::format("the file has {} bytes; an expectation reads at most {} MiB",
                                text.size(), k_max_result_file_size >> 20));
  }
  detail::refuse_invalid_utf8(text, shown);
  switch (rule.reader) {
  case ExpectationReader::junit:
    return detail::read_junit(rule, text, shown);
  case ExpectationReader::promptfoo:
    return detail::read_promptfoo(rule, text, shown);
  case ExpectationReader::inspect:
    return detail::read_inspect(rule, text, shown);
  case ExpectationReader::sarif:
    return detail::read_sarif(rule, text, shown);
  case ExpectationReader::json:
    return detail::read_json_jq(rule, text, shown);
  }
  throw UsageError("unknown expectation reader");
}

} // namespace llmchecklist
