#pragma once
/// Typed errors thrown by the library. The CLI maps each family to an exit code.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace llmchecklist {

/// A place in a file: 1-based line and column; 0 means "unknown".
struct SourceLocation
{
  std::string path;
  unsigned line = 0;
  unsigned column = 0;
};

/// "PATH:LINE:COL: MESSAGE", "PATH: MESSAGE" without a line, or the message alone without a
/// place: how every located problem reads.
inline std::string located_message(const SourceLocation& location, const std::string& message)
{
  if (location.path.empty()) {
    return message;
  }
  if (location.line == 0) {
    return location.path + ": " + message;
  }
  return location.path + ":" + std::to_string(location.line) + ":" +
         std::to_string(location.column) + ": " + message;
}

/// Where byte `offset` of `text` (named `path`) is: 1-based line, and column in code points.
inline SourceLocation location_at(std::string_view text, std::size_t offset, std::string path)
{
  SourceLocation location{std::move(path), 1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++location.line;
      location.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++location.column;
    }
  }
  return location;
}

/// Base of every error the library throws.
class Error : public std::runtime_error
{
public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// A checklist definition or state file whose content is not valid.
class DataError : public Error
{
public:
  DataError(SourceLocation location, const std::string& message)
      : Error(message), m_location(std::move(location))
  {
  }

  /// Where the problem is; `path` may be empty when the text did not come from a file.
  const SourceLocation& location() const { return m_location; }

private:
  SourceLocation m_location;
};

/// A file could not be read, written, locked or found.
class IoError : public Error
{
public:
  IoError(std::string path, const std::string& message) : Error(message), m_path(std::move(path)) {}

  /// The file the operation was about.
  const std::string& path() const { return m_path; }

private:
  std::string m_path;
};

/// A user's reference (item, phase, checklist) that names nothing, or more than one thing.
class LookupError : public Error
{
public:
  LookupError(const std::string& message, std::vector<std::string> candidates)
      : Error(message), m_candidates(std::move(candidates))
  {
  }

  /// What the user may have meant: the matches of an ambiguous prefix, or near misses.
  const std::vector<std::string>& candidates() const { return m_candidates; }

private:
  std::vector<std::string> m_candidates;
};

/// A request the library refuses as asked (for example, n/a without a reason).
class UsageError : public Error
{
public:
  using Error::Error;
};

} // namespace llmchecklist
