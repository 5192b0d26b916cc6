#include "checklist_reader.hpp"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "slug.hpp"
#include "toml_location.hpp"

namespace llmchecklist::detail {
namespace {

std::size_t count_words(std::string_view text)
{
  std::istringstream stream{std::string(text)};
  std::size_t words = 0;
  for (std::string word; stream >> word;) {
    ++words;
  }
  return words;
}

// Walks the TOML tree once, reporting each problem where it is. In throwing mode the first
// report ends the read; in collecting mode reading goes on so that lint shows everything.
class Reader
{
public:
  Reader(const std::string& path, std::vector<Diagnostic>* diagnostics, const LintOptions* lint)
      : m_path(path), m_diagnostics(diagnostics), m_lint(lint)
  {
  }

  Checklist read(const toml::table& root)
  {
    Checklist checklist;
    check_keys(root, {"checklist", "phases"});

    const toml::table* header = table_at(root, "checklist");
    if (header == nullptr) {
      report(root.source(), "missing [checklist] table (expected id, title, version, description)");
    } else {
      check_keys(*header, {"id", "title", "version", "description"});
      checklist.id = slug_at(*header, "id", true);
      checklist.title = line_at(*header, "title", true);
      checklist.version = string_at(*header, "version");
      checklist.description = string_at(*header, "description");
    }

    const toml::array* phases = array_at(root, "phases");
    if (phases == nullptr || phases->empty()) {
      report(root.source(), "no [[phases]]: a checklist needs at least one phase");
      return checklist;
    }
    for (const toml::node& node : *phases) {
      const toml::table* phase = node.as_table();
      if (phase == nullptr) {
        report(node.source(),
               fmt::format("expected a table in 'phases', found {}", describe(node.type())));
        continue;
      }
      read_phase(checklist, *phase);
    }
    return checklist;
  }

private:
  void report(const toml::source_region& where, const std::string& message)
  {
    SourceLocation location = location_of(where, m_path);
    if (m_diagnostics == nullptr) {
      throw DataError(std::move(location), message);
    }
    m_diagnostics->push_back(Diagnostic{std::move(location), message});
  }

  void check_keys(const toml::table& table, std::initializer_list<std::string_view> known)
  {
    for (const auto& [key, value] : table) {
      if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
        std::string list;
        for (std::string_view name : known) {
          list += list.empty() ? "" : ", ";
          list += name;
        }
        report(key.source(),
               fmt::format("unknown key '{}' (expected one of: {})", key.str(), list));
      }
    }
  }

  const toml::node* wrong_type(const toml::table& table, std::string_view key,
                               toml::node_type expected)
  {
    const toml::node* node = table.get(key);
    if (node != nullptr && node->type() != expected) {
      report(node->source(), fmt::format("expected {} for '{}', found {}", describe(expected), key,
                                         describe(node->type())));
      return nullptr;
    }
    return node;
  }

  const toml::table* table_at(const toml::table& table, std::string_view key)
  {
    const toml::node* node = wrong_type(table, key, toml::node_type::table);
    return node != nullptr ? node->as_table() : nullptr;
  }

  const toml::array* array_at(const toml::table& table, std::string_view key)
  {
    const toml::node* node = wrong_type(table, key, toml::node_type::array);
    return node != nullptr ? node->as_array() : nullptr;
  }

  std::string string_at(const toml::table& table, std::string_view key, bool required = false)
  {
    if (required && table.get(key) == nullptr) {
      report(table.source(), fmt::format("missing '{}' (expected a string)", key));
      return {};
    }
    const toml::node* node = wrong_type(table, key, toml::node_type::string);
    return node != nullptr ? std::string(node->as_string()->get()) : std::string();
  }

  // A string shown on one line (titles, done_when): a line break would also break the state
  // file's comment lines, which quote titles.
  std::string line_at(const toml::table& table, std::string_view key, bool required)
  {
    std::string value = string_at(table, key, required);
    const toml::node* node = table.get(key);
    if (node == nullptr || !node->is_string()) {
      return value;
    }
    if (required && value.find_first_not_of(" \t") == std::string::npos) {
      report(node->source(), fmt::format("'{}' is empty", key));
    } else if (value.find_first_of("\r\n") != std::string::npos) {
      report(node->source(), fmt::format("'{}' must be one line", key));
    }
    return value;
  }

  std::string slug_at(const toml::table& table, std::string_view key, bool required)
  {
    std::string value = string_at(table, key, required);
    const toml::node* node = table.get(key);
    if (node != nullptr && node->is_string() && !is_slug(value)) {
      report(node->source(),
             fmt::format("'{}' must be a slug of a-z, 0-9 and '-', got \"{}\"", key, value));
    } else if (node != nullptr && node->is_string() &&
               value.find_first_not_of("0123456789") == std::string::npos) {
      report(node->source(), fmt::format("'{}' must not be all digits (\"{}\" would be read as a "
                                         "number), add a letter",
                                         key, value));
    }
    return value;
  }

  std::vector<std::string> strings_at(const toml::table& table, std::string_view key)
  {
    std::vector<std::string> values;
    const toml::array* array = array_at(table, key);
    if (array == nullptr) {
      return values;
    }
    for (const toml::node& node : *array) {
      if (const auto* text = node.as_string()) {
        values.emplace_back(text->get());
      } else {
        report(node.source(),
               fmt::format("expected a string in '{}', found {}", key, describe(node.type())));
      }
    }
    return values;
  }

  void read_phase(Checklist& checklist, const toml::table& table)
  {
    check_keys(table, {"id", "title", "summary", "optional", "items"});
    Phase phase;
    phase.id = slug_at(table, "id", true);
    phase.title = line_at(table, "title", true);
    phase.summary = string_at(table, "summary");
    if (const toml::node* node = wrong_type(table, "optional", toml::node_type::boolean)) {
      phase.optional = node->as_boolean()->get();
    }
    if (!phase.id.empty()) {
      auto [it, inserted] = m_phase_ids.emplace(phase.id, table.source());
      if (!inserted) {
        report(table.get("id")->source(),
               fmt::format("duplicate phase id '{}' (first defined at line {})", phase.id,
                           it->second.begin.line));
      }
    }
    checklist.add_phase(std::move(phase));

    const toml::array* items = array_at(table, "items");
    if (items == nullptr || items->empty()) {
      if (m_lint != nullptr) {
        report(table.source(), "phase has no items");
      }
      return;
    }
    for (const toml::node& node : *items) {
      if (const toml::table* item = node.as_table()) {
        read_item(checklist, *item);
      } else {
        report(node.source(),
               fmt::format("expected a table in 'items', found {}", describe(node.type())));
      }
    }
  }

  void read_item(Checklist& checklist, const toml::table& table)
  {
    check_keys(table, {"id", "title", "details", "done_when", "severity", "tags", "links",
                       "revision", "verify"});
    Item item;
    item.id = slug_at(table, "id", true);
    item.title = line_at(table, "title", true);
    item.details = string_at(table, "details");
    item.done_when = line_at(table, "done_when", false);
    item.tags = strings_at(table, "tags");
    item.verify = line_at(table, "verify", false);
    item.links = strings_at(table, "links");

    std::string severity = string_at(table, "severity");
    if (severity == "required") {
      item.severity = Severity::required;
    } else if (severity.empty() || severity == "recommended") {
      item.severity = Severity::recommended;
    } else {
      report(table.get("severity")->source(),
             fmt::format("severity must be \"required\" or \"recommended\", got \"{}\"", severity));
    }

    if (const toml::node* node = wrong_type(table, "revision", toml::node_type::integer)) {
      const int64_t revision = node->as_integer()->get();
      if (revision < 1 || revision > 1'000'000) {
        report(node->source(),
               fmt::format("revision must be a positive integer, got {}", revision));
      } else {
        item.revision = static_cast<int>(revision);
      }
    }

    if (!item.id.empty()) {
      auto [it, inserted] = m_item_ids.emplace(item.id, table.source());
      if (!inserted) {
        report(table.get("id")->source(),
               fmt::format("duplicate item id '{}' (first defined at line {})", item.id,
                           it->second.begin.line));
      }
    }
    if (m_lint != nullptr) {
      lint_item(table, item);
    }
    checklist.add_item(std::move(item));
  }

  void lint_item(const toml::table& table, const Item& item)
  {
    if (item.done_when.find_first_not_of(" \t") == std::string::npos) {
      report(table.source(),
             fmt::format("item '{}' has no done_when (the evidence that makes it done)", item.id));
    }
    const toml::node* details = table.get("details");
    const std::size_t words = count_words(item.details);
    const toml::source_region& where = details != nullptr ? details->source() : table.source();
    if (words < m_lint->min_details_words) {
      report(where, fmt::format("item '{}' details have {} words, fewer than {}", item.id, words,
                                m_lint->min_details_words));
    } else if (m_lint->max_details_words != 0 && words > m_lint->max_details_words) {
      report(where, fmt::format("item '{}' details have {} words, more than {}", item.id, words,
                                m_lint->max_details_words));
    }
  }

  const std::string& m_path;
  std::vector<Diagnostic>* m_diagnostics;
  const LintOptions* m_lint;
  std::map<std::string, toml::source_region, std::less<>> m_phase_ids;
  std::map<std::string, toml::source_region, std::less<>> m_item_ids;
};

} // namespace

Checklist read_checklist(std::string_view text, const std::string& path,
                         std::vector<Diagnostic>* diagnostics, const LintOptions* lint)
{
  toml::table root;
  try {
    root = parse_toml(text, path);
  } catch (const DataError& error) {
    if (diagnostics == nullptr) {
      throw;
    }
    diagnostics->push_back(Diagnostic{error.location(), error.what()});
    return {};
  }
  Checklist checklist = Reader(path, diagnostics, lint).read(root);
  checklist.source = path;
  return checklist;
}

} // namespace llmchecklist::detail
