// Writing the state file. toml++'s serializer sorts keys and drops comments (NOTES.md), so the
// layout is ours: it is what reviewers read in diffs and what lets plain git merge two branches
// that check different items (each item's lines are separated from its neighbours' by a blank
// line, a comment and a header that never change).

#include <fmt/format.h>

#include "llmchecklist/state.hpp"
#include "state_layout.hpp"
#include "toml_writer.hpp"

namespace llmchecklist {
namespace {

// Comments hold titles; a control character there could end the comment and inject TOML.
std::string comment_text(std::string_view text)
{
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    out += (byte < 0x20 || byte == 0x7f) ? ' ' : c;
  }
  return out;
}

} // namespace

std::string serialize_entry(const Entry& entry, std::string_view nl)
{
  std::string out = fmt::format("[items.{}]{}", detail::toml_key(entry.id), nl);
  out += fmt::format("status = \"{}\"{}", to_string(entry.status), nl);
  if (entry.revision > 0) {
    out += fmt::format("revision = {}{}", entry.revision, nl);
  }
  if (!entry.by.empty()) {
    out += fmt::format("by = {}{}", detail::toml_string(entry.by), nl);
  }
  if (!entry.at.empty()) {
    // `at` is validated and normalised on the way in, so it is written as a TOML date-time.
    out += fmt::format("at = {}{}", entry.at, nl);
  }
  if (!entry.note.empty()) {
    out += fmt::format("note = {}{}", detail::toml_string(entry.note), nl);
  }
  if (!entry.until.empty()) {
    // A TOML local date, validated on the way in.
    out += fmt::format("until = {}{}", entry.until, nl);
  }
  if (!entry.verify.empty()) {
    out += fmt::format("verify = {}{}", detail::toml_string(entry.verify), nl);
  }
  if (!entry.verify_result.empty()) {
    out += fmt::format("verify_result = {}{}", detail::toml_string(entry.verify_result), nl);
  }
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
  if (!gate.phases.empty()) {
    out += fmt::format("[gate.phases]{}", nl);
    for (const auto& [phase, minimum] : gate.phases) {
      out += fmt::format("{} = {}{}", detail::toml_key(phase), minimum, nl);
    }
  }
  return out;
}

std::string layout_state(const State& state, const Checklist& checklist,
                         const LayoutOverrides& overrides)
{
  const std::string_view nl = state.newline;
  const auto entry_table = [&](const Entry& entry) {
    const auto it = overrides.entries.find(entry.id);
    return it != overrides.entries.end() ? it->second : serialize_entry(entry, nl);
  };
  std::string out;
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
  for (const Item& item : checklist.items()) {
    out += fmt::format("{}# {}. {}{}", nl, item.number, comment_text(item.title), nl);
    if (const Entry* entry = state.find(item.id)) {
      out += entry_table(*entry);
    } else {
      Entry todo;
      todo.id = item.id;
      out += entry_table(todo);
    }
  }
  for (const Entry* orphan : orphaned_entries(state, checklist)) {
    out += fmt::format("{}# Orphaned: the checklist no longer has this item; kept as recorded.{}",
                       nl, nl);
    out += entry_table(*orphan);
  }
  return out;
}

} // namespace detail

std::string serialize_state(const State& state, const Checklist& checklist)
{
  return detail::layout_state(state, checklist, {});
}

} // namespace llmchecklist
