#include "llmchecklist/git.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/wait.h>

#include <fmt/format.h>

#include "git/repository.hpp"
#include "git/run_git.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/state_file.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {
namespace {

// Appends `line` to the file (created when missing) unless a line of it already says the same.
bool add_line_once(const fs::path& path, const std::string& line)
{
  std::error_code ec;
  std::string text = fs::exists(path, ec) ? read_file(path) : "";
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view existing = std::string_view(text).substr(start, end - start);
    while (!existing.empty() &&
           (existing.back() == '\r' || existing.back() == ' ' || existing.back() == '\t')) {
      existing.remove_suffix(1);
    }
    if (existing == line) {
      return false;
    }
    start = end + 1;
  }
  if (!text.empty() && text.back() != '\n') {
    text += '\n';
  }
  write_file_atomic(path, text + line + "\n");
  return true;
}

} // namespace

std::optional<fs::path> git_work_tree(const fs::path& directory)
{
  // Read in-process, as every other question about a repository is: git processes are for
  // what git itself must do to the work tree (the identity, the merge driver's setup).
  try {
    const detail::Repository repository(fs::absolute(directory), true);
    fs::path top = repository.work_tree();
    if (top.empty()) {
      return std::nullopt;
    }
    // libgit2 gives the top with a trailing separator; git rev-parse without one.
    return top.has_filename() ? top : top.parent_path();
  } catch (const IoError&) {
    return std::nullopt;
  }
}

std::optional<LastChange> last_change(const fs::path& repository, const std::string& ref,
                                      const std::string& path)
{
  try {
    const detail::Repository opened(repository, true);
    // `path` is relative to `repository`, which may be a directory inside the work tree;
    // libgit2 wants it from the root.
    std::string from_root = path;
    if (const fs::path top = opened.work_tree(); !top.empty()) {
      from_root = fs::relative(fs::weakly_canonical(fs::absolute(repository) / path),
                               fs::weakly_canonical(top))
                      .generic_string();
    }
    return opened.last_change(ref, from_root);
  } catch (const IoError&) {
    return std::nullopt;
  }
}

MergeDriverSetup setup_merge_driver(const fs::path& state_path)
{
  const fs::path absolute = fs::absolute(state_path).lexically_normal();
  const std::optional<fs::path> top = git_work_tree(absolute.parent_path());
  if (!top) {
    throw UsageError(fmt::format("{} is not in a git repository; --git sets up git's merge of it",
                                 absolute.string()));
  }
  MergeDriverSetup setup;
  setup.attributes = *top / ".gitattributes";
  // A bare name matches the state file in every directory, as git users expect of
  // `.llmchecklist`; a file named otherwise is matched by its own path. fnmatch patterns cannot
  // hold a plain space, so spaces are written as a class.
  std::string pattern = absolute.filename().string();
  if (pattern != k_state_file_name) {
    // git reports the top with symbolic links resolved; resolve the file's directory the same way.
    const fs::path real = fs::weakly_canonical(absolute.parent_path()) / absolute.filename();
    pattern = fmt::format("/{}", real.lexically_relative(fs::canonical(*top)).generic_string());
  }
  std::string escaped;
  for (const char c : pattern) {
    escaped += c == ' ' ? std::string("[[:space:]]") : std::string(1, c);
  }
  setup.attribute_line = fmt::format("{} merge={}", escaped, k_merge_driver_name);

  setup.attributes_added = add_line_once(setup.attributes, setup.attribute_line);

  for (const auto& [key, value] :
       {std::pair<std::string, std::string>{fmt::format("merge.{}.name", k_merge_driver_name),
                                            "llmchecklist state merge"},
        std::pair<std::string, std::string>{fmt::format("merge.{}.driver", k_merge_driver_name),
                                            std::string(k_merge_driver_command)}}) {
    const detail::GitOutput set = detail::run_git(*top, {"config", key, value}, true);
    if (set.status != 0) {
      throw IoError(top->string(), fmt::format("git config {} failed: {}", key, set.text));
    }
  }
  return setup;
}

std::optional<IgnoreSetup> ignore_transient_files(const fs::path& state_path)
{
  const fs::path absolute = fs::absolute(state_path).lexically_normal();
  const std::optional<fs::path> top = git_work_tree(absolute.parent_path());
  if (!top) {
    return std::nullopt;
  }
  IgnoreSetup setup;
  setup.file = *top / ".gitignore";
  const std::string name = absolute.filename().string();
  // The names FileLock and write_file_atomic() use beside the state file.
  for (const std::string& pattern :
       {name + ".lock", fmt::format("{}{}.tmp-*", name.rfind('.', 0) == 0 ? "" : ".", name)}) {
    if (add_line_once(setup.file, pattern)) {
      setup.added.push_back(pattern);
    }
  }
  return setup;
}

} // namespace llmchecklist
