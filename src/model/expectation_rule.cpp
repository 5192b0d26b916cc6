#include "llmchecklist/expectation_rule.hpp"

#include <cmath>

#include <fmt/format.h>

#include "llmchecklist/entry_rules.hpp"
#include "llmchecklist/enum_names.hpp"
#include "llmchecklist/error.hpp"

namespace llmchecklist {
namespace {

constexpr std::string_view k_reader_names[] = {"junit", "promptfoo", "inspect", "sarif", "json"};

// The keys each reader takes, for the message that names the ones it does not.
std::string_view keys_of(ExpectationReader reader)
{
  switch (reader) {
  case ExpectationReader::junit:
  case ExpectationReader::promptfoo:
    return "--max-failures or --min-pass-rate";
  case ExpectationReader::inspect:
    return "--score with --min-score (or neither: the log's status must be success)";
  case ExpectationReader::sarif:
    return "--level and --max-results";
  case ExpectationReader::json:
    return "--jq";
  }
  return "";
}

} // namespace

std::string_view to_string(ExpectationReader reader)
{
  return name_of(reader, k_reader_names);
}

std::optional<ExpectationReader> parse_expectation_reader(std::string_view text)
{
  return enum_named<ExpectationReader>(text, k_reader_names);
}

std::string describe_condition(const ExpectationRule& rule)
{
  std::string out;
  const auto add = [&](const std::string& part) {
    out += out.empty() ? "" : ", ";
    out += part;
  };
  switch (rule.reader) {
  case ExpectationReader::junit:
  case ExpectationReader::promptfoo:
    if (rule.max_failures) {
      add(fmt::format("max_failures = {}", *rule.max_failures));
    }
    if (rule.min_pass_rate) {
      add(fmt::format("min_pass_rate = {}", *rule.min_pass_rate));
    }
    break;
  case ExpectationReader::inspect:
    add(rule.score.empty() ? std::string("status success")
                           : fmt::format("{} >= {}", rule.score, rule.min_score.value_or(0)));
    break;
  case ExpectationReader::sarif: {
    // The levels counted, from the rule's own up.
    const std::string levels = rule.level == "note"      ? "note, warning or error"
                               : rule.level == "warning" ? "warning or error"
                                                         : "error";
    const double most = rule.max_results.value_or(0);
    add(most == 0 ? fmt::format("no {} results", levels)
                  : fmt::format("at most {} {} results", most, levels));
    break;
  }
  case ExpectationReader::json:
    add("jq: " + rule.jq);
    break;
  }
  return out.empty() ? "no condition" : out;
}

void require_repository_path(std::string_view path, std::string_view what)
{
  require_one_line(path, what);
  if (path.empty() || path.front() == '/' || path.back() == '/' ||
      path.find('\\') != std::string_view::npos) {
    throw UsageError(fmt::format("{} must be a path relative to the top of the repository, "
                                 "'/'-separated, got \"{}\"",
                                 what, path));
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") {
      throw UsageError(fmt::format(
          "{} leads outside the repository, or has '.', '..' or empty parts: \"{}\"", what, path));
    }
    start = end + 1;
  }
}

void require_fits_reader(const ExpectationRule& rule, std::string_view what)
{
  require_repository_path(rule.file, what);
  const auto refuse = [&](std::string_view why) {
    throw UsageError(fmt::format("{} ({} reader): {}; it takes {}", what, to_string(rule.reader),
                                 why, keys_of(rule.reader)));
  };
  const bool counts =
      rule.reader == ExpectationReader::junit || rule.reader == ExpectationReader::promptfoo;
  if (!counts && (rule.max_failures || rule.min_pass_rate)) {
    refuse("max_failures and min_pass_rate are for the junit and promptfoo readers");
  }
  if (counts && !rule.max_failures && !rule.min_pass_rate) {
    refuse("it needs a condition");
  }
  // Counts are whole numbers; a fraction would read as a condition that can never be met.
  const auto whole = [](double number) {
    return number >= 0 && number < 1e15 && std::floor(number) == number;
  };
  if (rule.max_failures && !whole(*rule.max_failures)) {
    refuse("max_failures must be a whole number of tests, 0 or more");
  }
  if (rule.min_pass_rate && !(*rule.min_pass_rate >= 0 && *rule.min_pass_rate <= 100)) {
    refuse("min_pass_rate must be a percentage from 0 to 100");
  }
  const bool inspect = rule.reader == ExpectationReader::inspect;
  if (!inspect && (!rule.score.empty() || rule.min_score)) {
    refuse("score and min_score are for the inspect reader");
  }
  if (inspect && rule.score.empty() != !rule.min_score) {
    refuse("score and min_score go together");
  }
  if (!rule.score.empty()) {
    require_one_line(rule.score, what);
  }
  const bool sarif = rule.reader == ExpectationReader::sarif;
  if (!sarif && (!rule.level.empty() || rule.max_results)) {
    refuse("level and max_results are for the sarif reader");
  }
  if (!rule.level.empty() && rule.level != "error" && rule.level != "warning" &&
      rule.level != "note") {
    refuse(fmt::format("level must be error, warning or note, not \"{}\"", rule.level));
  }
  if (rule.max_results && !whole(*rule.max_results)) {
    refuse("max_results must be a whole number of results, 0 or more");
  }
  if (rule.min_score && !std::isfinite(*rule.min_score)) {
    refuse("min_score must be a number");
  }
  const bool json = rule.reader == ExpectationReader::json;
  if (!json && !rule.jq.empty()) {
    refuse("a jq program is for the json reader");
  }
  if (json && rule.jq.find_first_not_of(" \t") == std::string::npos) {
    refuse("it needs a jq program");
  }
  if (!rule.jq.empty()) {
    require_one_line(rule.jq, what);
  }
}

} // namespace llmchecklist
