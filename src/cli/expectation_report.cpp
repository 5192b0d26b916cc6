#include "expectation_report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "llmchecklist/backing.hpp"
#include "llmchecklist/state_diff.hpp"
#include "llmchecklist/state_file.hpp"
#include "output.hpp"
#include "render.hpp"
#include "terminal.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::cli {
namespace {

WorkTreeFiles work_tree_of(const Project& project)
{
  return WorkTreeFiles(
      default_state_directory(fs::absolute(project.state_path).parent_path()).string());
}

void print_receipts(const Context& context, const Project& project,
                    const std::vector<std::size_t>& items)
{
  for (const std::size_t i : items) {
    const Item& item = project.checklist.items()[i];
    const Entry* entry = project.state.find(item.id);
    if (entry == nullptr || status_of(project.state, item) == Status::todo) {
      continue;
    }
    for (const ReceiptState& receipt : receipts_of(project.state, *entry)) {
      if (!receipt.changed) {
        continue;
      }
      const std::string what =
          receipt.gone ? "is gone (deleted or renamed)"
                       : fmt::format("changed: git diff {} {}", receipt.blob.substr(0, 7),
                                     receipt.current.substr(0, 7));
      print_out(fitted_lines(
          context.out(),
          fmt::format("{} {}  {} {}", item.number, item.id, printable(receipt.path), what), 8,
          "changed", Color::yellow));
    }
  }
}

} // namespace

std::vector<std::size_t> items_with_expectations(const Project& project,
                                                 const std::vector<std::size_t>& items)
{
  std::vector<std::size_t> out;
  for (const std::size_t i : items) {
    const Entry* entry = project.state.find(project.checklist.items()[i].id);
    if (entry != nullptr && !entry->expectations.empty()) {
      out.push_back(i);
    }
  }
  return out;
}

std::vector<ExpectationCheck> read_expectations(const Project& project,
                                                const std::vector<std::size_t>& items)
{
  return check_expectations(project.checklist, project.state, work_tree_of(project), items);
}

void print_expectation_report(const Context& context, const Project& project,
                              const std::vector<ExpectationCheck>& checks,
                              const std::vector<std::size_t>& items)
{
  std::size_t passed = 0;
  for (const ExpectationCheck& check : checks) {
    const Item& item = project.checklist.items()[check.item];
    passed += check.pass ? 1 : 0;
    std::string line = fmt::format("{} {}  {}: {}", item.number, item.id,
                                   describe_expectation(check.rule), printable(check.value));
    print_out(fitted_lines(context.out(), line, 8,
                           check.pass    ? "pass   "
                           : check.error ? "ERROR  "
                                         : "FAIL   ",
                           check.pass ? Color::green : Color::red));
  }
  print_receipts(context, project, items);
  if (!checks.empty()) {
    print_err(fmt::format("verify: {} of {} expectation{} passed\n", passed, checks.size(),
                          checks.size() == 1 ? "" : "s"));
  }
}

void record_expectation_checks(const Context& context, const Project& project,
                               const std::vector<ExpectationCheck>& checks)
{
  const std::string at = context.now();
  update_project(
      project.state_path,
      [&](Project& current) {
        for (const ExpectationCheck& check : checks) {
          const std::string& id = project.checklist.items()[check.item].id;
          const std::size_t index = current.checklist.find_item(id);
          const Entry* entry = current.state.find(id);
          if (index == Checklist::npos || entry == nullptr) {
            continue;
          }
          const auto& list = entry->expectations;
          const auto it = std::find_if(list.begin(), list.end(),
                                       [&](const Expectation& e) { return e.rule == check.rule; });
          if (it != list.end()) {
            record_expectation(current.state, current.checklist.items()[index],
                               static_cast<std::size_t>(it - list.begin()), check.pass, check.value,
                               check.blob, at);
          }
        }
      },
      context.settings());
}

} // namespace llmchecklist::cli
