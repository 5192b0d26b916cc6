#include "llmchecklist/expectation_check.hpp"

#include <fmt/format.h>

#include "llmchecklist/entry_rules.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/expectation.hpp"
#include "llmchecklist/receipts.hpp"

namespace llmchecklist {
namespace {

void judge(ExpectationCheck& check, const ProjectFiles& files)
{
  const std::string shown = files.shown(check.rule.file);
  std::optional<std::string> text;
  try {
    text = files.read(check.rule.file);
  } catch (const Error& error) {
    check.error = true;
    check.value = error.what();
    return;
  }
  if (!text) {
    check.error = true;
    check.value = fmt::format("{}: no such file", shown);
    return;
  }
  check.blob = blob_id(*text);
  if (text->size() > k_max_result_file_size) {
    check.error = true;
    check.value = fmt::format("{}: {} bytes, more than the {} MiB a result file may have", shown,
                              text->size(), k_max_result_file_size >> 20);
    return;
  }
  try {
    const ExpectationOutcome outcome = evaluate_expectation(check.rule, *text, shown);
    check.pass = outcome.pass;
    check.value = outcome.value;
  } catch (const DataError& error) {
    check.error = true;
    check.value = located_message(error.location(), error.what());
  } catch (const Error& error) {
    check.error = true;
    check.value = fmt::format("{}: {}", shown, error.what());
  }
}

} // namespace

std::vector<ExpectationCheck> check_expectations(const Checklist& checklist, const State& state,
                                                 const ProjectFiles& files,
                                                 const std::vector<std::size_t>& items)
{
  std::vector<ExpectationCheck> checks;
  for (const std::size_t i : items) {
    const Entry* entry = state.find(checklist.items().at(i).id);
    if (entry == nullptr) {
      continue;
    }
    for (std::size_t e = 0; e < entry->expectations.size(); ++e) {
      ExpectationCheck check;
      check.item = i;
      check.index = e;
      check.rule = entry->expectations[e].rule;
      judge(check, files);
      // Whatever came from the file, or from an error about it, is one clean line.
      check.value = cleaned_line(check.value);
      checks.push_back(std::move(check));
    }
  }
  return checks;
}

} // namespace llmchecklist
