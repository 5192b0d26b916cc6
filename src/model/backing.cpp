#include "llmchecklist/backing.hpp"

#include <algorithm>

#include "llmchecklist/progress.hpp"

namespace llmchecklist {
namespace {

// The blob id of `path` in the version read; nullptr when the files are unknown.
const std::string* current_blob(const State& state, const std::string& path)
{
  if (!state.files_known) {
    return nullptr;
  }
  static const std::string gone;
  const auto it = state.current_files.find(path);
  return it != state.current_files.end() ? &it->second : &gone;
}

} // namespace

std::vector<ReceiptState> receipts_of(const State& state, const Entry& entry)
{
  std::vector<ReceiptState> out;
  out.reserve(entry.evidence.size());
  for (const Receipt& receipt : entry.evidence) {
    ReceiptState one{receipt.path, receipt.blob, {}, false, false};
    if (const std::string* now = current_blob(state, receipt.path)) {
      one.current = *now;
      one.gone = now->empty();
      one.changed = *now != receipt.blob;
    }
    out.push_back(std::move(one));
  }
  return out;
}

bool evidence_changed(const State& state, const Entry& entry)
{
  const std::vector<ReceiptState> receipts = receipts_of(state, entry);
  return std::any_of(receipts.begin(), receipts.end(),
                     [](const ReceiptState& receipt) { return receipt.changed; });
}

ExpectationState expectation_state(const State& state, const Expectation& expectation)
{
  if (expectation.result.empty()) {
    return ExpectationState::not_run;
  }
  const std::string* now = current_blob(state, expectation.rule.file);
  if (now != nullptr && *now != expectation.blob) {
    return ExpectationState::not_run;
  }
  return expectation.result == "pass" ? ExpectationState::pass : ExpectationState::fail;
}

bool is_backed(const State& state, const Item& item)
{
  const Entry* entry = state.find(item.id);
  if (entry == nullptr || status_of(state, item) != Status::done) {
    return false;
  }
  if (state.files_known && !entry->evidence.empty() && !evidence_changed(state, *entry)) {
    return true;
  }
  const bool expectation_passes = std::any_of(
      entry->expectations.begin(), entry->expectations.end(), [&](const Expectation& expectation) {
        return expectation_state(state, expectation) == ExpectationState::pass;
      });
  return expectation_passes || evidence_of(state, item) == Evidence::automated;
}

} // namespace llmchecklist
