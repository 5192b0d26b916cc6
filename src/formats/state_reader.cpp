// Reading the state file. Every problem is a DataError at the exact line and column, so that a
// bad hand edit or merge is easy to find.

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include <fmt/format.h>

#include "formats/evidence_reader.hpp"
#include "formats/state_layout_reader.hpp"
#include "formats/toml_location.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/state_io.hpp"
#include "llmchecklist/utc.hpp"

namespace llmchecklist {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

[[noreturn]] void fail(const toml::source_region& where, const std::string& path,
                       const std::string& message)
{
  throw DataError(detail::location_of(where, path), message);
}

const toml::node& expect(const toml::node& node, toml::node_type type, std::string_view key,
                         const std::string& path)
{
  if (node.type() != type) {
    fail(node.source(), path,
         fmt::format("expected {} for '{}', found {}", detail::describe(type), key,
                     detail::describe(node.type())));
  }
  return node;
}

} // namespace

// A TOML offset date-time, normalised to UTC with second precision.
std::string detail::read_at(const toml::node& node, const std::string& path)
{
  expect(node, toml::node_type::date_time, "at", path);
  const toml::date_time& value = node.as_date_time()->get();
  if (!value.offset) {
    fail(node.source(), path,
         "'at' needs a UTC offset, as in 2026-11-28T21:05:00Z (a local date-time is ambiguous)");
  }
  namespace chrono = std::chrono;
  const chrono::sys_seconds local =
      chrono::sys_days{chrono::year{value.date.year} / value.date.month / value.date.day} +
      chrono::hours{value.time.hour} + chrono::minutes{value.time.minute} +
      chrono::seconds{value.time.second};
  std::string utc = format_utc(local - chrono::minutes{value.offset->minutes});
  if (value.time.nanosecond != 0) {
    // Keep the fraction as written (without trailing zeros): nothing recorded is lost.
    std::string fraction = fmt::format("{:09}", value.time.nanosecond);
    fraction.erase(fraction.find_last_not_of('0') + 1);
    utc.insert(utc.size() - 1, "." + fraction);
  }
  return utc;
}

namespace {

Entry read_entry(std::string id, const toml::table& table, const std::string& path)
{
  Entry entry;
  entry.id = std::move(id);
  bool has_status = false;
  for (const auto& [key, node] : table) {
    const std::string_view name = key.str();
    if (name == "status") {
      expect(node, toml::node_type::string, name, path);
      const auto status = parse_status(node.as_string()->get());
      if (!status) {
        fail(node.source(), path,
             fmt::format("status must be \"todo\", \"done\" or \"na\", got \"{}\"",
                         node.as_string()->get()));
      }
      entry.status = *status;
      has_status = true;
    } else if (name == "revision") {
      expect(node, toml::node_type::integer, name, path);
      const int64_t revision = node.as_integer()->get();
      if (revision < 1 || revision > 1'000'000) {
        fail(node.source(), path,
             fmt::format("revision must be a positive integer, got {}", revision));
      }
      entry.revision = static_cast<int>(revision);
    } else if (name == "by") {
      entry.by = expect(node, toml::node_type::string, name, path).as_string()->get();
    } else if (name == "at") {
      entry.at = detail::read_at(node, path);
    } else if (name == "note") {
      entry.note = expect(node, toml::node_type::string, name, path).as_string()->get();
    } else if (name == "until") {
      if (node.type() != toml::node_type::date) {
        fail(node.source(), path,
             fmt::format("expected a date for 'until' (as in until = 2027-03-31), found {}",
                         detail::describe(node.type())));
      }
      const toml::date& date = node.as_date()->get();
      entry.until = fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
    } else if (name == "verify") {
      entry.verify = expect(node, toml::node_type::string, name, path).as_string()->get();
    } else if (name == "verify_result") {
      entry.verify_result = expect(node, toml::node_type::string, name, path).as_string()->get();
      if (entry.verify_result != "pass" && entry.verify_result != "fail") {
        fail(node.source(), path,
             fmt::format("verify_result must be \"pass\" or \"fail\", got \"{}\"",
                         entry.verify_result));
      }
    } else if (name == "evidence") {
      entry.evidence = detail::read_receipts(node, path);
    } else if (name == "expect") {
      entry.expectations = detail::read_expectations(node, path);
    } else {
      fail(key.source(), path,
           fmt::format("unknown key '{}' in [items.{}] (expected status, revision, by, at, note, "
                       "until, verify, verify_result, evidence, expect)",
                       name, entry.id));
    }
  }
  if (!has_status) {
    fail(table.source(), path,
         fmt::format("[items.{}] has no 'status' (todo, done or na)", entry.id));
  }
  if (entry.status == Status::na && entry.note.empty()) {
    fail(table.source(), path,
         fmt::format("[items.{}] is na but has no 'note' giving the reason", entry.id));
  }
  return entry;
}

double read_percent(const toml::node& node, std::string_view key, const std::string& path)
{
  double value = 0;
  if (const auto* integer = node.as_integer()) {
    value = static_cast<double>(integer->get());
  } else if (const auto* floating = node.as_floating_point()) {
    value = floating->get();
  } else {
    fail(node.source(), path,
         fmt::format("expected a percentage for '{}', found {}", key,
                     detail::describe(node.type())));
  }
  if (!(value >= 0 && value <= 100)) {
    fail(node.source(), path, fmt::format("'{}' must be between 0 and 100", key));
  }
  return value;
}

Gate read_gate(const toml::table& table, const std::string& path)
{
  Gate gate;
  for (const auto& [key, node] : table) {
    const std::string_view name = key.str();
    if (name == "min") {
      gate.min = read_percent(node, name, path);
    } else if (name == "all_required" || name == "no_stale" || name == "evidence_current") {
      expect(node, toml::node_type::boolean, name, path);
      (name == "all_required" ? gate.all_required
       : name == "no_stale"   ? gate.no_stale
                              : gate.evidence_current) = node.as_boolean()->get();
    } else if (name == "backed_min") {
      gate.backed_min = read_percent(node, name, path);
    } else if (name == "backed") {
      expect(node, toml::node_type::array, name, path);
      for (const toml::node& id : *node.as_array()) {
        gate.backed.push_back(expect(id, toml::node_type::string, name, path).as_string()->get());
      }
    } else if (name == "phases") {
      expect(node, toml::node_type::table, name, path);
      std::vector<std::pair<const toml::key*, const toml::node*>> phases;
      for (const auto& [phase, minimum] : *node.as_table()) {
        phases.emplace_back(&phase, &minimum);
      }
      std::sort(phases.begin(), phases.end(), [](const auto& a, const auto& b) {
        return a.first->source().begin.line < b.first->source().begin.line;
      });
      for (const auto& [phase, minimum] : phases) {
        gate.phases.push_back(GatePhase{std::string(phase->str()),
                                        read_percent(*minimum, phase->str(), path),
                                        detail::location_of(phase->source(), path)});
      }
    } else {
      fail(key.source(), path,
           fmt::format("unknown key '{}' in [gate] (expected min, all_required, no_stale, "
                       "evidence_current, backed, backed_min, phases)",
                       name));
    }
  }
  return gate;
}

// LLMCHECKLIST_NO_LAYOUT_READER=1 sends every state through toml++: bench/run's speed-only row
// compares the two, to show what the layout reader saves. Read once.
bool layout_reader_enabled()
{
  static const bool enabled = [] {
    const char* off = std::getenv("LLMCHECKLIST_NO_LAYOUT_READER");
    return off == nullptr || *off == '\0' || std::string_view(off) == "0";
  }();
  return enabled;
}

} // namespace

State parse_state(std::string_view text, const std::string& path)
{
  std::optional<State> state;
  if (layout_reader_enabled()) {
    state = detail::read_state_layout(text, path);
  }
  if (state) {
    return std::move(*state);
  }
  return detail::parse_state_with_toml(text, path);
}

namespace detail {

State parse_state_with_toml(std::string_view text, const std::string& path)
{
  State state;
  if (text.substr(0, k_bom.size()) == k_bom) {
    state.bom = true;
    text.remove_prefix(k_bom.size());
  }
  if (text.find("\r\n") != std::string_view::npos) {
    state.newline = "\r\n";
  }
  const toml::table root = detail::parse_toml(
      text, path,
      "resolve it by hand, then run `llmchecklist init --git` once so that git merges this file "
      "item by item from now on");

  const toml::node* format = root.get("format");
  if (format == nullptr) {
    throw DataError(
        SourceLocation{path, 1, 1},
        fmt::format("missing 'format = {}' (is this an llmchecklist state file?)", k_state_format));
  }
  expect(*format, toml::node_type::integer, "format", path);
  if (format->as_integer()->get() != k_state_format) {
    fail(format->source(), path,
         fmt::format("state format {} is not supported: this llmchecklist reads format {}",
                     format->as_integer()->get(), k_state_format));
  }

  std::vector<std::pair<const toml::key*, const toml::table*>> items;
  for (const auto& [key, node] : root) {
    const std::string_view name = key.str();
    if (name == "format") {
      continue;
    }
    if (name == "checklist") {
      state.checklist = expect(node, toml::node_type::string, name, path).as_string()->get();
      state.checklist_location = detail::location_of(node.source(), path);
      if (state.checklist.empty()) {
        fail(node.source(), path, "'checklist' is empty (expected builtin:NAME or a path)");
      }
    } else if (name == "checklist_version") {
      state.checklist_version =
          expect(node, toml::node_type::string, name, path).as_string()->get();
    } else if (name == "gate") {
      expect(node, toml::node_type::table, name, path);
      state.gate = read_gate(*node.as_table(), path);
    } else if (name == "items") {
      expect(node, toml::node_type::table, name, path);
      for (const auto& [id, entry] : *node.as_table()) {
        if (!entry.is_table()) {
          fail(entry.source(), path,
               fmt::format("expected a table for items.{}, found {}", id.str(),
                           detail::describe(entry.type())));
        }
        items.emplace_back(&id, entry.as_table());
      }
    } else {
      fail(key.source(), path,
           fmt::format("unknown key '{}' (expected format, checklist, checklist_version, gate, "
                       "items)",
                       name));
    }
  }

  // toml++ keeps tables sorted by key; the file's own order is what orphans keep on rewrite.
  std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
    const auto& x = a.first->source().begin;
    const auto& y = b.first->source().begin;
    return x.line != y.line ? x.line < y.line : x.column < y.column;
  });
  for (const auto& [key, table] : items) {
    state.entries.push_back(read_entry(std::string(key->str()), *table, path));
  }
  state.reindex();
  return state;
}

} // namespace detail

} // namespace llmchecklist
