#include "formats/evidence_reader.hpp"

#include <fmt/format.h>

#include "llmchecklist/entry_rules.hpp"

namespace llmchecklist::detail {
namespace {

[[noreturn]] void fail(const toml::node& node, const std::string& path, const std::string& message)
{
  throw DataError(location_of(node.source(), path), message);
}

// Each element of an array of inline tables, with its table.
template <typename Read>
void for_each_table(const toml::node& node, std::string_view key, const std::string& path,
                    Read read)
{
  const toml::array* array = node.as_array();
  if (array == nullptr) {
    fail(node, path,
         fmt::format("expected an array of tables for '{}', found {}", key, describe(node.type())));
  }
  for (const toml::node& element : *array) {
    if (!element.is_table()) {
      fail(element, path,
           fmt::format("expected a table in '{}' (as in {{ {} }}), found {}", key,
                       key == "evidence" ? "path = \"...\", blob = \"...\""
                                         : "file = \"...\", reader = \"...\"",
                       describe(element.type())));
    }
    read(*element.as_table());
  }
}

std::string text_of(const toml::node& node, std::string_view key, const std::string& path)
{
  if (!node.is_string()) {
    fail(node, path,
         fmt::format("expected a string for '{}', found {}", key, describe(node.type())));
  }
  return node.as_string()->get();
}

double number_of(const toml::node& node, std::string_view key, const std::string& path)
{
  if (const auto* integer = node.as_integer()) {
    return static_cast<double>(integer->get());
  }
  if (const auto* floating = node.as_floating_point()) {
    return floating->get();
  }
  fail(node, path, fmt::format("expected a number for '{}', found {}", key, describe(node.type())));
}

void require_object_id(std::string_view blob)
{
  if ((blob.size() != 40 && blob.size() != 64) ||
      blob.find_first_not_of("0123456789abcdef") != std::string_view::npos) {
    throw UsageError(
        fmt::format("blob must be a git object id (40 or 64 hex digits), got \"{}\"", blob));
  }
}

// A rule made of what the state says is checked as `expect` checks a new one, so that a hand
// edit cannot store what the command line refuses.
template <typename Check>
void check_at(const toml::node& node, const std::string& path, Check check)
{
  try {
    check();
  } catch (const UsageError& error) {
    fail(node, path, error.what());
  }
}

void read_expectation_key(Expectation& out, std::string_view key, const toml::node& node,
                          const std::string& path)
{
  ExpectationRule& rule = out.rule;
  if (key == "file") {
    rule.file = text_of(node, key, path);
  } else if (key == "reader") {
    const std::string name = text_of(node, key, path);
    const auto reader = parse_expectation_reader(name);
    if (!reader) {
      fail(node, path,
           fmt::format("unknown reader \"{}\" (expected junit, promptfoo, inspect, sarif or json)",
                       name));
    }
    rule.reader = *reader;
  } else if (key == "max_failures" || key == "min_pass_rate" || key == "min_score" ||
             key == "max_results") {
    const double value = number_of(node, key, path);
    (key == "max_failures"    ? rule.max_failures
     : key == "min_pass_rate" ? rule.min_pass_rate
     : key == "min_score"     ? rule.min_score
                              : rule.max_results) = value;
  } else if (key == "score" || key == "level" || key == "jq" || key == "value") {
    (key == "score"   ? rule.score
     : key == "level" ? rule.level
     : key == "jq"    ? rule.jq
                      : out.value) = text_of(node, key, path);
  } else if (key == "result") {
    out.result = text_of(node, key, path);
    if (out.result != "pass" && out.result != "fail") {
      fail(node, path, fmt::format("result must be \"pass\" or \"fail\", got \"{}\"", out.result));
    }
  } else if (key == "blob") {
    out.blob = text_of(node, key, path);
  } else if (key == "at") {
    out.at = read_at(node, path);
  } else {
    fail(node, path,
         fmt::format("unknown key '{}' in an expectation (expected file, reader, max_failures, "
                     "min_pass_rate, score, min_score, level, max_results, jq, result, value, "
                     "blob, at)",
                     key));
  }
}

} // namespace

std::vector<Receipt> read_receipts(const toml::node& node, const std::string& path)
{
  std::vector<Receipt> receipts;
  for_each_table(node, "evidence", path, [&](const toml::table& table) {
    Receipt receipt;
    for (const auto& [key, value] : table) {
      if (key.str() == "path") {
        receipt.path = text_of(value, "path", path);
      } else if (key.str() == "blob") {
        receipt.blob = text_of(value, "blob", path);
      } else {
        fail(value, path,
             fmt::format("unknown key '{}' in evidence (expected path and blob)", key.str()));
      }
    }
    check_at(table, path, [&] {
      if (receipt.path.empty() || receipt.blob.empty()) {
        throw UsageError("evidence needs a path and a blob");
      }
      require_repository_path(receipt.path, "an evidence path");
      require_object_id(receipt.blob);
    });
    receipts.push_back(std::move(receipt));
  });
  return receipts;
}

std::vector<Expectation> read_expectations(const toml::node& node, const std::string& path)
{
  std::vector<Expectation> expectations;
  for_each_table(node, "expect", path, [&](const toml::table& table) {
    Expectation expectation;
    bool has_reader = false;
    for (const auto& [key, value] : table) {
      has_reader = has_reader || key.str() == "reader";
      read_expectation_key(expectation, key.str(), value, path);
    }
    check_at(table, path, [&] {
      if (expectation.rule.file.empty() || !has_reader) {
        throw UsageError("an expectation needs a file and a reader");
      }
      require_fits_reader(expectation.rule, "the expectation");
      if (!expectation.blob.empty()) {
        require_object_id(expectation.blob);
      }
    });
    expectations.push_back(std::move(expectation));
  });
  return expectations;
}

} // namespace llmchecklist::detail
