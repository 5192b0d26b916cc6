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

/// Adds `text` as a run of fields of at most k_hash_chunk bytes, then its length: the same as
/// hash_file_into() adds for a file holding `text`, which reads it a chunk at a time.
void hash_text_into(ContentHasher& hasher, std::string_view text);

/// Adds the file's bytes as hash_text_into() would add them; false when it cannot be read.
/// Reading through one small buffer touches a few pages of memory, where mapping or reading
/// the whole file touches one page per 4 KiB of it.
bool hash_file_into(ContentHasher& hasher, const std::string& path);

/// The size of the pieces hash_text_into() and hash_file_into() hash.
inline constexpr std::size_t k_hash_chunk = 64 * 1024;

/// The hash of one field.
inline ContentHash hash_content(std::string_view bytes)
{
  return ContentHasher().update(bytes).finish();
}

} // namespace llmchecklist::detail
