#pragma once
// The expectation readers, one per ExpectationReader; evaluate_expectation (expectation.cpp)
// checks the rule and the text's size and encoding, then calls one of them.

#include <string>
#include <string_view>

#include "llmchecklist/expectation.hpp"

namespace llmchecklist::detail {

/// JUnit XML: counts from the testsuite elements (junit_reader.cpp).
ExpectationOutcome read_junit(const ExpectationRule& rule, std::string_view text,
                              const std::string& shown);
/// promptfoo's `eval -o results.json`: results.stats (promptfoo_reader.cpp).
ExpectationOutcome read_promptfoo(const ExpectationRule& rule, std::string_view text,
                                  const std::string& shown);
/// An Inspect AI eval log: status and a named metric (inspect_reader.cpp).
ExpectationOutcome read_inspect(const ExpectationRule& rule, std::string_view text,
                                const std::string& shown);
/// SARIF 2.1.0: results at or above a level (sarif_reader.cpp).
ExpectationOutcome read_sarif(const ExpectationRule& rule, std::string_view text,
                              const std::string& shown);
/// Any JSON and a jq condition, run in a forked child (jq_reader.cpp).
ExpectationOutcome read_json_jq(const ExpectationRule& rule, std::string_view text,
                                const std::string& shown);

} // namespace llmchecklist::detail
