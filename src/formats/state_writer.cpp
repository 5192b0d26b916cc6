// Writing the state file. toml++'s serializer sorts keys and drops comments (NOTES.md), so the
// layout is ours: it is what reviewers read in diffs and what lets plain git merge two branches
// that check different items (each item's lines are separated from its neighbours' by a blank
// line, a comment and a header that never change).

#include <iterator>

#include <fmt/format.h>

#include "formats/state_layout.hpp"
#include "formats/toml_writer.hpp"
#include "llmchecklist/entry_rules.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/state_io.hpp"

namespace llmchecklist {
namespace {

// Comments hold titles; a control character there could end the comment and inject TOML.
void append_comment_text(std::string& out, std::string_view text)
{
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    out += (byte < 0x20 || byte == 0x7f) ? ' ' : c;
  }
}

// The rule's keys of an `expect` line, in a fixed order: the file, the reader, the condition.
void append_rule(std::string& out, const ExpectationRule& rule)
{
  auto to = std::back_inserter(out);
  fmt::format_to(to, "file = {}, reader = \"{}\"", detail::toml_string(rule.file),
                 to_string(rule.reader));
  const auto number = [&](std::string_view key, const std::optional<double>& value) {
    if (value) {
      fmt::format_to(to, ", {} = {}", key, *value);
    }
  };
  const auto text = [&](std::string_view key, const std::string& value) {
    if (!value.empty()) {
      fmt::format_to(to, ", {} = {}", key, detail::toml_string(value));
    }
  };
  number("max_failures", rule.max_failures);
  number("min_pass_rate", rule.min_pass_rate);
  text("score", rule.score);
  number("min_score", rule.min_score);
  text("level", rule.level);
  number("max_results", rule.max_results);
  text("jq", rule.jq);
}

// Receipts and expectations: one inline table per line, so that a diff shows which file was
// added, re-signed or read again, and two branches adding different ones merge line by line.
void append_arrays(std::string& out, const Entry& entry, std::string_view nl)
{
  auto to = std::back_inserter(out);
  if (!entry.evidence.empty()) {
    fmt::format_to(to, "evidence = [{}", nl);
    for (const Receipt& receipt : entry.evidence) {
      fmt::format_to(to, "  {{ path = {}, blob = \"{}\" }},{}", detail::toml_string(receipt.path),
                     receipt.blob, nl);
    }
    fmt::format_to(to, "]{}", nl);
  }
  if (!entry.expectations.empty()) {
    fmt::format_to(to, "expect = [{}", nl);
    for (const Expectation& expectation : entry.expectations) {
      out += "  { ";
      append_rule(out, expectation.rule);
      if (!expectation.result.empty()) {
        fmt::format_to(to, ", result = \"{}\", value = {}", expectation.result,
                       detail::toml_string(expectation.value));
      }
      if (!expectation.blob.empty()) {
        fmt::format_to(to, ", blob = \"{}\"", expectation.blob);
      }
      if (!expectation.at.empty()) {
        fmt::format_to(to, ", at = {}", expectation.at);
      }
      fmt::format_to(to, " }},{}", nl);
    }
    fmt::format_to(to, "]{}", nl);
  }
}

// One entry's table, appended to `out`: a whole state file is laid out into one string, as
// check rewrites it on every run (a tenth of a 1,000-item check went to building it).
void append_entry(std::string& out, const Entry& entry, std::string_view nl)
{
  auto to = std::back_inserter(out);
  fmt::format_to(to, "[items.{}]{}status = \"{}\"{}", detail::toml_key(entry.id), nl,
                 to_string(entry.status), nl);
  if (entry.revision > 0) {
    fmt::format_to(to, "revision = {}{}", entry.revision, nl);
  }
  if (!entry.by.empty()) {
    fmt::format_to(to, "by = {}{}", detail::toml_string(entry.by), nl);
  }
  if (!entry.at.empty()) {
    // `at` is validated and normalised on the way in, so it is written as a TOML date-time.
    fmt::format_to(to, "at = {}{}", entry.at, nl);
  }
  if (!entry.note.empty()) {
    fmt::format_to(to, "note = {}{}", detail::toml_string(entry.note), nl);
  }
  if (!entry.until.empty()) {
    // A TOML local date, validated on the way in.
    fmt::format_to(to, "until = {}{}", entry.until, nl);
  }
  if (!entry.verify.empty()) {
    fmt::format_to(to, "verify = {}{}", detail::toml_string(entry.verify), nl);
  }
  if (!entry.verify_result.empty()) {
    fmt::format_to(to, "verify_result = {}{}", detail::toml_string(entry.verify_result), nl);
  }
  append_arrays(out, entry, nl);
}

} // namespace

std::string serialize_entry(const Entry& entry, std::string_view nl)
{
  std::string out;
  append_entry(out, entry, nl);
  return out;
}

namespace detail {

std::string serialize_checklist_lines(std::string_view reference, std::string_view version,
                                      std::string_view nl)
{
  std::string out = fmt::format("checklist = {}{}", detail::toml_string(reference), nl);
  if (!version.empty()) {
    // A checklist file's version, pinned like a built-in's "@VERSION".
    out += fmt::format("checklist_version = {}{}", detail::toml_string(version), nl);
  }
  return out;
}

std::string serialize_gate_table(const Gate& gate, std::string_view nl)
{
  if (gate.empty()) {
    return {};
  }
  std::string out = fmt::format("[gate]{}", nl);
  if (gate.min >= 0) {
    out += fmt::format("min = {}{}", gate.min, nl);
  }
  if (gate.all_required) {
    out += fmt::format("all_required = true{}", nl);
  }
  if (gate.no_stale) {
    out += fmt::format("no_stale = true{}", nl);
  }
  if (gate.evidence_current) {
    out += fmt::format("evidence_current = true{}", nl);
  }
  if (!gate.backed.empty()) {
    out += "backed = [";
    for (std::size_t i = 0; i < gate.backed.size(); ++i) {
      out += fmt::format("{}{}", i == 0 ? "" : ", ", detail::toml_string(gate.backed[i]));
    }
    out += fmt::format("]{}", nl);
  }
  if (gate.backed_min >= 0) {
    out += fmt::format("backed_min = {}{}", gate.backed_min, nl);
  }
  if (!gate.phases.empty()) {
    out += fmt::format("[gate.phases]{}", nl);
    for (const GatePhase& phase : gate.phases) {
      out += fmt::format("{} = {}{}", detail::toml_key(phase.phase), phase.min, nl);
    }
  }
  return out;
}

std::string layout_state(const State& state, const Checklist& checklist,
                         const LayoutOverrides& overrides)
{
  const std::string_view nl = state.newline;
  std::string out;
  out.reserve(256 + checklist.items().size() * 96);
  const auto append_table = [&](const Entry& entry) {
    if (const auto it = overrides.entries.find(entry.id); it != overrides.entries.end()) {
      out += it->second;
    } else {
      append_entry(out, entry, nl);
    }
  };
  if (state.bom) {
    out += "\xEF\xBB\xBF";
  }
  out += fmt::format(
      "# Checklist progress kept by llmchecklist: change it with `llmchecklist check`{}", nl);
  out += fmt::format("# and `llmchecklist uncheck`, review and merge it like code.{}", nl);
  out += fmt::format("format = {}{}", k_state_format, nl);
  out += overrides.checklist_line.value_or(
      serialize_checklist_lines(state.checklist, state.checklist_version, nl));

  if (!state.gate.empty() || overrides.gate_table) {
    out +=
        fmt::format("{}# The team's CI gate: `llmchecklist progress --gate` applies it.{}", nl, nl);
    out += overrides.gate_table.value_or(serialize_gate_table(state.gate, nl));
  }
  Entry todo;
  for (const Item& item : checklist.items()) {
    fmt::format_to(std::back_inserter(out), "{}# {}. ", nl, item.number);
    append_comment_text(out, item.title);
    out += nl;
    if (const Entry* entry = state.find(item.id)) {
      append_table(*entry);
    } else {
      todo.id = item.id;
      append_table(todo);
    }
  }
  for (const Entry* orphan : orphaned_entries(state, checklist)) {
    out += fmt::format("{}# Orphaned: the checklist no longer has this item; kept as recorded.{}",
                       nl, nl);
    append_table(*orphan);
  }
  return out;
}

} // namespace detail

std::string serialize_state(const State& state, const Checklist& checklist)
{
  // Whatever a caller put in the entries, the file written must read back.
  for (const Entry& entry : state.entries) {
    require_readable(entry);
  }
  return detail::layout_state(state, checklist, {});
}

} // namespace llmchecklist
