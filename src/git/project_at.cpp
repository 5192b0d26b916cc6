#include "git/project_at.hpp"

#include <algorithm>
#include <filesystem>
#include <string_view>

#include <fmt/format.h>

#include "formats/checklist_reader.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/state_io.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::detail {
namespace {

// A path inside the repository, from a reference written in a file at `directory` (relative to
// the repository's top); empty when it would leave the repository.
std::string inside(const std::string& directory, std::string_view reference)
{
  const fs::path named(reference);
  if (reference.empty() || named.is_absolute()) {
    return {};
  }
  const fs::path path = (fs::path(directory) / named).lexically_normal();
  if (path.empty() || *path.begin() == "..") {
    return {};
  }
  return path.generic_string();
}

} // namespace

std::string link_message(std::string_view target)
{
  return fmt::format("a symbolic link to '{}', not a file: links inside a repository are not "
                     "followed",
                     target);
}

std::optional<std::string> read_file_at(const Repository& repository, const std::string& ref,
                                        const std::string& path, const std::string& prefix)
{
  const SourceLocation where{prefix + path, 0, 0};
  switch (repository.entry_type(ref, path)) {
  case EntryType::none:
    return std::nullopt;
  case EntryType::directory:
    throw DataError(where, "a directory, not a file");
  case EntryType::submodule:
    throw DataError(where, "a submodule, not a file");
  case EntryType::link:
    throw DataError(where, link_message(repository.read(ref, path).value_or("")));
  case EntryType::file:
    break;
  }
  return repository.read(ref, path);
}

ProjectAt read_project_at(const Repository& repository, const std::string& ref,
                          const std::string& path, const std::string& state_text,
                          const std::string& prefix)
{
  ProjectAt project{parse_state(state_text, prefix + path), Checklist{}};
  project.checklist = read_checklist_at(repository, ref, path, project.state, prefix);
  return project;
}

Checklist read_checklist_at(const Repository& repository, const std::string& ref,
                            const std::string& path, const State& state,
                            const std::string& prefix)
{
  if (state.checklist.rfind(k_builtin_prefix, 0) == 0) {
    try {
      return load_builtin_checklist(
          std::string_view(state.checklist).substr(k_builtin_prefix.size()));
    } catch (const LookupError& error) {
      throw DataError(state.checklist_location, error.what());
    }
  }
  // The checklist file and what it extends, read at the same revision, inside the repository
  // only, as the single-repository commands require.
  const std::string file = inside(fs::path(path).parent_path().generic_string(), state.checklist);
  if (file.empty()) {
    throw DataError(state.checklist_location,
                    fmt::format("checklist must be builtin:NAME or a file inside the "
                                "repository: '{}' is not",
                                state.checklist));
  }
  ReadContext context;
  context.load_base = [&](std::string_view reference, const std::string& from,
                          ReadContext& inner) -> Checklist {
    if (reference.rfind(k_builtin_prefix, 0) == 0) {
      return load_builtin_checklist(reference.substr(k_builtin_prefix.size()));
    }
    const std::string base =
        inside(fs::path(from.substr(std::min(from.size(), prefix.size()))).parent_path().string(),
               reference);
    if (base.empty()) {
      throw DataError({},
                      fmt::format("cannot extend: '{}' leads outside the repository", reference));
    }
    if (const std::string cycle = describe_cycle(inner.chain, prefix + base); !cycle.empty()) {
      throw DataError({}, fmt::format("'extends' makes a cycle: {}", cycle));
    }
    const std::optional<std::string> base_text = read_file_at(repository, ref, base, prefix);
    if (!base_text) {
      throw IoError(prefix + base, fmt::format("{}{} does not exist", prefix, base));
    }
    return read_checklist(*base_text, prefix + base, nullptr, nullptr, inner);
  };
  const std::optional<std::string> checklist_text = read_file_at(repository, ref, file, prefix);
  if (!checklist_text) {
    throw IoError(prefix + file,
                  fmt::format("{}{} does not exist (named by {}:{}:{})", prefix, file,
                              state.checklist_location.path, state.checklist_location.line,
                              state.checklist_location.column));
  }
  return read_checklist(*checklist_text, prefix + file, nullptr, nullptr, context);
}

} // namespace llmchecklist::detail
