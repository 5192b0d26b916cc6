#include "cache/compiled.hpp"

#include <cstring>

#include "util/byte_stream.hpp"

namespace llmchecklist::detail {
namespace {

// Each record starts with a tag, so that a decoder reading the wrong kind of bytes (a state as
// a checklist) fails at once.
constexpr std::uint32_t k_checklist_tag = 0x4C4B4843; // "CHKL"
constexpr std::uint32_t k_state_tag = 0x54415453;     // "STAT"

// The smallest encoded sizes, for ByteReader::count().
constexpr std::size_t k_min_string = 4;
constexpr std::size_t k_min_phase = 3 * k_min_string + 1 + 4;
constexpr std::size_t k_min_item = 5 * k_min_string + 1 + 2 * 4 + 4;
constexpr std::size_t k_min_entry = k_min_string + 1 + 4 + 6 * k_min_string;

void write_strings(ByteWriter& out, const std::vector<std::string>& strings)
{
  out.u32(static_cast<std::uint32_t>(strings.size()));
  for (const std::string& text : strings) {
    out.string(text);
  }
}

std::vector<std::string> read_strings(ByteReader& in)
{
  std::vector<std::string> strings(in.count(k_min_string));
  for (std::string& text : strings) {
    text = in.string();
  }
  return strings;
}

} // namespace

void encode_checklist(const Checklist& checklist, std::string& out)
{
  ByteWriter writer;
  writer.bytes() = std::move(out);
  writer.u32(k_checklist_tag);
  writer.string(checklist.id);
  writer.string(checklist.title);
  writer.string(checklist.version);
  writer.string(checklist.description);
  writer.string(checklist.source);
  writer.u32(static_cast<std::uint32_t>(checklist.items().size()));
  writer.u32(static_cast<std::uint32_t>(checklist.phases().size()));
  for (const Phase& phase : checklist.phases()) {
    writer.string(phase.id);
    writer.string(phase.title);
    writer.string(phase.summary);
    writer.u8(phase.optional ? 1 : 0);
    writer.u32(static_cast<std::uint32_t>(phase.items.size()));
    for (const std::size_t index : phase.items) {
      const Item& item = checklist.items()[index];
      writer.string(item.id);
      writer.string(item.title);
      writer.string(item.details);
      writer.string(item.done_when);
      writer.u8(item.severity == Severity::required ? 1 : 0);
      write_strings(writer, item.tags);
      write_strings(writer, item.links);
      writer.u32(static_cast<std::uint32_t>(item.revision));
      writer.string(item.verify);
    }
  }
  out = std::move(writer.bytes());
}

std::optional<Checklist> decode_checklist(std::string_view bytes)
{
  ByteReader in(bytes);
  if (in.u32() != k_checklist_tag) {
    return std::nullopt;
  }
  Checklist checklist;
  checklist.id = in.string();
  checklist.title = in.string();
  checklist.version = in.string();
  checklist.description = in.string();
  checklist.source = in.string();
  checklist.reserve(in.count(k_min_item));
  const std::uint32_t phases = in.count(k_min_phase);
  for (std::uint32_t p = 0; p < phases && !in.failed(); ++p) {
    Phase phase;
    phase.id = in.string();
    phase.title = in.string();
    phase.summary = in.string();
    phase.optional = in.u8() != 0;
    checklist.add_phase(std::move(phase));
    const std::uint32_t items = in.count(k_min_string);
    for (std::uint32_t i = 0; i < items && !in.failed(); ++i) {
      Item item;
      item.id = in.string();
      item.title = in.string();
      item.details = in.string();
      item.done_when = in.string();
      item.severity = in.u8() != 0 ? Severity::required : Severity::recommended;
      item.tags = read_strings(in);
      item.links = read_strings(in);
      item.revision = static_cast<int>(in.u32());
      item.verify = in.string();
      checklist.add_item(std::move(item));
    }
  }
  if (in.failed() || !in.at_end()) {
    return std::nullopt;
  }
  return checklist;
}

void encode_state(const State& state, std::string& out)
{
  ByteWriter writer;
  writer.bytes() = std::move(out);
  writer.u32(k_state_tag);
  writer.string(state.checklist);
  writer.string(state.checklist_location.path);
  writer.u32(state.checklist_location.line);
  writer.u32(state.checklist_location.column);
  writer.string(state.checklist_version);
  writer.string(state.newline);
  writer.u8(state.bom ? 1 : 0);
  // Percentages travel as their bits: exactly the double the parser produced.
  auto percent = [&](double value) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    writer.u64(bits);
  };
  percent(state.gate.min);
  writer.u8(state.gate.all_required ? 1 : 0);
  writer.u8(state.gate.no_stale ? 1 : 0);
  writer.u32(static_cast<std::uint32_t>(state.gate.phases.size()));
  for (const GatePhase& phase : state.gate.phases) {
    writer.string(phase.phase);
    percent(phase.min);
    writer.u32(phase.location.line);
    writer.u32(phase.location.column);
  }
  writer.u32(static_cast<std::uint32_t>(state.entries.size()));
  for (const Entry& entry : state.entries) {
    writer.string(entry.id);
    writer.u8(static_cast<std::uint8_t>(entry.status));
    writer.u32(static_cast<std::uint32_t>(entry.revision));
    writer.string(entry.by);
    writer.string(entry.at);
    writer.string(entry.note);
    writer.string(entry.verify);
    writer.string(entry.verify_result);
    writer.string(entry.until);
  }
  out = std::move(writer.bytes());
}

std::optional<State> decode_state(std::string_view bytes)
{
  ByteReader in(bytes);
  if (in.u32() != k_state_tag) {
    return std::nullopt;
  }
  State state;
  state.checklist = in.string();
  state.checklist_location.path = in.string();
  state.checklist_location.line = in.u32();
  state.checklist_location.column = in.u32();
  state.checklist_version = in.string();
  state.newline = in.string();
  state.bom = in.u8() != 0;
  auto percent = [&] {
    const std::uint64_t bits = in.u64();
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
  };
  state.gate.min = percent();
  state.gate.all_required = in.u8() != 0;
  state.gate.no_stale = in.u8() != 0;
  const std::uint32_t phases = in.count(k_min_string + 8 + 8);
  for (std::uint32_t i = 0; i < phases && !in.failed(); ++i) {
    GatePhase phase;
    phase.phase = in.string();
    phase.min = percent();
    phase.location.path = state.checklist_location.path;
    phase.location.line = in.u32();
    phase.location.column = in.u32();
    state.gate.phases.push_back(std::move(phase));
  }
  const std::uint32_t entries = in.count(k_min_entry);
  state.entries.reserve(entries);
  for (std::uint32_t i = 0; i < entries && !in.failed(); ++i) {
    Entry entry;
    entry.id = in.string();
    const std::uint8_t status = in.u8();
    if (status > static_cast<std::uint8_t>(Status::na)) {
      return std::nullopt;
    }
    entry.status = static_cast<Status>(status);
    entry.revision = static_cast<int>(in.u32());
    entry.by = in.string();
    entry.at = in.string();
    entry.note = in.string();
    entry.verify = in.string();
    entry.verify_result = in.string();
    entry.until = in.string();
    state.entries.push_back(std::move(entry));
  }
  if (in.failed() || !in.at_end()) {
    return std::nullopt;
  }
  return state;
}

} // namespace llmchecklist::detail
