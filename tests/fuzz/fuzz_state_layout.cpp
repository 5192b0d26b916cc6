// Fuzz target: the reader of the writer's own layout (src/formats/state_layout_reader.cpp)
// against the toml++ path. Whenever the fast reader answers, the toml++ path must accept the
// same bytes and give the same state, field by field, locations included; when it declines, it
// is only slower. Seeds: files the writer made, and near misses of them.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "formats/state_layout_reader.hpp"
#include "llmchecklist/error.hpp"

namespace {

using llmchecklist::Entry;
using llmchecklist::SourceLocation;
using llmchecklist::State;

bool same_location(const SourceLocation& a, const SourceLocation& b)
{
  return a.path == b.path && a.line == b.line && a.column == b.column;
}

bool same_entry(const Entry& a, const Entry& b)
{
  return a.id == b.id && a.status == b.status && a.revision == b.revision && a.by == b.by &&
         a.at == b.at && a.note == b.note && a.verify == b.verify &&
         a.verify_result == b.verify_result && a.until == b.until;
}

bool same_state(const State& a, const State& b)
{
  if (a.checklist != b.checklist || !same_location(a.checklist_location, b.checklist_location) ||
      a.checklist_version != b.checklist_version || a.newline != b.newline || a.bom != b.bom ||
      a.gate.min != b.gate.min || a.gate.all_required != b.gate.all_required ||
      a.gate.no_stale != b.gate.no_stale || a.gate.phases.size() != b.gate.phases.size() ||
      a.entries.size() != b.entries.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.gate.phases.size(); ++i) {
    if (!(a.gate.phases[i] == b.gate.phases[i]) ||
        !same_location(a.gate.phases[i].location, b.gate.phases[i].location)) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    if (!same_entry(a.entries[i], b.entries[i]) || b.find(a.entries[i].id) != &b.entries[i] ||
        a.find(a.entries[i].id) != &a.entries[i]) {
      return false;
    }
  }
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::optional<State> fast = llmchecklist::detail::read_state_layout(text, ".llmchecklist");
  if (!fast) {
    return 0;
  }
  State general;
  try {
    general = llmchecklist::detail::parse_state_with_toml(text, ".llmchecklist");
  } catch (const llmchecklist::DataError&) {
    std::abort(); // the fast reader accepted what the toml++ path refuses
  }
  if (!same_state(*fast, general)) {
    std::abort(); // the two paths read the same bytes differently
  }
  return 0;
}
