#include "llmchecklist/state_file.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include "llmchecklist/error.hpp"
#include "project/confine.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {

std::optional<fs::path> find_state_file(const fs::path& start)
{
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) {
    return std::nullopt;
  }
  for (;;) {
    fs::path candidate = dir / k_state_file_name;
    // A dangling link counts: reading it then says what is missing instead of starting afresh.
    if (fs::exists(fs::symlink_status(candidate, ec))) {
      return candidate;
    }
    // A repository's state is its own: never pick up a file from outside its work tree.
    if (!dir.has_relative_path() || fs::exists(dir / ".git", ec)) {
      return std::nullopt;
    }
    dir = dir.parent_path();
  }
}

fs::path default_state_directory(const fs::path& start)
{
  std::error_code ec;
  const fs::path origin = fs::absolute(start.empty() ? fs::path(".") : start, ec);
  if (ec) {
    return start;
  }
  for (fs::path dir = origin;; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) {
      return dir;
    }
    if (!dir.has_relative_path()) {
      return origin;
    }
  }
}

std::optional<std::string> read_state_file(const fs::path& path)
{
  struct stat info
  {
  };
  if (::lstat(path.c_str(), &info) != 0) {
    return std::nullopt;
  }
  if (!S_ISLNK(info.st_mode)) {
    return read_regular_file(path);
  }
  std::error_code ec;
  const std::string target = fs::read_symlink(path, ec).string();
  // A link whose target is gone is not "no state yet": writing would replace the link (and
  // whatever it was meant to share) with a new file.
  if (!fs::exists(path, ec)) {
    throw IoError(path.string(),
                  fmt::format("{} is a symbolic link to {}, which does not exist; restore the "
                              "target or remove the link",
                              path.string(), target));
  }
  // The link's target as the repository would reach it: inside, or refused unopened, so that
  // no line of a file elsewhere (a credentials file, /dev/zero) reaches a report or a CI log.
  const fs::path directory = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const detail::ConfinedPath confined =
      detail::confine(path.filename().string(), directory, default_state_directory(directory));
  if (!confined.problem.empty()) {
    throw IoError(path.string(),
                  fmt::format("{} is a symbolic link to {}, outside the repository; the state "
                              "file must be a file of the repository, and the link was not "
                              "followed",
                              path.string(), target));
  }
  struct stat followed
  {
  };
  if (::stat(path.c_str(), &followed) == 0 && !S_ISREG(followed.st_mode)) {
    throw IoError(path.string(),
                  fmt::format("{} is a symbolic link to {}, which is {}, not a regular file; the "
                              "link was not followed",
                              path.string(), target, file_kind(followed.st_mode)));
  }
  return read_regular_file(fs::weakly_canonical(path, ec));
}

} // namespace llmchecklist
