// SARIF 2.1.0 from a scanner: every run's results, each at a level ("error", "warning", "note"
// or "none"). A result without a level takes its rule's default configuration, else "warning"
// (SARIF 2.1.0, 3.27.10); a result whose kind is not "fail" is at "none" (3.27.9).

#include <array>

#include <fmt/format.h>
#include <simdjson.h>

#include "evidence/json_input.hpp"
#include "evidence/readers.hpp"
#include "evidence/result_text.hpp"
#include "llmchecklist/error.hpp"

namespace llmchecklist::detail {
namespace {

// 0 none, 1 note, 2 warning, 3 error; -1 for a name that is none of them.
int rank_of(std::string_view level)
{
  constexpr std::array<std::string_view, 4> k_levels{"none", "note", "warning", "error"};
  for (std::size_t i = 0; i < k_levels.size(); ++i) {
    if (k_levels[i] == level) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// The default level of the result's rule (by ruleIndex, rule.index or ruleId), or "".
std::string_view rule_default(simdjson::dom::element result, const simdjson::dom::array* rules)
{
  if (rules == nullptr) {
    return {};
  }
  simdjson::dom::element rule;
  std::uint64_t index = 0;
  bool found = false;
  if (result["ruleIndex"].get(index) == simdjson::SUCCESS ||
      result["rule"]["index"].get(index) == simdjson::SUCCESS) {
    found = rules->at(index).get(rule) == simdjson::SUCCESS;
  }
  std::string_view id;
  if (!found && (result["ruleId"].get(id) == simdjson::SUCCESS ||
                 result["rule"]["id"].get(id) == simdjson::SUCCESS)) {
    for (const simdjson::dom::element candidate : *rules) {
      std::string_view candidate_id;
      if (candidate["id"].get(candidate_id) == simdjson::SUCCESS && candidate_id == id) {
        rule = candidate;
        found = true;
        break;
      }
    }
  }
  std::string_view level;
  if (found && rule["defaultConfiguration"]["level"].get(level) == simdjson::SUCCESS) {
    return level;
  }
  return {};
}

std::string counted(std::uint64_t count, std::string_view what)
{
  return fmt::format("{} {}{}", count, what, count == 1 ? "" : "s");
}

} // namespace

ExpectationOutcome read_sarif(const ExpectationRule& rule, std::string_view text,
                              const std::string& shown)
{
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  parse_result_json(parser, text, shown, root);
  simdjson::dom::array runs;
  if (!root.is_object() || root["runs"].get(runs) != simdjson::SUCCESS) {
    throw DataError(SourceLocation{shown, 0, 0}, "no runs array: not a SARIF log");
  }
  std::array<std::uint64_t, 4> counts{};
  for (const simdjson::dom::element run : runs) {
    simdjson::dom::array results;
    if (!run.is_object() || run["results"].get(results) != simdjson::SUCCESS) {
      continue;
    }
    simdjson::dom::array rules;
    const bool has_rules = run["tool"]["driver"]["rules"].get(rules) == simdjson::SUCCESS;
    for (const simdjson::dom::element result : results) {
      if (!result.is_object()) {
        throw DataError(SourceLocation{shown, 0, 0}, "a result that is not an object");
      }
      std::string_view level;
      std::string_view kind;
      if (result["level"].get(level) == simdjson::SUCCESS) {
        // Given: it counts as written.
      } else if (result["kind"].get(kind) == simdjson::SUCCESS && kind != "fail") {
        level = "none";
      } else {
        level = rule_default(result, has_rules ? &rules : nullptr);
        level = level.empty() ? "warning" : level;
      }
      const int rank = rank_of(level);
      if (rank < 0) {
        throw DataError(SourceLocation{shown, 0, 0},
                        fmt::format("a result's level is '{}', not error, warning, note or none",
                                    shown_value(level, 40)));
      }
      ++counts[static_cast<std::size_t>(rank)];
    }
  }
  const int threshold = rank_of(rule.level.empty() ? "error" : rule.level);
  std::uint64_t counted_results = 0;
  for (int rank = threshold; rank <= 3; ++rank) {
    counted_results += counts[static_cast<std::size_t>(rank)];
  }
  ExpectationOutcome outcome;
  outcome.pass = static_cast<double>(counted_results) <= rule.max_results.value_or(0);
  outcome.value = counted(counts[3], "error") + ", " + counted(counts[2], "warning");
  if (counts[1] > 0 || threshold == 1) {
    outcome.value += ", " + counted(counts[1], "note");
  }
  return outcome;
}

} // namespace llmchecklist::detail
