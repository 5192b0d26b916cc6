#include "cache/compiled.hpp"

#include <cstring>

#include "util/byte_stream.hpp"

namespace llmchecklist::detail {
namespace {

// A record starts with a tag, so that a decoder reading other bytes fails at once.
constexpr std::uint32_t k_checklist_tag = 0x4C4B4843; // "CHKL"

// The smallest encoded sizes, for ByteReader::count().
constexpr std::size_t k_min_string = 4;
constexpr std::size_t k_min_phase = 3 * k_min_string + 1 + 4;
constexpr std::size_t k_min_item = 5 * k_min_string + 1 + 3 * 4 + 4;

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
      write_strings(writer, item.replaces);
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
      item.replaces = read_strings(in);
      checklist.add_item(std::move(item));
    }
  }
  if (in.failed() || !in.at_end()) {
    return std::nullopt;
  }
  return checklist;
}

} // namespace llmchecklist::detail
