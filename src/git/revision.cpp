#include "llmchecklist/revision.hpp"

#include <fmt/format.h>

#include "git/repository.hpp"
#include "git/revision_files.hpp"
#include "llmchecklist/receipts.hpp"
#include "llmchecklist/state_file.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {
namespace {

// `path` relative to `top`, the directories' links resolved as git resolves the work tree, but
// never the file's own: a state file that is a link is read as the link, and judged as one.
std::string relative_to(const fs::path& path, const fs::path& top)
{
  return (fs::weakly_canonical(path.parent_path()) / path.filename())
      .lexically_relative(fs::weakly_canonical(top))
      .generic_string();
}

// The version with its receipts and expectations judged against its own files.
ProjectVersion noted(ProjectVersion version, const ProjectFiles& files)
{
  if (version.state) {
    note_current_files(*version.state, files);
  }
  return version;
}

} // namespace

ProjectVersion read_project_version(const fs::path& state_path, const std::string& ref)
{
  const fs::path absolute = fs::absolute(state_path).lexically_normal();
  if (ref.empty()) {
    const fs::path top = default_state_directory(absolute.parent_path());
    return noted(read_project(WorkTreeFiles(top.string()), relative_to(absolute, top)),
                 WorkTreeFiles(top.string()));
  }
  std::optional<detail::Repository> repository;
  try {
    repository.emplace(absolute.parent_path(), true);
  } catch (const IoError&) {
    throw UsageError(fmt::format("{} is not in a git repository, so it has no revision '{}'",
                                 absolute.string(), ref));
  }
  if (!repository->has_commit(ref)) {
    throw UsageError(fmt::format("git knows no revision '{}'", ref));
  }
  const fs::path top = repository->work_tree();
  const std::string path = top.empty() ? absolute.filename().string() : relative_to(absolute, top);
  const detail::RevisionFiles files(*repository, ref, ref + ":");
  return noted(read_project(files, path), files);
}

} // namespace llmchecklist
