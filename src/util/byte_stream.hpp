#pragma once
// Little-endian fields in a byte string: what the compiled cache and the embedded built-in
// checklists are made of. The reader never trusts its input: a short or malformed buffer sets
// failed() instead of reading past the end, so a corrupt cache file is only a cache miss.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace llmchecklist::detail {

class ByteWriter
{
public:
  void u8(std::uint8_t value) { m_bytes.push_back(static_cast<char>(value)); }
  void u32(std::uint32_t value) { raw(&value, sizeof value); }
  void u64(std::uint64_t value) { raw(&value, sizeof value); }
  void string(std::string_view text)
  {
    u32(static_cast<std::uint32_t>(text.size()));
    m_bytes.append(text);
  }

  std::string& bytes() { return m_bytes; }

private:
  void raw(const void* data, std::size_t size)
  {
    // Little-endian on the machines we build for; the cache is per machine in any case.
    m_bytes.append(static_cast<const char*>(data), size);
  }

  std::string m_bytes;
};

class ByteReader
{
public:
  explicit ByteReader(std::string_view bytes) : m_bytes(bytes) {}

  std::uint8_t u8()
  {
    std::uint8_t value = 0;
    raw(&value, sizeof value);
    return value;
  }
  std::uint32_t u32()
  {
    std::uint32_t value = 0;
    raw(&value, sizeof value);
    return value;
  }
  std::uint64_t u64()
  {
    std::uint64_t value = 0;
    raw(&value, sizeof value);
    return value;
  }
  std::string_view string()
  {
    const std::uint32_t size = u32();
    if (m_failed || size > m_bytes.size()) {
      m_failed = true;
      return {};
    }
    const std::string_view text = m_bytes.substr(0, size);
    m_bytes.remove_prefix(size);
    return text;
  }
  /// A count of things, each at least `min_size` bytes long: refuses counts the rest of the
  /// buffer cannot hold, so that a corrupt count never reserves gigabytes.
  std::uint32_t count(std::size_t min_size)
  {
    const std::uint32_t value = u32();
    if (static_cast<std::uint64_t>(value) * min_size > m_bytes.size()) {
      m_failed = true;
      return 0;
    }
    return value;
  }

  bool failed() const { return m_failed; }
  bool at_end() const { return m_bytes.empty(); }
  std::size_t remaining() const { return m_bytes.size(); }

private:
  void raw(void* data, std::size_t size)
  {
    if (m_failed || m_bytes.size() < size) {
      m_failed = true;
      return;
    }
    std::memcpy(data, m_bytes.data(), size);
    m_bytes.remove_prefix(size);
  }

  std::string_view m_bytes;
  bool m_failed = false;
};

} // namespace llmchecklist::detail
