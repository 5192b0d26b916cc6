#include "backing_lines.hpp"

#include <fmt/format.h>

#include "terminal.hpp"

namespace llmchecklist::cli {
namespace {

std::string_view state_name(ExpectationState state)
{
  switch (state) {
  case ExpectationState::pass:
    return "pass";
  case ExpectationState::fail:
    return "FAIL";
  case ExpectationState::not_run:
    break;
  }
  return "not read for the file as it is now (llmchecklist verify --no-exec --update)";
}

} // namespace

std::vector<std::string> backing_lines(const Standing& standing)
{
  std::vector<std::string> lines;
  for (const ReceiptState& receipt : standing.receipts) {
    const std::string signed_id = receipt.blob.substr(0, 12);
    std::string line = fmt::format("Evidence: {} ({})", printable(receipt.path), signed_id);
    if (receipt.gone) {
      line += " is gone (deleted or renamed) since the check";
    } else if (receipt.changed) {
      line += fmt::format(" changed since the check: git diff {} {}", signed_id,
                          receipt.current.substr(0, 12));
    } else if (!receipt.current.empty()) {
      line += ", as signed";
    }
    lines.push_back(std::move(line));
  }
  for (const auto& [expectation, state] : standing.expectations) {
    std::string line = fmt::format("Expect: {} ({}) {}: {}", printable(expectation.rule.file),
                                   to_string(expectation.rule.reader),
                                   printable(describe_condition(expectation.rule)),
                                   state_name(state));
    if (state != ExpectationState::not_run && !expectation.value.empty()) {
      line += fmt::format(", {} ({})", printable(expectation.value), expectation.at);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

} // namespace llmchecklist::cli
