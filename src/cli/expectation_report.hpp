#pragma once
// `verify`'s part for expectations and receipts: reading the result files (nothing is run),
// printing what was found, and recording it with --update.

#include <cstddef>
#include <vector>

#include "context.hpp"
#include "llmchecklist/expectation_check.hpp"
#include "llmchecklist/project.hpp"

namespace llmchecklist::cli {

/// Reads the expectations of the items at `items` against the work tree of `project`.
std::vector<ExpectationCheck> read_expectations(const Project& project,
                                                const std::vector<std::size_t>& items);

/// "pass   11 held-out-set  evals/junit.xml (junit): 40 of 40 passed" per expectation, then a
/// line per changed receipt of the items ("changed 2 cost-at-scale  docs/a.md: git diff A B").
/// A summary goes to stderr.
void print_expectation_report(const Context& context, const Project& project,
                              const std::vector<ExpectationCheck>& checks,
                              const std::vector<std::size_t>& items);

/// Records each reading in the state file (under its lock, by item id and rule, so that a rule
/// changed meanwhile is left alone).
void record_expectation_checks(const Context& context, const Project& project,
                               const std::vector<ExpectationCheck>& checks);

/// The items, of those at `items`, with expectations.
std::vector<std::size_t> items_with_expectations(const Project& project,
                                                 const std::vector<std::size_t>& items);

} // namespace llmchecklist::cli
