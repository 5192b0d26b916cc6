#pragma once
/// Reading and writing files without losing what is there: atomic replacement, writes into
/// devices and FIFOs instead of over them, and a lock for read-modify-write between processes.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace llmchecklist {

/// Reads a whole file; throws IoError naming the path. For files the user names (a list of
/// sources, a pipe); what a repository holds is read with read_regular_file().
std::string read_file(const std::filesystem::path& path);

/// The most a file a repository holds (a state file, a checklist definition) may weigh: ten
/// times a state of 100,000 items, and far less than it takes to exhaust memory parsing it.
inline constexpr std::size_t k_max_repository_file_size = std::size_t{128} << 20;

/// Reads a whole regular file of at most `limit` bytes. A FIFO, device, socket or directory is
/// refused without blocking on it, and a larger file is refused before it is read, so that a
/// file in a pull request can neither hang a run nor exhaust its memory. Links are followed:
/// callers confine them first. Throws IoError naming the path and what it is.
std::string read_regular_file(const std::filesystem::path& path,
                              std::size_t limit = k_max_repository_file_size);

/// What a file of mode `mode` (stat's st_mode) is, for messages: "a FIFO", "a directory".
std::string_view file_kind(unsigned mode);

/// Replaces `path` atomically: writes a temporary file in the same directory, flushes it to
/// disk, then renames it over the target. A symbolic link is written through and kept. Keeps
/// the target's permission bits. Throws IoError; on error the old file is untouched.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

/// Writes a report to `path` without destroying what is there: a regular file (or a link to
/// one) is replaced atomically as by write_file_atomic(); an existing device, FIFO or socket is
/// opened and written to, as `tee` and `cp` do, never replaced. Throws IoError for a directory,
/// a link whose target does not exist, or any failure.
void write_output(const std::filesystem::path& path, std::string_view content);

/// Whether two paths name the same file: the same inode when both exist (links and `..`
/// resolved), else the same normalised absolute path.
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

/// Removes the temporary files write_file_atomic() left beside `path` when a writer was killed
/// mid-write. Call it only while holding the FileLock of `path`: then no live writer owns one.
void remove_stale_temporaries(const std::filesystem::path& path);

/// An exclusive advisory lock (flock) on `<path>.lock`, serialising read-modify-write between
/// processes. The lock file is removed on release.
class FileLock
{
public:
  /// Waits up to `timeout` for the lock; throws IoError when it cannot be had.
  FileLock(const std::filesystem::path& path, std::chrono::milliseconds timeout);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

private:
  std::filesystem::path m_lock_path;
  int m_fd = -1;
};

} // namespace llmchecklist
