#include "cache/cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <vector>

#include <fmt/format.h>

#include "util/byte_stream.hpp"
#include "util/content_hash.hpp"
#include "util/mapped_file.hpp"
#include "util/posix_io.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::detail {
namespace {

// An entry file: magic, payload size, the payload's hash, the key, then the payload. The key
// is repeated inside so that a renamed or copied file is not taken for another entry.
constexpr std::string_view k_magic = "llmckc01";
constexpr std::size_t k_header_size = 8 + 8 + 16 + 32;

// Entries are named "<key>.entry"; their temporary files "<key>.tmp-<pid>".
constexpr std::string_view k_entry_suffix = ".entry";

fs::path entry_path(const fs::path& directory, std::string_view key)
{
  return directory / fmt::format("{}{}", key, k_entry_suffix);
}

// A key names a file: 32 lowercase hex digits (ContentHash::hex()), nothing else.
bool valid_key(std::string_view key)
{
  return key.size() == 32 && std::all_of(key.begin(), key.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

} // namespace

Cache Cache::from_environment()
{
  const char* off = std::getenv("LLMCHECKLIST_NO_CACHE");
  if (off != nullptr && *off != '\0' && std::string_view(off) != "0") {
    return Cache();
  }
  // XDG Base Directory: $XDG_CACHE_HOME only counts when it is an absolute path.
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && xdg[0] == '/') {
    return Cache(fs::path(xdg) / "llmchecklist");
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/') {
    return Cache(fs::path(home) / ".cache" / "llmchecklist");
  }
  return Cache();
}

bool Cache::load(std::string_view key, const std::function<bool(std::string_view)>& use) const
{
  if (!enabled() || !valid_key(key)) {
    return false;
  }
  const fs::path path = entry_path(m_directory, key);
  const std::optional<detail::MappedFile> file = detail::MappedFile::open(path.c_str());
  if (!file || file->bytes().size() < k_header_size) {
    return false;
  }
  const std::string_view bytes = file->bytes();
  if (bytes.substr(0, k_magic.size()) != k_magic) {
    return false;
  }
  detail::ByteReader header(bytes.substr(k_magic.size(), k_header_size - k_magic.size()));
  const std::uint64_t size = header.u64();
  const detail::ContentHash expected{header.u64(), header.u64()};
  const std::string_view payload = bytes.substr(k_header_size);
  if (size != payload.size() || bytes.substr(32, 32) != key ||
      detail::hash_content(payload) != expected) {
    return false;
  }
  // Pruning drops the least recently used entries: mark a hit as used, at most once a day so
  // that reads stay reads.
  if (file->info().st_mtime + 86400 < std::time(nullptr)) {
    ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
  }
  return use(payload);
}

void Cache::store(std::string_view key, std::string_view payload) const noexcept
{
  if (!enabled() || !valid_key(key)) {
    return;
  }
  try {
    std::error_code ec;
    fs::create_directories(m_directory, ec);
    const fs::path target = entry_path(m_directory, key);
    const fs::path temp = m_directory / fmt::format("{}.tmp-{}", key, ::getpid());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
      return;
    }
    detail::ByteWriter header;
    header.bytes().append(k_magic);
    header.u64(payload.size());
    const detail::ContentHash hash = detail::hash_content(payload);
    header.u64(hash.low);
    header.u64(hash.high);
    header.bytes().append(key);
    // No fsync: a torn entry after a crash fails its hash and is rebuilt.
    const bool ok = detail::write_all(fd, header.bytes()) && detail::write_all(fd, payload);
    ::close(fd);
    if (!ok || ::rename(temp.c_str(), target.c_str()) != 0) {
      ::unlink(temp.c_str());
      return;
    }
    prune(target);
  } catch (...) {
    // Only speed is lost.
  }
}

void Cache::prune(const fs::path& keep) const
{
  struct Found
  {
    fs::path path;
    fs::file_time_type time;
    std::uintmax_t size;
  };
  std::vector<Found> entries;
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (const fs::directory_entry& entry : fs::directory_iterator(m_directory, ec)) {
    const std::string name = entry.path().filename().string();
    std::error_code entry_ec;
    const auto time = entry.last_write_time(entry_ec);
    if (entry_ec) {
      continue;
    }
    // Temporary files of writers that died: gone after an hour.
    if (name.find(".tmp-") != std::string::npos) {
      if (now - time > std::chrono::hours(1)) {
        fs::remove(entry.path(), entry_ec);
      }
      continue;
    }
    if (name.size() > k_entry_suffix.size() && name.ends_with(k_entry_suffix)) {
      entries.push_back(Found{entry.path(), time, entry.file_size(entry_ec)});
    }
  }
  std::sort(entries.begin(), entries.end(),
            [](const Found& a, const Found& b) { return a.time > b.time; });
  std::size_t kept = 0;
  std::uintmax_t bytes = 0;
  for (const Found& entry : entries) {
    if (entry.path == keep || (kept < k_max_entries && bytes + entry.size <= k_max_bytes)) {
      ++kept;
      bytes += entry.size;
    } else {
      fs::remove(entry.path, ec);
    }
  }
}

} // namespace llmchecklist::detail
