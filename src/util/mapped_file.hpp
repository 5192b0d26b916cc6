#pragma once
// A file's bytes mapped read-only: a large definition or cache entry is hashed and decoded in
// place, without zero-filling and copying megabytes into a string first.

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace llmchecklist::detail {

class MappedFile
{
public:
  /// The mapped file, or nullopt when it cannot be opened or is not a regular file of at least
  /// one byte (callers then read it the ordinary way, which reports errors properly).
  static std::optional<MappedFile> open(const char* path)
  {
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      return std::nullopt;
    }
    struct stat info
    {
    };
    void* data = MAP_FAILED;
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
      data = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ,
                    MAP_PRIVATE | MAP_POPULATE, fd, 0);
    }
    ::close(fd);
    if (data == MAP_FAILED) {
      return std::nullopt;
    }
    return MappedFile(data, static_cast<std::size_t>(info.st_size), info);
  }

  MappedFile(MappedFile&& other) noexcept
      : m_data(std::exchange(other.m_data, nullptr)), m_size(other.m_size), m_info(other.m_info)
  {
  }
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile()
  {
    if (m_data != nullptr) {
      ::munmap(m_data, m_size);
    }
  }

  std::string_view bytes() const { return {static_cast<const char*>(m_data), m_size}; }
  /// What fstat() said when it was mapped.
  const struct stat& info() const { return m_info; }

private:
  MappedFile(void* data, std::size_t size, const struct stat& info)
      : m_data(data), m_size(size), m_info(info)
  {
  }

  void* m_data;
  std::size_t m_size;
  struct stat m_info;
};

} // namespace llmchecklist::detail
