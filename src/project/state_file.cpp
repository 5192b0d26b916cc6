#include "llmchecklist/state_file.hpp"

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

} // namespace llmchecklist
