// The expectation's names, its condition in words, and the one entry point: the rule is
// checked against its reader, the text against the size and encoding every reader needs, and
// then the reader judges it.

#include "llmchecklist/expectation.hpp"

#include <utility>

#include <fmt/format.h>

#include "evidence/readers.hpp"
#include "evidence/result_text.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/expectation_rule.hpp"

namespace llmchecklist {
namespace {

} // namespace

ExpectationOutcome evaluate_expectation(const ExpectationRule& rule, std::string_view text,
                                        const std::string& shown)
{
  require_fits_reader(rule, "the expectation");
  // Before any parser sees it: a reader's cost grows with the file, and the limit is the
  // promise `verify --no-exec` makes about what a pull request can make it read.
  if (text.size() > k_max_result_file_size) {
    throw DataError(SourceLocation{shown, 0, 0},
                    fmt::format("the file has {} bytes; an expectation reads at most {} MiB",
                                text.size(), k_max_result_file_size >> 20));
  }
  detail::refuse_invalid_utf8(text, shown);
  switch (rule.reader) {
  case ExpectationReader::junit:
    return detail::read_junit(rule, text, shown);
  case ExpectationReader::promptfoo:
    return detail::read_promptfoo(rule, text, shown);
  case ExpectationReader::inspect:
    return detail::read_inspect(rule, text, shown);
  case ExpectationReader::sarif:
    return detail::read_sarif(rule, text, shown);
  case ExpectationReader::json:
    return detail::read_json_jq(rule, text, shown);
  }
  throw UsageError("unknown expectation reader");
}

} // namespace llmchecklist
