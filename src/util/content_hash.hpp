#pragma once
// A fast 128-bit fingerprint of bytes, for recognising content seen before (the compiled cache's
// keys and checksums): xxHash's XXH3, streamed. Not cryptographic: it guards against accidents,
// such as an edited file or a torn cache file, not against someone who can already write the
// user's files.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct XXH3_state_s; // xxhash.h stays inside content_hash.cpp

namespace llmchecklist::detail {

struct ContentHash
{
  std::uint64_t low = 0;
  std::uint64_t high = 0;

  friend bool operator==(const ContentHash&, const ContentHash&) = default;

  /// 32 lowercase hex digits, high half first (XXH128's canonical order).
  std::string hex() const;
};

/// Hashes a sequence of fields. Each field is its bytes followed by its length, so that
/// ("ab", "c") and ("a", "bc") differ.
class ContentHasher
{
public:
  ContentHasher();
  ContentHasher(ContentHasher&&) noexcept;
  ContentHasher& operator=(ContentHasher&&) noexcept;
  ~ContentHasher();

  /// Adds one field.
  ContentHasher& update(std::string_view bytes);
  /// Adds one field: the value's 8 bytes, least significant first.
  ContentHasher& update(std::uint64_t value);

  /// The hash of the fields added so far.
  ContentHash finish() const;

private:
  friend bool hash_file_into(ContentHasher& hasher, const std::string& path);

  void append(const void* bytes, std::size_t size);
  void append_length(std::uint64_t size);

  struct FreeState
  {
    void operator()(XXH3_state_s* state) const noexcept;
  };
  std::unique_ptr<XXH3_state_s, FreeState> m_state;
};

/// Adds `text` as one field: the same as hash_file_into() adds for a file holding `text`.
inline void hash_text_into(ContentHasher& hasher, std::string_view text)
{
  hasher.update(text);
}

/// Adds the file's bytes as one field, as hash_text_into() would add them; false when it cannot
/// be read. Only a regular file is read, through one small buffer: that touches a few pages of
/// memory, where mapping or reading the whole file touches one page per 4 KiB of it.
bool hash_file_into(ContentHasher& hasher, const std::string& path);

/// The hash of one field.
inline ContentHash hash_content(std::string_view bytes)
{
  return ContentHasher().update(bytes).finish();
}

} // namespace llmchecklist::detail
