#pragma once
/// What backs a check beyond a person's word: its receipts (the files it rests on, by blob id)
/// and its expectations (rules over result files), judged against the files of the version the
/// state was read from (State::current_files).
///
///     for (const ReceiptState& receipt : receipts_of(state, *entry)) {
///       if (receipt.changed) { /* receipt.blob -> receipt.current, or gone */ }
///     }
///     is_backed(state, item); // done, and current evidence or a passing check behind it

#include <string>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// One receipt against the file as it is now.
struct ReceiptState
{
  std::string path;
  /// The blob id recorded at the check.
  std::string blob;
  /// The file's blob id now; empty when the file is gone (deleted or renamed) or unknown.
  std::string current;
  /// The file differs from what was signed, or is gone. False while the files are unknown.
  bool changed = false;
  bool gone = false;
};

/// The entry's receipts against `state.current_files`, in the order recorded.
std::vector<ReceiptState> receipts_of(const State& state, const Entry& entry);

/// Whether any of the entry's receipts changed (receipts_of()).
bool evidence_changed(const State& state, const Entry& entry);

/// Where one expectation stands.
enum class ExpectationState
{
  /// Never read, or read from other content than the file has now: `verify` reads it again.
  not_run,
  pass,
  fail,
};

/// The expectation's recorded result, when it was read from the content the file has now (or
/// the files are unknown); not_run otherwise.
ExpectationState expectation_state(const State& state, const Expectation& expectation);

/// Whether the item is done and backed: every receipt current (at least one recorded), a
/// passing current expectation, or a passing verify command.
bool is_backed(const State& state, const Item& item);

} // namespace llmchecklist
