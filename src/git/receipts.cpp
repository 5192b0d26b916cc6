#include "llmchecklist/receipts.hpp"

#include <glob.h>

#include <algorithm>

#include <fmt/format.h>

#include "git/libgit2.hpp"
#include "llmchecklist/entry_rules.hpp"
#include "llmchecklist/error.hpp"
#include "project/confine.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {
namespace {

bool is_pattern(std::string_view spec)
{
  return spec.find_first_of("*?[") != std::string_view::npos;
}

// `spec` as a path relative to `root`, refused when it leads out (lexically or through a link).
std::string inside_root(const fs::path& root, const fs::path& cwd, const std::string& spec)
{
  const fs::path named(spec);
  const fs::path relative =
      named.is_absolute() ? named.lexically_relative(fs::absolute(root)) : named;
  if (named.is_absolute() && relative.generic_string().rfind("..", 0) == 0) {
    throw UsageError(fmt::format("--evidence {}: it leads outside the repository ({}); name a "
                                 "file inside it",
                                 spec, root.string()));
  }
  const fs::path base = named.is_absolute() ? fs::path(root) : cwd;
  const detail::ConfinedPath confined =
      detail::confine(relative.empty() ? spec : relative.generic_string(), base, root);
  if (!confined.problem.empty()) {
    throw UsageError(fmt::format("--evidence {}: {}", spec, confined.problem));
  }
  std::string path =
      confined.path.lexically_relative(fs::absolute(root).lexically_normal()).generic_string();
  return path == "." ? std::string() : path;
}

// Every regular file below `directory` (relative to `root`), the repository's own .git left
// out; links are recorded as what they are not followed into (a directory link is skipped).
void add_directory(const fs::path& root, const std::string& directory,
                   std::vector<std::string>& paths)
{
  const fs::path top = fs::path(root) / directory;
  for (auto it = fs::recursive_directory_iterator(top); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() || (it->is_symlink() && fs::is_regular_file(it->path()))) {
      paths.push_back(it->path().lexically_relative(root).generic_string());
    }
  }
}

void add_spec(const fs::path& root, const fs::path& cwd, const std::string& spec,
              std::vector<std::string>& paths)
{
  const std::string path = inside_root(root, cwd, spec);
  const fs::path full = fs::path(root) / path;
  std::error_code ec;
  if (!path.empty() && fs::is_regular_file(fs::symlink_status(full, ec))) {
    paths.push_back(path);
  } else if (path.empty() || fs::is_directory(fs::symlink_status(full, ec))) {
    const std::size_t before = paths.size();
    add_directory(root, path, paths);
    if (paths.size() == before) {
      throw UsageError(fmt::format("--evidence {}: the directory holds no file", spec));
    }
  } else if (fs::is_symlink(fs::symlink_status(full, ec))) {
    // confine() let it through, so it stays inside; WorkTreeFiles::read judges its target.
    paths.push_back(path);
  } else if (is_pattern(spec)) {
    glob_t found{};
    const std::string pattern = (fs::path(root) / path).string();
    const int result = ::glob(pattern.c_str(), 0, nullptr, &found);
    std::vector<std::string> matches;
    for (std::size_t i = 0; result == 0 && i < found.gl_pathc; ++i) {
      matches.emplace_back(found.gl_pathv[i]);
    }
    globfree(&found);
    if (matches.empty()) {
      throw UsageError(fmt::format("--evidence {}: no file matches", spec));
    }
    for (const std::string& match : matches) {
      add_spec(root, root, fs::path(match).lexically_relative(root).generic_string(), paths);
    }
  } else {
    throw UsageError(fmt::format("--evidence {}: no such file or directory", spec));
  }
}

} // namespace

std::string blob_id(std::string_view content)
{
  const detail::Libgit2& git = detail::libgit2();
  git_oid oid;
  if (git.git_odb_hash(&oid, content.data(), content.size(), GIT_OBJECT_BLOB) != 0) {
    throw IoError({}, "libgit2 could not hash a file's content");
  }
  char hex[GIT_OID_HEXSZ + 1] = {};
  git.git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

std::vector<Receipt> collect_receipts(const fs::path& root, const fs::path& cwd,
                                      const std::vector<std::string>& specs)
{
  const fs::path top = fs::absolute(root).lexically_normal();
  std::vector<std::string> paths;
  for (const std::string& spec : specs) {
    add_spec(top, fs::absolute(cwd), spec, paths);
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  const WorkTreeFiles files(top.string());
  std::vector<Receipt> receipts;
  for (const std::string& path : paths) {
    require_repository_path(path, "an evidence path");
    const std::optional<std::string> content = files.read(path);
    if (!content) {
      throw IoError(files.shown(path), fmt::format("{}: no such file", files.shown(path)));
    }
    receipts.push_back(Receipt{path, blob_id(*content)});
  }
  return receipts;
}

void note_current_files(State& state, const ProjectFiles& files)
{
  state.current_files.clear();
  state.files_known = true;
  for (const Entry& entry : state.entries) {
    const auto note = [&](const std::string& path) {
      if (state.current_files.count(path) != 0) {
        return;
      }
      std::string blob;
      try {
        if (const std::optional<std::string> content = files.read(path)) {
          blob = blob_id(*content);
        }
      } catch (const DataError&) {
        // A link leading out, a directory, a file too large: not evidence the repository
        // holds, so the receipt shows as gone.
      } catch (const IoError&) {
      }
      state.current_files.emplace(path, std::move(blob));
    };
    for (const Receipt& receipt : entry.evidence) {
      note(receipt.path);
    }
    for (const Expectation& expectation : entry.expectations) {
      note(expectation.rule.file);
    }
  }
}

} // namespace llmchecklist
