#include "formats/checklist_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "formats/toml_location.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/diagnostic.hpp"
#include "llmchecklist/files.hpp"
#include "llmchecklist/text.hpp"
#include "util/slug.hpp"

namespace llmchecklist::detail {
namespace {

// One name per file, however it is reached (relative, through links): to tell that a chain of
// `extends` came back to a file.
std::string identity_of(const std::string& path)
{
  std::error_code ec;
  const std::filesystem::path real = std::filesystem::weakly_canonical(path, ec);
  return ec ? std::filesystem::absolute(path, ec).lexically_normal().string() : real.string();
}

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
const toml::array k_no_phases;

class Reader
{
public:
  Reader(const std::string& path, ReadContext& context, std::vector<Diagnostic>* diagnostics,
         const LintOptions* lint)
      : m_path(path), m_context(context), m_diagnostics(diagnostics), m_lint(lint)
  {
  }

  Checklist read(const toml::table& root)
  {
    Checklist checklist;
    check_keys(root, {"checklist", "phases", "overrides"});

    const toml::table* header = table_at(root, "checklist");
    std::optional<Checklist> base;
    if (header == nullptr) {
      report(root.source(), "missing [checklist] table (expected id, title, version, description)");
    } else {
      check_keys(*header, {"id", "title", "version", "description", "extends", "exclude"});
      checklist.id = slug_at(*header, "id", true);
      checklist.title = line_at(*header, "title", true);
      checklist.version = string_at(*header, "version");
      checklist.description = string_at(*header, "description");
      base = read_base(*header);
    }
    m_base = base ? &*base : nullptr;

    const toml::array* phases = array_at(root, "phases");
    // A base that could not be read was reported at its `extends`; what it would have supplied
    // is not missing on top of that.
    const bool base_failed = header != nullptr && header->get("extends") != nullptr && !base;
    if ((phases == nullptr || phases->empty()) && !base && !base_failed) {
      report(root.source(), "no [[phases]]: a checklist needs at least one phase");
      return checklist;
    }
    for (const toml::node& node : phases != nullptr ? *phases : k_no_phases) {
      const toml::table* phase = node.as_table();
      if (phase == nullptr) {
        report(node.source(),
               fmt::format("expected a table in 'phases', found {}", describe(node.type())));
        continue;
      }
      read_phase(checklist, *phase);
    }
    check_replaced();
    if (!base) {
      if (root.get("overrides") != nullptr && !base_failed) {
        report(root.get("overrides")->source(), "[overrides] needs 'extends' in [checklist]");
      }
      return checklist;
    }
    return compose(*base, checklist, *header, root);
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

  // The checklist `extends` names: a built-in one, or a file relative to this one inside the
  // repository.
  std::optional<Checklist> read_base(const toml::table& header)
  {
    const toml::node* node = header.get("extends");
    const std::string reference = string_at(header, "extends");
    if (node == nullptr || !node->is_string()) {
      if (header.get("exclude") != nullptr) {
        report(header.get("exclude")->source(), "'exclude' needs 'extends'");
      }
      return std::nullopt;
    }
    if (!m_context.load_base) {
      report(node->source(), "'extends' is not available here: nothing can load a base checklist");
      return std::nullopt;
    }
    try {
      return m_context.load_base(reference, m_path, m_context);
    } catch (const DataError& error) {
      if (error.location().path.empty()) {
        report(node->source(), error.what());
        return std::nullopt;
      }
      // The problem is in the base file, at its own location: report it there, once, rather
      // than once per level of `extends`.
      if (m_diagnostics == nullptr) {
        throw;
      }
      m_diagnostics->push_back(Diagnostic{error.location(), error.what()});
    } catch (const Error& error) {
      report(node->source(), fmt::format("cannot extend '{}': {}", reference, error.what()));
    }
    return std::nullopt;
  }

  // The ids `exclude` takes out of the base, each one the base has.
  std::set<std::string, std::less<>> excluded_ids(const Checklist& base, const toml::table& header)
  {
    std::set<std::string, std::less<>> excluded;
    for (const std::string& id : strings_at(header, "exclude")) {
      if (base.find_item(id) == Checklist::npos) {
        report(header.get("exclude")->source(),
               fmt::format("'exclude' names '{}', which the base checklist does not have", id));
      }
      excluded.insert(id);
    }
    return excluded;
  }

  // The severities [overrides] gives the base's items.
  std::map<std::string, Severity, std::less<>> severity_overrides(const Checklist& base,
                                                                  const toml::table& root)
  {
    std::map<std::string, Severity, std::less<>> severities;
    const toml::table* overrides = table_at(root, "overrides");
    if (overrides == nullptr) {
      return severities;
    }
    for (const auto& [key, node] : *overrides) {
      const toml::table* table = node.as_table();
      if (base.find_item(key.str()) == Checklist::npos) {
        report(key.source(), unknown_override(base, key.str()));
        continue;
      }
      if (table == nullptr) {
        report(node.source(), fmt::format("[overrides.{}]: expected a table (severity = ...), "
                                          "found {}",
                                          key.str(), describe(node.type())));
        continue;
      }
      check_keys(*table, {"severity"});
      const std::string severity = string_at(*table, "severity");
      if (severity == "required" || severity == "recommended") {
        severities[std::string(key.str())] =
            severity == "required" ? Severity::required : Severity::recommended;
      } else if (table->get("severity") != nullptr) {
        report(
            table->get("severity")->source(),
            fmt::format("severity must be \"required\" or \"recommended\", got \"{}\"", severity));
      }
    }
    return severities;
  }

  // The base's phases and items (less `exclude`, with [overrides] applied), this file's items
  // appended to phases of the same id, then this file's new phases.
  Checklist compose(const Checklist& base, const Checklist& own, const toml::table& header,
                    const toml::table& root)
  {
    const std::set<std::string, std::less<>> excluded = excluded_ids(base, header);
    const std::map<std::string, Severity, std::less<>> severities = severity_overrides(base, root);

    Checklist result;
    result.files = base.files;
    result.id = own.id;
    result.title = own.title;
    result.version = own.version;
    result.description = own.description;
    auto add_own_items = [&](const Phase& phase) {
      for (const std::size_t i : phase.items) {
        Item item = own.items()[i];
        if (base.find_item(item.id) != Checklist::npos && excluded.count(item.id) == 0) {
          report(m_item_ids.at(item.id), fmt::format("item id '{}' is already in the base "
                                                     "checklist; exclude it there to replace it",
                                                     item.id));
        }
        result.add_item(std::move(item));
      }
    };
    for (const Phase& base_phase : base.phases()) {
      Phase phase = base_phase;
      const std::size_t mine = own.find_phase(phase.id);
      if (mine != Checklist::npos) {
        const Phase& override = own.phases()[mine];
        phase.title = override.title.empty() ? phase.title : override.title;
        phase.summary = override.summary.empty() ? phase.summary : override.summary;
      }
      result.add_phase(phase);
      for (const std::size_t i : base_phase.items) {
        Item item = base.items()[i];
        if (excluded.count(item.id) != 0) {
          continue;
        }
        if (const auto it = severities.find(item.id); it != severities.end()) {
          item.severity = it->second;
        }
        result.add_item(std::move(item));
      }
      if (mine != Checklist::npos) {
        add_own_items(own.phases()[mine]);
      }
    }
    for (const Phase& phase : own.phases()) {
      if (base.find_phase(phase.id) == Checklist::npos) {
        if (phase.title.empty()) {
          report(m_phase_ids.at(phase.id), fmt::format("new phase '{}' needs a title", phase.id));
        }
        result.add_phase(phase);
        add_own_items(phase);
      }
    }
    return result;
  }

  static std::string unknown_override(const Checklist& base, std::string_view id)
  {
    std::vector<std::string> ids;
    for (const Item& item : base.items()) {
      ids.push_back(item.id);
    }
    const std::vector<std::string> near = closest_matches(id, ids);
    return fmt::format("[overrides.{}]: the base checklist has no item '{}'{}", id, id,
                       near.empty() ? std::string()
                                    : fmt::format("; did you mean {}?",
                                                  fmt::join(near.begin(), near.end(), ", ")));
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
    } else if (m_lint != nullptr) {
      // Every rendering shows a control character escaped, so the reader takes it; but no
      // title needs one, and in a title it can only be a mistake or a trick.
      char32_t control = 0;
      for_each_code_point(value, [&](char32_t c, std::string_view) {
        if (control == 0 && (c < 0x20 || (c >= 0x7f && c < 0xa0))) {
          control = c;
        }
      });
      if (control != 0) {
        report(node->source(), fmt::format("'{}' holds a control character (U+{:04X}); write it "
                                           "as plain text",
                                           key, static_cast<unsigned>(control)));
      }
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
    // A phase the base checklist has may leave its title to the base.
    const bool in_base = m_base != nullptr && m_base->find_phase(phase.id) != Checklist::npos;
    phase.title = line_at(table, "title", !in_base);
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
                       "revision", "verify", "replaces"});
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
    read_replaces(table, item);
    if (m_lint != nullptr) {
      lint_item(table, item);
    }
    checklist.add_item(std::move(item));
  }

  // `replaces`: the ids of an earlier version's items this one takes over, so that `upgrade`
  // carries their checks here instead of leaving them as orphans.
  void read_replaces(const toml::table& table, Item& item)
  {
    const toml::array* array = array_at(table, "replaces");
    if (array == nullptr) {
      return;
    }
    for (const toml::node& node : *array) {
      const auto* text = node.as_string();
      if (text == nullptr) {
        report(node.source(),
               fmt::format("expected a string in 'replaces', found {}", describe(node.type())));
        continue;
      }
      const std::string id(text->get());
      if (!is_slug(id)) {
        report(node.source(), fmt::format("'replaces' names \"{}\", which is not an item id", id));
        continue;
      }
      auto [it, inserted] = m_replaced.emplace(id, node.source());
      if (!inserted) {
        report(node.source(), fmt::format("'{}' is replaced twice (first at line {}): one item "
                                          "takes over its checks",
                                          id, it->second.begin.line));
        continue;
      }
      item.replaces.push_back(id);
    }
    // The checks taken over were made against other wording: they must show as stale until
    // someone re-confirms them, which needs a revision above the first.
    if (!item.replaces.empty() && item.revision < 2) {
      report(table.get("replaces")->source(),
             fmt::format("item '{}' replaces other items, so it needs revision = 2 or more: the "
                         "checks it takes over then show as stale until re-confirmed",
                         item.id));
    }
  }

  // After every item is read: a replaced id may not be an id this checklist still uses, and
  // (for lint, given the earlier versions) must be one an earlier version had.
  void check_replaced()
  {
    for (const auto& [id, where] : m_replaced) {
      if (m_item_ids.count(id) != 0) {
        report(where, fmt::format("'replaces' names '{}', an id this checklist still uses: an id "
                                  "is never reused",
                                  id));
      } else if (m_lint != nullptr && m_lint->earlier_ids &&
                 std::find(m_lint->earlier_ids->begin(), m_lint->earlier_ids->end(), id) ==
                     m_lint->earlier_ids->end()) {
        report(where, fmt::format("'replaces' names '{}', which no earlier released version of "
                                  "this checklist has",
                                  id));
      }
    }
  }

  void lint_item(const toml::table& table, const Item& item)
  {
    // Links become clickable in every report; only web addresses may (a javascript: or data:
    // link in a report is a script someone else wrote).
    if (const toml::array* links = table.get_as<toml::array>("links")) {
      for (const toml::node& link : *links) {
        const auto* text = link.as_string();
        if (text == nullptr) {
          continue;
        }
        const std::string_view url = text->get();
        const std::string start = ascii_lower(url.substr(0, 8));
        if (start.rfind("https://", 0) != 0 && start.rfind("http://", 0) != 0) {
          report(link.source(), fmt::format("item '{}' has a link that is not an http or https "
                                            "address: \"{}\"",
                                            item.id, url));
        }
      }
    }
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
  ReadContext& m_context;
  std::vector<Diagnostic>* m_diagnostics;
  const LintOptions* m_lint;
  const Checklist* m_base = nullptr;
  std::map<std::string, toml::source_region, std::less<>> m_phase_ids;
  std::map<std::string, toml::source_region, std::less<>> m_item_ids;
  std::map<std::string, toml::source_region, std::less<>> m_replaced;
};

} // namespace

// "a.toml extends b.toml, which extends a.toml" when reading `path` again would close a cycle;
// empty otherwise.
std::string describe_cycle(const std::vector<std::string>& chain, const std::string& path)
{
  const std::string key = identity_of(path);
  const auto first = std::find_if(chain.begin(), chain.end(),
                                  [&](const auto& link) { return identity_of(link) == key; });
  if (first == chain.end()) {
    return {};
  }
  // Named relative to the first file of the cycle, as its author would write them.
  const std::filesystem::path from = std::filesystem::absolute(*first).parent_path();
  const auto shown = [&](const std::string& file) {
    const std::filesystem::path relative =
        std::filesystem::absolute(file).lexically_normal().lexically_relative(from);
    return relative.empty() ? file : relative.string();
  };
  std::string text = shown(*first);
  for (auto link = std::next(first); link != chain.end(); ++link) {
    text += fmt::format("{} extends {}", link == std::next(first) ? "" : ", which", shown(*link));
  }
  return text + fmt::format("{} extends {}", std::next(first) == chain.end() ? "" : ", which",
                            shown(path));
}

Checklist read_checklist(std::string_view text, const std::string& path,
                         std::vector<Diagnostic>* diagnostics, const LintOptions* lint,
                         ReadContext& context)
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
  context.chain.push_back(path);
  Checklist checklist;
  try {
    checklist = Reader(path, context, diagnostics, lint).read(root);
  } catch (...) {
    context.chain.pop_back();
    throw;
  }
  context.chain.pop_back();
  checklist.source = path;
  return checklist;
}

Checklist load_checklist(const std::string& path, ReadContext& context)
{
  const std::string text = read_regular_file(path);
  if (!context.chain.empty()) {
    ContentHasher hasher;
    hash_text_into(hasher, text);
    context.inputs.emplace_back(path, hasher.finish());
  }
  Checklist checklist = read_checklist(text, path, nullptr, nullptr, context);
  checklist.files.insert(checklist.files.begin(), path);
  return checklist;
}

} // namespace llmchecklist::detail
