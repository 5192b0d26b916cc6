#include "exports/json_counts.hpp"

namespace llmchecklist::detail {

void write_counts(JsonWriter& json, const Counts& counts)
{
  json.key("done").value(counts.done);
  json.key("na").value(counts.na);
  json.key("todo").value(counts.todo);
  json.key("total").value(counts.total);
  json.key("percent").value(counts.percent());
  json.key("required_todo").value(counts.required_todo);
  json.key("automated").value(counts.automated);
  json.key("verify_failing").value(counts.verify_failing);
  json.key("stale").value(counts.stale);
  json.key("expired").value(counts.expired);
  json.key("backed").value(counts.backed);
  json.key("evidence_changed").value(counts.evidence_changed);
  json.key("expectations_failing").value(counts.expectations_failing);
}

} // namespace llmchecklist::detail
