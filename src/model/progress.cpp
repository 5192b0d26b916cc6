#include "llmchecklist/progress.hpp"

#include "llmchecklist/backing.hpp"
#include "llmchecklist/enum_names.hpp"

#include <algorithm>

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
  backed += other.backed;
  evidence_changed += other.evidence_changed;
  expectations_failing += other.expectations_failing;
  return *this;
}

namespace {

// Each question about an item is answered from its entry, looked up once: compute_progress()
// asks several per item, and at 100,000 items the lookups were most of its time.

bool expired(const State& state, const Entry* entry)
{
  // Dates in ISO form compare as strings; the decision holds through its `until` day.
  return entry != nullptr && entry->status == Status::na && !entry->until.empty() &&
         !state.as_of.empty() && entry->until < state.as_of;
}

Status status(const State& state, const Entry* entry)
{
  return entry == nullptr || expired(state, entry) ? Status::todo : entry->status;
}

bool stale(const State& state, const Item& item, const Entry* entry)
{
  return entry != nullptr && status(state, entry) != Status::todo && entry->revision > 0 &&
         entry->revision < item.revision;
}

std::string_view command(const Item& item, const Entry* entry)
{
  return entry != nullptr && !entry->verify.empty() ? std::string_view(entry->verify)
                                                    : std::string_view(item.verify);
}

Evidence evidence(const Item& item, const Entry* entry)
{
  if (entry == nullptr || entry->status != Status::done) {
    return Evidence::none;
  }
  if (entry->verify_result == "fail") {
    return Evidence::failing;
  }
  if (entry->verify_result == "pass" && !command(item, entry).empty()) {
    return Evidence::automated;
  }
  return Evidence::manual;
}

// Receipts and expectations are looked at only for the entries that have them, so that a
// state without any pays nothing for them.
void count_backing(Counts& counts, const State& state, const Item& item, const Entry* entry)
{
  if (entry == nullptr) {
    return;
  }
  const Status now = status(state, entry);
  if (entry->evidence.empty() && entry->expectations.empty()) {
    counts.backed += now == Status::done && evidence(item, entry) == Evidence::automated ? 1 : 0;
    return;
  }
  counts.backed += is_backed(state, item) ? 1 : 0;
  counts.evidence_changed += now != Status::todo && evidence_changed(state, *entry) ? 1 : 0;
  counts.expectations_failing +=
      std::any_of(entry->expectations.begin(), entry->expectations.end(),
                  [&](const Expectation& expectation) {
                    return expectation_state(state, expectation) == ExpectationState::fail;
                  })
          ? 1
          : 0;
}

} // namespace

bool is_expired(const State& state, const Item& item)
{
  return expired(state, state.find(item.id));
}

Status status_of(const State& state, const Item& item)
{
  return status(state, state.find(item.id));
}

bool is_stale(const State& state, const Item& item)
{
  return stale(state, item, state.find(item.id));
}

std::string_view to_string(Evidence evidence)
{
  static constexpr std::string_view k_names[] = {"none", "manual", "automated", "failing"};
  return name_of(evidence, k_names);
}

Evidence evidence_of(const State& state, const Item& item)
{
  return evidence(item, state.find(item.id));
}

std::string_view verify_command(const State& state, const Item& item)
{
  return command(item, state.find(item.id));
}

Progress compute_progress(const Checklist& checklist, const State& state)
{
  Progress progress;
  progress.phases.resize(checklist.phases().size());
  for (const Item& item : checklist.items()) {
    const Entry* entry = state.find(item.id);
    Counts& counts = progress.phases[item.phase];
    ++counts.total;
    counts.stale += stale(state, item, entry) ? 1 : 0;
    counts.expired += expired(state, entry) ? 1 : 0;
    count_backing(counts, state, item, entry);
    switch (status(state, entry)) {
    case Status::done:
      ++counts.done;
      counts.automated += evidence(item, entry) == Evidence::automated ? 1 : 0;
      counts.verify_failing += evidence(item, entry) == Evidence::failing ? 1 : 0;
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

Counts counts_of(const Progress& progress, std::optional<std::size_t> phase)
{
  return phase ? progress.phases.at(*phase) : progress.overall;
}

std::optional<std::size_t> weakest_phase(const Checklist& checklist, const Progress& progress)
{
  std::optional<std::size_t> weakest;
  for (std::size_t p = 0; p < progress.phases.size(); ++p) {
    const Counts& counts = progress.phases[p];
    if (counts.total == counts.na) {
      continue;
    }
    if (!weakest) {
      weakest = p;
      continue;
    }
    const double percent = counts.percent();
    const double lowest = progress.phases[*weakest].percent();
    // An optional phase is named only when it is strictly the weakest: it may be skipped.
    if (percent < lowest || (percent == lowest && checklist.phases()[*weakest].optional &&
                             !checklist.phases()[p].optional)) {
      weakest = p;
    }
  }
  return weakest;
}

} // namespace llmchecklist
