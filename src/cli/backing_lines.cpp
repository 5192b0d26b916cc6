#include "backing_lines.hpp"

#include <fmt/format.h>

#include "terminal.hpp"

namespace llmchecklist::cli {
namespace {

std::string_view state_name(const Expectation& expectation, ExpectationState state)
{
  if (expectation.result.empty()) {
    return "not read yet (llmchecklist verify --no-exec --update reads it)";
  }
  switch (state) {
  case ExpectationState::pass:
    return "pass";
  case ExpectationState::fail:
    return "FAIL";
  case ExpectationState::not_run:
    break;
  }
  return "read from other content than the file has now (llmchecklist verify --no-exec "
         "--update reads it again)";
}

} // namespace

std::vector<std::string> backing_lines(const Standing& standing)
{
  std::vector<std::string> lines;
  if (standing.evidence_changed) {
    lines.push_back("Backing: evidence changed since the check; review it, then check the item "
                    "again to sign the current content");
  }
  for (const ReceiptState& receipt : standing.receipts) {
    const std::string signed_id = receipt.blob.substr(0, 7);
    std::string line = fmt::format("Evidence: {}", printable(receipt.path));
    if (receipt.gone) {
      line +=
          fmt::format(" is gone (deleted or renamed): git show {} has what was signed", signed_id);
    } else if (receipt.changed) {
      line += fmt::format(" changed: git diff {} {}", signed_id, receipt.current.substr(0, 7));
    } else {
      line += fmt::format(" ({}){}", signed_id, receipt.current.empty() ? "" : ", as signed");
    }
    lines.push_back(std::move(line));
  }
  for (const auto& [expectation, state] : standing.expectations) {
    std::string line = fmt::format("Expect: {} ({}) {}: {}", printable(expectation.rule.file),
                                   to_string(expectation.rule.reader),
                                   printable(describe_condition(expectation.rule)),
                                   state_name(expectation, state));
    if (state != ExpectationState::not_run && !expectation.value.empty()) {
      line += fmt::format(", {} ({})", printable(expectation.value), expectation.at);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

} // namespace llmchecklist::cli
