#include "llmchecklist/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <utility>

#include <fmt/format.h>

#include "llmchecklist/error.hpp"
#include "util/posix_io.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {
namespace {

std::string system_error(std::string_view what, const fs::path& path)
{
  return fmt::format("cannot {} {}: {}", what, path.string(), std::strerror(errno));
}

} // namespace

namespace {

// Reads `fd` to its end into a string, `size_hint` bytes at first; more than `limit` bytes is an
// IoError. Closes `fd`.
std::string read_all(int fd, const fs::path& path, std::size_t size_hint, std::size_t limit)
{
  // Read straight into a string of the file's size: a multi-megabyte definition is read once,
  // not copied through a buffer and regrown. The loop still goes on to the real end, for files
  // whose size stat() does not know (pipes, /proc) or that grow meanwhile.
  std::string content;
  std::size_t size = 0;
  if (size_hint > 0) {
    content.resize(std::min(size_hint, limit) + 1);
  }
  for (;;) {
    if (content.size() == size) {
      content.resize(std::max<std::size_t>(65536, content.size() * 2));
    }
    const ssize_t got = ::read(fd, content.data() + size, content.size() - size);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      const std::string message = system_error("read", path);
      ::close(fd);
      throw IoError(path.string(), message);
    }
    if (got == 0) {
      break;
    }
    size += static_cast<std::size_t>(got);
    if (size > limit) {
      ::close(fd);
      throw IoError(path.string(), fmt::format("cannot read {}: it holds more than {} MiB, the "
                                               "most a file here may hold",
                                               path.string(), limit >> 20));
    }
  }
  ::close(fd);
  content.resize(size);
  return content;
}

} // namespace

std::string read_file(const fs::path& path)
{
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw IoError(path.string(), system_error("read", path));
  }
  struct stat info
  {
  };
  std::size_t hint = 0;
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    hint = static_cast<std::size_t>(info.st_size);
  }
  return read_all(fd, path, hint, static_cast<std::size_t>(-1) - 1);
}

std::string_view file_kind(unsigned mode)
{
  static constexpr std::pair<unsigned, std::string_view> k_kinds[] = {
      {S_IFREG, "a regular file"},     {S_IFDIR, "a directory"},    {S_IFIFO, "a FIFO"},
      {S_IFCHR, "a character device"}, {S_IFBLK, "a block device"}, {S_IFSOCK, "a socket"},
      {S_IFLNK, "a symbolic link"}};
  for (const auto& [kind, name] : k_kinds) {
    if ((mode & S_IFMT) == kind) {
      return name;
    }
  }
  return "not a regular file";
}

std::string read_regular_file(const fs::path& path, std::size_t limit)
{
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever, before fstat() could
  // say what it is. It changes nothing for a regular file.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    throw IoError(path.string(), system_error("read", path));
  }
  struct stat info
  {
  };
  if (::fstat(fd, &info) != 0) {
    const std::string message = system_error("read", path);
    ::close(fd);
    throw IoError(path.string(), message);
  }
  if (!S_ISREG(info.st_mode)) {
    ::close(fd);
    throw IoError(path.string(), fmt::format("cannot read {}: it is {}, not a regular file",
                                             path.string(), file_kind(info.st_mode)));
  }
  if (static_cast<std::uintmax_t>(info.st_size) > limit) {
    ::close(fd);
    throw IoError(path.string(), fmt::format("cannot read {}: it holds {} MiB, more than the {} "
                                             "MiB a file here may hold",
                                             path.string(), info.st_size >> 20, limit >> 20));
  }
  return read_all(fd, path, static_cast<std::size_t>(info.st_size), limit);
}

namespace {

// Refuses a directory whose mode has no write bit. Root may write anyway; a directory made
// read-only says "keep this as it is", and we honour that for everyone.
void require_writable_directory(const fs::path& dir, const fs::path& target)
{
  struct stat info
  {
  };
  if (::stat(dir.c_str(), &info) == 0 && (info.st_mode & 0222) == 0) {
    throw IoError(target.string(), fmt::format("cannot write {}: directory {} is read-only",
                                               target.string(), dir.string()));
  }
}

// The prefix of write_file_atomic()'s temporary files for `target`: hidden, and named after it
// (".llmchecklist.tmp-", ".CHECKLIST.md.tmp-").
std::string temporary_prefix(const fs::path& target)
{
  const std::string name = target.filename().string();
  return fmt::format("{}{}.tmp-", name.rfind('.', 0) == 0 ? "" : ".", name);
}

} // namespace

void remove_stale_temporaries(const fs::path& path)
{
  std::error_code ec;
  const fs::path target = fs::is_symlink(path, ec) ? fs::weakly_canonical(path, ec) : path;
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = temporary_prefix(target);
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) {
      fs::remove(entry.path(), ec);
    }
  }
}

void write_file_atomic(const fs::path& path, std::string_view content)
{
  // Write through a symbolic link to its target, so that the link itself survives.
  std::error_code ec;
  fs::path target = fs::is_symlink(path, ec) ? fs::weakly_canonical(path, ec) : path;
  if (ec) {
    target = path;
  }
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");

  mode_t mode = 0644;
  struct stat info
  {
  };
  if (::stat(target.c_str(), &info) == 0) {
    mode = info.st_mode & 07777;
    // rename() would replace a read-only file; refuse, as its owner asked it to be kept. The
    // mode bits decide, not access() alone, which says yes to root.
    if ((mode & 0222) == 0 || ::access(target.c_str(), W_OK) != 0) {
      errno = EACCES;
      throw IoError(target.string(), system_error("write", target));
    }
  }

  require_writable_directory(dir, target);
  std::string temp = (dir / (temporary_prefix(target) + "XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    throw IoError(target.string(),
                  fmt::format("cannot write {}: cannot create a temporary file in {}: {}",
                              target.string(), dir.string(), std::strerror(errno)));
  }
  const bool ok = detail::write_all(fd, content) && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok || ::rename(temp.c_str(), target.c_str()) != 0) {
    const int error = ok ? errno : saved;
    ::unlink(temp.c_str());
    throw IoError(target.string(),
                  fmt::format("cannot write {}: {}", target.string(), std::strerror(error)));
  }
  // Make the rename itself durable.
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
}

void write_output(const fs::path& path, std::string_view content)
{
  struct stat link
  {
  };
  if (::lstat(path.c_str(), &link) != 0) {
    write_file_atomic(path, content); // nothing there yet
    return;
  }
  struct stat target
  {
  };
  if (::stat(path.c_str(), &target) != 0) {
    std::error_code ec;
    throw IoError(path.string(),
                  fmt::format("cannot write {}: it is a symbolic link to {}, which does not exist",
                              path.string(), fs::read_symlink(path, ec).string()));
  }
  if (S_ISDIR(target.st_mode)) {
    throw IoError(path.string(), fmt::format("cannot write {}: it is a directory", path.string()));
  }
  // /dev/stdout and /proc/self/fd/N name a descriptor this process shares with its caller:
  // replacing the file behind it would leave the caller's descriptor on the old one.
  const std::string name = path.string();
  const bool descriptor = name.rfind("/dev/std", 0) == 0 || name.rfind("/dev/fd/", 0) == 0 ||
                          name.rfind("/proc/self/fd/", 0) == 0;
  if (S_ISREG(target.st_mode) && !descriptor) {
    write_file_atomic(path, content);
    return;
  }
  const int fd =
      ::open(path.c_str(), O_WRONLY | O_CLOEXEC | (S_ISREG(target.st_mode) ? O_TRUNC : 0));
  if (fd < 0) {
    throw IoError(path.string(), system_error("write", path));
  }
  const bool ok = detail::write_all(fd, content);
  const int saved = errno;
  if (::close(fd) != 0 || !ok) {
    errno = ok ? errno : saved;
    throw IoError(path.string(), system_error("write", path));
  }
}

bool same_file(const fs::path& a, const fs::path& b)
{
  struct stat x
  {
  }, y{};
  if (::stat(a.c_str(), &x) == 0 && ::stat(b.c_str(), &y) == 0) {
    return x.st_dev == y.st_dev && x.st_ino == y.st_ino;
  }
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(a, ec), ec) ==
         fs::weakly_canonical(fs::absolute(b, ec), ec);
}

FileLock::FileLock(const fs::path& path, std::chrono::milliseconds timeout)
    : m_lock_path(path.string() + ".lock")
{
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  require_writable_directory(
      m_lock_path.has_parent_path() ? m_lock_path.parent_path() : fs::path("."), path);
  for (;;) {
    m_fd = ::open(m_lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0) {
      throw IoError(m_lock_path.string(), system_error("create lock file", m_lock_path));
    }
    if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0) {
      // The holder before us removes the lock file on release; a lock on a file that is no
      // longer at the path protects nothing, so start again with the new one.
      struct stat held
      {
      }, current{};
      if (::fstat(m_fd, &held) == 0 && ::stat(m_lock_path.c_str(), &current) == 0 &&
          held.st_ino == current.st_ino && held.st_dev == current.st_dev) {
        return;
      }
    }
    ::close(m_fd);
    m_fd = -1;
    if (std::chrono::steady_clock::now() >= deadline) {
      throw IoError(m_lock_path.string(),
                    fmt::format("timed out waiting for the lock {}: another llmchecklist "
                                "process is changing the state file",
                                m_lock_path.string()));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

FileLock::~FileLock()
{
  if (m_fd >= 0) {
    ::unlink(m_lock_path.c_str());
    ::close(m_fd);
  }
}

} // namespace llmchecklist
