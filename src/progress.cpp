#include "llmchecklist/progress.hpp"

namespace llmchecklist {

double Counts::percent() const
{
  const std::size_t applicable = total - na;
  return applicable == 0 ? 100.0
                         : 100.0 * static_cast<double>(done) / static_cast<double>(applicable);
}

int Counts::percent_floor() const
{
  // Integer arithmetic, so that 99.99 never shows as 100.
  const std::size_t applicable = total - na;
  return applicable == 0 ? 100 : static_cast<int>(done * 100 / applicable);
}

Counts& Counts::operator+=(const Counts& other)
{
  done += other.done;
  na += other.na;
  todo += other.todo;
  total += other.total;
  required_todo += other.required_todo;
  stale += other.stale;
  expired += other.expired;
  automated += other.automated;
  verify_failing += other.verify_failing;
  return *this;
}

bool is_expired(const State& state, const Item& item)
{
  const Entry* entry = state.find(item.id);
  // Dates in ISO form compare as strings; the decision holds through its `until` day.
  return entry != nullptr && entry->status == Status::na && !entry->until.empty() &&
         !state.as_of.empty() && entry->until < state.as_of;
}

Status status_of(const State& state, const Item& item)
{
  const Entry* entry = state.find(item.id);
  if (entry == nullptr || is_expired(state, item)) {
    return Status::todo;
  }
  return entry->status;
}

bool is_stale(const State& state, const Item& item)
{
  const Entry* entry = state.find(item.id);
  return entry != nullptr && status_of(state, item) != Status::todo && entry->revision > 0 &&
         entry->revision < item.revision;
}

std::string_view to_string(Evidence evidence)
{
  switch (evidence) {
  case Evidence::manual:
    return "manual";
  case Evidence::automated:
    return "automated";
  case Evidence::failing:
    return "failing";
  case Evidence::none:
    break;
  }
  return "none";
}

Evidence evidence_of(const State& state, const Item& item)
{
  const Entry* entry = state.find(item.id);
  if (entry == nullptr || entry->status != Status::done) {
    return Evidence::none;
  }
  if (entry->verify_result == "fail") {
    return Evidence::failing;
  }
  if (entry->verify_result == "pass" && !verify_command(state, item).empty()) {
    return Evidence::automated;
  }
  return Evidence::manual;
}

std::string_view verify_command(const State& state, const Item& item)
{
  const Entry* entry = state.find(item.id);
  if (entry != nullptr && !entry->verify.empty()) {
    return entry->verify;
  }
  return item.verify;
}

Progress compute_progress(const Checklist& checklist, const State& state)
{
  Progress progress;
  progress.phases.resize(checklist.phases().size());
  for (const Item& item : checklist.items()) {
    Counts& counts = progress.phases[item.phase];
    ++counts.total;
    counts.stale += is_stale(state, item) ? 1 : 0;
    counts.expired += is_expired(state, item) ? 1 : 0;
    switch (status_of(state, item)) {
    case Status::done:
      ++counts.done;
      counts.automated += evidence_of(state, item) == Evidence::automated ? 1 : 0;
      counts.verify_failing += evidence_of(state, item) == Evidence::failing ? 1 : 0;
      break;
    case Status::na:
      ++counts.na;
      break;
    case Status::todo:
      ++counts.todo;
      counts.required_todo += item.severity == Severity::required ? 1 : 0;
      break;
    }
  }
  for (const Counts& counts : progress.phases) {
    progress.overall += counts;
  }
  return progress;
}

} // namespace llmchecklist
