#include "llmchecklist/standing.hpp"

#include "llmchecklist/enum_names.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "llmchecklist/utc.hpp"

namespace llmchecklist {
namespace {

void append_backing_findings(std::vector<Finding>& findings, const Standing& standing,
                             const Item& item, const std::string& label)
{
  if (standing.evidence_changed) {
    std::string message = item.title;
    for (const ReceiptState& receipt : standing.receipts) {
      if (receipt.gone) {
        message += fmt::format("\n{} is gone (deleted or renamed) since the check", receipt.path);
      } else if (receipt.changed) {
        message += fmt::format("\n{} changed since the check: git diff {} {}", receipt.path,
                               receipt.blob.substr(0, 7), receipt.current.substr(0, 7));
      }
    }
    message += "\nReview it, then check the item again to sign the current content.";
    findings.push_back({FindingKind::evidence_changed, FindingLevel::note,
                        fmt::format("Evidence changed: {}", label), std::move(message)});
  }
  for (const auto& [expectation, state] : standing.expectations) {
    if (state == ExpectationState::fail) {
      findings.push_back({FindingKind::expectation_failing, FindingLevel::error,
                          fmt::format("Expectation failing: {}", label),
                          fmt::format("{}\n{} ({}) read: {}; expected {}", item.title,
                                      expectation.rule.file, to_string(expectation.rule.reader),
                                      expectation.value, describe_condition(expectation.rule))});
    }
  }
}

std::vector<Finding> findings_of(const Standing& standing, const Item& item, const Entry* entry)
{
  std::vector<Finding> findings;
  const std::string label = fmt::format("{}. {}", item.number, item.id);
  const FindingLevel open_level = standing.required ? FindingLevel::error : FindingLevel::warning;
  if (standing.expired) {
    findings.push_back({FindingKind::waiver_expired, open_level,
                        fmt::format("Waiver expired: {}", label),
                        fmt::format("{}\nNot applicable until {} ({}); it is open again. Done "
                                    "when: {}",
                                    item.title, standing.until, entry->note, item.done_when)});
  } else if (standing.status == Status::todo) {
    findings.push_back(
        {FindingKind::open, open_level,
         fmt::format("{} item open: {}", standing.required ? "Required" : "Recommended", label),
         fmt::format("{}\nDone when: {}", item.title, item.done_when)});
  }
  if (standing.verify == VerifyState::fail) {
    findings.push_back(
        {FindingKind::verify_failing, FindingLevel::error,
         fmt::format("Verify command failing: {}", label),
         fmt::format("{}\nThe command failed when last run: {}", item.title, standing.command)});
  }
  if (standing.stale) {
    findings.push_back(
        {FindingKind::stale, FindingLevel::note, fmt::format("Stale check: {}", label),
         fmt::format("{}\nChecked against revision {}; the item is at revision {} "
                     "now: check it again. Done when: {}",
                     item.title, standing.checked_revision, item.revision, item.done_when)});
  }
  if (!standing.expired && standing.days_left && *standing.days_left <= k_waiver_warning_days) {
    findings.push_back(
        {FindingKind::waiver_expiring, FindingLevel::warning,
         fmt::format("Waiver expires: {}", label),
         fmt::format("{}\nNot applicable until {} ({} day{} left): {}", item.title, standing.until,
                     *standing.days_left, *standing.days_left == 1 ? "" : "s", entry->note)});
  }
  append_backing_findings(findings, standing, item, label);
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return static_cast<int>(a.level) < static_cast<int>(b.level);
  });
  return findings;
}

} // namespace

std::string Finding::one_line() const
{
  std::string line = title + ": ";
  for (const char c : message) {
    line += c == '\n' ? std::string(". ") : std::string(1, c);
  }
  return line;
}

std::string_view to_string(FindingLevel level)
{
  static constexpr std::string_view k_names[] = {"error", "warning", "note"};
  return name_of(level, k_names);
}

std::string_view to_string(FindingKind kind)
{
  static constexpr std::string_view k_names[] = {"open",
                                                 "waiver-expired",
                                                 "verify-failing",
                                                 "stale",
                                                 "waiver-expiring",
                                                 "evidence-changed",
                                                 "expectation-failing"};
  return name_of(kind, k_names);
}

Standing standing_of(const State& state, const Item& item)
{
  Standing standing;
  const Entry* entry = state.find(item.id);
  standing.recorded = entry != nullptr ? entry->status : Status::todo;
  standing.status = status_of(state, item);
  standing.required = item.severity == Severity::required;
  standing.stale = is_stale(state, item);
  standing.checked_revision = entry != nullptr ? entry->revision : 0;
  standing.expired = is_expired(state, item);
  if (entry != nullptr && entry->status == Status::na && !entry->until.empty()) {
    standing.until = entry->until;
    if (!state.as_of.empty()) {
      standing.days_left = days_between(state.as_of, entry->until);
    }
  }
  standing.evidence = evidence_of(state, item);
  standing.command = std::string(verify_command(state, item));
  if (!standing.command.empty()) {
    const std::string_view result = entry != nullptr ? entry->verify_result : std::string_view();
    standing.verify = result == "pass"   ? VerifyState::pass
                      : result == "fail" ? VerifyState::fail
                                         : VerifyState::not_run;
  }
  if (entry != nullptr) {
    standing.receipts = receipts_of(state, *entry);
    standing.evidence_changed = standing.status != Status::todo && evidence_changed(state, *entry);
    for (const Expectation& expectation : entry->expectations) {
      standing.expectations.emplace_back(expectation, expectation_state(state, expectation));
    }
  }
  standing.backed = is_backed(state, item);
  standing.files_known = state.files_known;
  standing.findings = findings_of(standing, item, entry);
  return standing;
}

} // namespace llmchecklist
