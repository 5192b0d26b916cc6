#include "llmchecklist/revision.hpp"

#include <fmt/format.h>

#include "git/project_at.hpp"
#include "git/repository.hpp"
#include "llmchecklist/project.hpp"
#include "llmchecklist/state_file.hpp"
#include "llmchecklist/state_io.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {
namespace {

ProjectVersion work_tree_version(const fs::path& state_path)
{
  ProjectVersion version;
  version.name = "the working tree";
  const std::optional<std::string> text = read_state_file(state_path);
  if (!text) {
    return version;
  }
  version.state = parse_state(*text, state_path.string());
  try {
    version.checklist = load_checklist_reference(
        version.state->checklist, state_path.parent_path(), version.state->checklist_location);
  } catch (const DataError& error) {
    version.checklist_error = located_message(error.location(), error.what());
  } catch (const Error& error) {
    version.checklist_error = error.what();
  }
  return version;
}

} // namespace

ProjectVersion read_project_version(const fs::path& state_path, const std::string& ref)
{
  if (ref.empty()) {
    return work_tree_version(state_path);
  }
  const fs::path absolute = fs::absolute(state_path).lexically_normal();
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
  const std::string path =
      top.empty() ? absolute.filename().string()
                  : fs::relative(fs::weakly_canonical(absolute.parent_path()) / absolute.filename(),
                                 fs::weakly_canonical(top))
                        .generic_string();
  ProjectVersion version;
  version.name = ref;
  const std::optional<std::string> text = detail::read_file_at(*repository, ref, path, ref + ":");
  if (!text) {
    return version;
  }
  const std::string prefix = ref + ":";
  version.state = parse_state(*text, prefix + path);
  try {
    version.checklist = detail::read_checklist_at(*repository, ref, path, *version.state, prefix);
  } catch (const DataError& error) {
    version.checklist_error = located_message(error.location(), error.what());
  } catch (const Error& error) {
    version.checklist_error = error.what();
  }
  return version;
}

} // namespace llmchecklist
