// An Inspect AI eval log in JSON (`inspect eval ... --log-format json`): its status, and in
// results.scores[] each scorer's metrics ({"accuracy": {"name": "accuracy", "value": 0.91}}).

#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "evidence/json_input.hpp"
#include "evidence/readers.hpp"
#include "evidence/result_text.hpp"
#include "llmchecklist/error.hpp"

namespace llmchecklist::detail {
namespace {

struct Metric
{
  std::string score;
  std::string scorer;
  std::string name;
  simdjson::dom::element value;

  std::string qualified() const { return shown_value(score + "/" + name); }
};

std::string text_field(simdjson::dom::element element, std::string_view key)
{
  std::string_view text;
  if (element.is_object() && element[key].get(text) == simdjson::SUCCESS) {
    return std::string(text);
  }
  return {};
}

std::vector<Metric> metrics_of(simdjson::dom::element root)
{
  std::vector<Metric> metrics;
  simdjson::dom::array scores;
  if (root["results"]["scores"].get(scores) != simdjson::SUCCESS) {
    return metrics;
  }
  for (const simdjson::dom::element score : scores) {
    simdjson::dom::object named;
    if (!score.is_object() || score["metrics"].get(named) != simdjson::SUCCESS) {
      continue;
    }
    for (const simdjson::dom::key_value_pair field : named) {
      simdjson::dom::element value;
      if (!field.value.is_object() || field.value["value"].get(value) != simdjson::SUCCESS) {
        continue;
      }
      metrics.push_back(Metric{text_field(score, "name"), text_field(score, "scorer"),
                               std::string(field.key), value});
    }
  }
  return metrics;
}

std::string list(const std::vector<Metric>& metrics)
{
  std::string out;
  for (const Metric& metric : metrics) {
    out += out.empty() ? "" : ", ";
    out += metric.qualified();
  }
  return out.empty() ? "none" : out;
}

} // namespace

ExpectationOutcome read_inspect(const ExpectationRule& rule, std::string_view text,
                                const std::string& shown)
{
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  parse_result_json(parser, text, shown, root);
  std::string_view status;
  if (!root.is_object() || root["status"].get(status) != simdjson::SUCCESS) {
    throw DataError(SourceLocation{shown, 0, 0},
                    "no status: not an Inspect AI eval log in JSON (--log-format json)");
  }
  ExpectationOutcome outcome;
  outcome.value = "status " + shown_value(status, 40);
  if (status != "success" || rule.score.empty()) {
    outcome.pass = status == "success";
    return outcome;
  }
  // "accuracy" names a metric of any scorer; "match/accuracy" the one of the scorer whose
  // name (or, failing that, registry name) is "match".
  std::string_view qualifier;
  std::string_view wanted = rule.score;
  if (const std::size_t slash = wanted.rfind('/'); slash != std::string_view::npos) {
    qualifier = wanted.substr(0, slash);
    wanted = wanted.substr(slash + 1);
  }
  const std::vector<Metric> metrics = metrics_of(root);
  std::vector<Metric> found;
  for (const Metric& metric : metrics) {
    if (metric.name == wanted && (qualifier.empty() || metric.score == qualifier)) {
      found.push_back(metric);
    }
  }
  if (found.empty() && !qualifier.empty()) {
    for (const Metric& metric : metrics) {
      if (metric.name == wanted && metric.scorer == qualifier) {
        found.push_back(metric);
      }
    }
  }
  if (found.empty()) {
    throw DataError(SourceLocation{shown, 0, 0},
                    fmt::format("no score '{}' in the log; it has: {}", shown_value(rule.score),
                                list(metrics)));
  }
  if (found.size() > 1) {
    throw UsageError(fmt::format("the score '{}' is in {} scorers of {}: name one of {}",
                                 shown_value(rule.score), found.size(), shown, list(found)));
  }
  double value = 0;
  if (found.front().value.get_double().get(value) != simdjson::SUCCESS) {
    throw DataError(SourceLocation{shown, 0, 0},
                    fmt::format("the score {} has no numeric value", found.front().qualified()));
  }
  outcome.pass = value >= *rule.min_score;
  outcome.value = fmt::format("{} {}", shown_value(rule.score, 60), format_number(value));
  return outcome;
}

} // namespace llmchecklist::detail
