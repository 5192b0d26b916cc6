#pragma once
/// A directory of compiled checklist definitions, so that a large definition is parsed once, not
/// on every run (as ninja keeps .ninja_deps and git its index).
///
/// An entry is found by a hash of the exact bytes it was compiled from (and of this build of the
/// library), so a cache can only ever save time: a changed file misses and is parsed again, a
/// corrupt or foreign entry is ignored and replaced, and a directory that cannot be written
/// only means nothing is saved.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace llmchecklist::detail {

class Cache
{
public:
  /// At most this many entries are kept; the oldest go first.
  static constexpr std::size_t k_max_entries = 64;
  /// And at most this many bytes in all.
  static constexpr std::uintmax_t k_max_bytes = 512ULL * 1024 * 1024;

  /// A cache that keeps nothing.
  Cache() = default;
  /// A cache in `directory`, created when first written.
  explicit Cache(std::filesystem::path directory) : m_directory(std::move(directory)) {}

  /// $XDG_CACHE_HOME/llmchecklist, else $HOME/.cache/llmchecklist; none when
  /// $LLMCHECKLIST_NO_CACHE is set to anything but "" or "0", or neither variable is set.
  static Cache from_environment();

  bool enabled() const { return !m_directory.empty(); }
  const std::filesystem::path& directory() const { return m_directory; }

  /// Calls `use` with the payload stored under `key` when an intact entry exists, and returns
  /// what it returned (false when there is no such entry). The payload is only valid during
  /// the call: it is read in place.
  bool load(std::string_view key, const std::function<bool(std::string_view payload)>& use) const;
  /// Stores a payload under `key`, atomically; failures are ignored.
  void store(std::string_view key, std::string_view payload) const noexcept;

private:
  void prune(const std::filesystem::path& keep) const;

  std::filesystem::path m_directory;
};

} // namespace llmchecklist::detail
