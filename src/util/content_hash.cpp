#include "util/content_hash.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

namespace llmchecklist::detail {
namespace {

constexpr std::uint64_t k_prime_a = 0x9E3779B97F4A7C15ULL;
constexpr std::uint64_t k_prime_b = 0xC2B2AE3D27D4EB4FULL;
constexpr std::uint64_t k_prime_c = 0x87C37B91114253D5ULL;

constexpr std::uint64_t rotate_left(std::uint64_t x, int bits)
{
  return (x << bits) | (x >> (64 - bits));
}

// MurmurHash3's finaliser: every input bit affects every output bit.
constexpr std::uint64_t mix(std::uint64_t x)
{
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDULL;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ULL;
  x ^= x >> 33;
  return x;
}

std::uint64_t load_word(const char* p)
{
  std::uint64_t word = 0;
  std::memcpy(&word, p, sizeof word);
  return word;
}

} // namespace

std::string ContentHash::hex() const
{
  return fmt::format("{:016x}{:016x}", high, low);
}

ContentHasher::ContentHasher(std::uint64_t seed)
    : m_a(seed ^ k_prime_a), m_b(rotate_left(seed, 17) ^ k_prime_b)
{
}

// Four independent lanes over 32-byte blocks, then two over what is left: each step is one
// multiply, the lanes run in parallel, and hashing runs at several GB/s. A change anywhere in
// the input changes the lanes it touches, and the fold mixes every lane into both halves.
ContentHasher& ContentHasher::update(std::string_view bytes)
{
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  std::uint64_t a = m_a;
  std::uint64_t b = m_b;
  if (left >= 32) {
    std::uint64_t lanes[4] = {a, b, a ^ k_prime_c, b ^ k_prime_a};
    while (left >= 32) {
      for (int i = 0; i < 4; ++i) {
        lanes[i] = rotate_left((lanes[i] ^ load_word(p + 8 * i)) * k_prime_a, 29) * k_prime_b;
      }
      p += 32;
      left -= 32;
    }
    a = mix(lanes[0]) ^ rotate_left(mix(lanes[1]), 17);
    b = mix(lanes[2]) ^ rotate_left(mix(lanes[3]), 41);
  }
  while (left >= 8) {
    const std::uint64_t word = load_word(p);
    a = rotate_left((a ^ word) * k_prime_a, 29);
    b = rotate_left(b + word * k_prime_b, 31) * k_prime_c;
    p += 8;
    left -= 8;
  }
  std::uint64_t tail = 0;
  if (left > 0) { // an empty view may have no data pointer at all
    std::memcpy(&tail, p, left);
  }
  // The length closes the field, so that trailing zero bytes and field boundaries count.
  tail ^= (static_cast<std::uint64_t>(bytes.size()) << 56) ^ bytes.size();
  a = rotate_left((a ^ tail) * k_prime_a, 29);
  b = rotate_left(b + tail * k_prime_b, 31) * k_prime_c;
  m_a = a;
  m_b = b ^ mix(a);
  return *this;
}

ContentHasher& ContentHasher::update(std::uint64_t value)
{
  char bytes[sizeof value];
  std::memcpy(bytes, &value, sizeof value);
  return update(std::string_view(bytes, sizeof bytes));
}

ContentHash ContentHasher::finish() const
{
  const std::uint64_t low = mix(m_a ^ rotate_left(m_b, 32));
  const std::uint64_t high = mix(m_b + low * k_prime_c);
  return ContentHash{low, high};
}

void hash_text_into(ContentHasher& hasher, std::string_view text)
{
  const std::uint64_t size = text.size();
  while (!text.empty()) {
    const std::size_t piece = std::min(text.size(), k_hash_chunk);
    hasher.update(text.substr(0, piece));
    text.remove_prefix(piece);
  }
  hasher.update(size);
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
  std::vector<char> buffer(k_hash_chunk);
  std::uint64_t size = 0;
  std::size_t filled = 0;
  bool ok = true;
  for (;;) {
    const ssize_t got = ::read(fd, buffer.data() + filled, buffer.size() - filled);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      ok = false;
      break;
    }
    filled += static_cast<std::size_t>(got);
    size += static_cast<std::uint64_t>(got);
    // Whole chunks only, so that the fields are those hash_text_into() makes.
    if (filled == buffer.size() || (got == 0 && filled > 0)) {
      hasher.update(std::string_view(buffer.data(), filled));
      filled = 0;
    }
    if (got == 0) {
      break;
    }
  }
  ::close(fd);
  hasher.update(size);
  return ok;
}

} // namespace llmchecklist::detail
