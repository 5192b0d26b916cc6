#include "util/content_hash.hpp"

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <new>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>
#include <xxhash.h>

namespace llmchecklist::detail {
namespace {

// The read buffer of hash_file_into(): a few pages, reused for the whole file.
constexpr std::size_t k_read_chunk = 64 * 1024;

// Least significant byte first, so that a key does not depend on the machine's byte order.
std::array<unsigned char, 8> little_endian(std::uint64_t value)
{
  std::array<unsigned char, 8> bytes{};
  for (unsigned char& byte : bytes) {
    byte = static_cast<unsigned char>(value & 0xFF);
    value >>= 8;
  }
  return bytes;
}

} // namespace

std::string ContentHash::hex() const
{
  return fmt::format("{:016x}{:016x}", high, low);
}

void ContentHasher::FreeState::operator()(XXH3_state_s* state) const noexcept
{
  XXH3_freeState(state);
}

ContentHasher::ContentHasher() : m_state(XXH3_createState())
{
  if (!m_state || XXH3_128bits_reset(m_state.get()) != XXH_OK) {
    throw std::bad_alloc();
  }
}

ContentHasher::ContentHasher(ContentHasher&&) noexcept = default;
ContentHasher& ContentHasher::operator=(ContentHasher&&) noexcept = default;
ContentHasher::~ContentHasher() = default;

void ContentHasher::append(const void* bytes, std::size_t size)
{
  if (size > 0) { // an empty view may have no data pointer at all
    XXH3_128bits_update(m_state.get(), bytes, size);
  }
}

// The length closes a field, so that trailing zero bytes and field boundaries count.
void ContentHasher::append_length(std::uint64_t size)
{
  const auto bytes = little_endian(size);
  append(bytes.data(), bytes.size());
}

ContentHasher& ContentHasher::update(std::string_view bytes)
{
  append(bytes.data(), bytes.size());
  append_length(bytes.size());
  return *this;
}

ContentHasher& ContentHasher::update(std::uint64_t value)
{
  const auto bytes = little_endian(value);
  append(bytes.data(), bytes.size());
  append_length(bytes.size());
  return *this;
}

bool hash_file_into(ContentHasher& hasher, const std::string& path)
{
  // Only a regular file, never waiting on a FIFO: the reader that runs after a miss says what
  // is wrong with anything else.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    return false;
  }
  struct stat info
  {
  };
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return false;
  }
  std::vector<char> buffer(k_read_chunk);
  std::uint64_t size = 0;
  bool ok = true;
  for (;;) {
    const ssize_t got = ::read(fd, buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      ok = false;
      break;
    }
    if (got == 0) {
      break;
    }
    hasher.append(buffer.data(), static_cast<std::size_t>(got));
    size += static_cast<std::uint64_t>(got);
  }
  ::close(fd);
  hasher.append_length(size);
  return ok;
}

ContentHash ContentHasher::finish() const
{
  const XXH128_hash_t hash = XXH3_128bits_digest(m_state.get());
  return ContentHash{hash.low64, hash.high64};
}

} // namespace llmchecklist::detail
