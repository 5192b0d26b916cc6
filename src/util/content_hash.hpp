#pragma once
// A fast 128-bit fingerprint of bytes, for recognising content seen before (the compiled cache's
// keys and checksums). Not cryptographic: it guards against accidents, such as an edited file
// or a torn cache file, not against someone who can already write the user's files.

#include <cstdint>
#include <string>
#include <string_view>

namespace llmchecklist::detail {

struct ContentHash
{
  std::uint64_t low = 0;
  std::uint64_t high = 0;

  friend bool operator==(const ContentHash&, const ContentHash&) = default;

  /// 32 lowercase hex digits.
  std::string hex() const;
};

/// Hashes a sequence of fields. Each update() covers one field and its length, so that
/// ("ab", "c") and ("a", "bc") differ.
class ContentHasher
{
public:
  explicit ContentHasher(std::uint64_t seed = 0);

  ContentHasher& update(std::string_view bytes);
  ContentHasher& update(std::uint64_t value);

  ContentHash finish() const;

private:
  std::uint64_t m_a;
  std::uint64_t m_b;
};

/// The hash of one field.
inline ContentHash hash_content(std::string_view bytes)
{
  return ContentHasher().update(bytes).finish();
}

} // namespace llmchecklist::detail
