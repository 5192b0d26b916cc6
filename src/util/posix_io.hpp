#pragma once
// Small POSIX helpers shared by the writers of the state file and of the cache.

#include <unistd.h>

#include <cerrno>
#include <string_view>

namespace llmchecklist::detail {

/// Writes all of `bytes` to `fd`, retrying short writes and EINTR; false on any error.
inline bool write_all(int fd, std::string_view bytes)
{
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

} // namespace llmchecklist::detail
