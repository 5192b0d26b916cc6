#include "llmchecklist/project_files.hpp"

#include <algorithm>
#include <filesystem>
#include <string_view>

#include <fmt/format.h>

#include "formats/checklist_reader.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/state_file.hpp"
#include "llmchecklist/state_io.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {
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

// The directory, relative to the repository's top, of a file named as `files` shows it (the
// reader hands over the name it was given): the relative part of files.shown(relative).
std::string directory_of(const ProjectFiles& files, const std::string& shown)
{
  const std::string prefix = files.shown("");
  const std::string relative = shown.rfind(prefix, 0) == 0 ? shown.substr(prefix.size()) : shown;
  return fs::path(relative).parent_path().generic_string();
}

} // namespace

WorkTreeFiles::WorkTreeFiles(std::string root) : m_root(std::move(root)) {}

std::string WorkTreeFiles::name() const
{
  return "the working tree";
}

std::optional<std::string> WorkTreeFiles::read(const std::string& path) const
{
  // Callers name files inside the repository; one that is not is refused, never opened.
  if (inside("", path).empty()) {
    throw DataError({shown(path), 0, 0}, "not a file inside the repository; it was not read");
  }
  return read_state_file(fs::path(m_root) / path);
}

std::string WorkTreeFiles::shown(const std::string& path) const
{
  return (fs::path(m_root) / path).string();
}

Checklist read_checklist_of(const ProjectFiles& files, const std::string& path, const State& state)
{
  if (state.checklist.rfind(k_builtin_prefix, 0) == 0) {
    try {
      return load_builtin_checklist(
          std::string_view(state.checklist).substr(k_builtin_prefix.size()));
    } catch (const LookupError& error) {
      throw DataError(state.checklist_location, error.what());
    }
  }
  // The checklist file and what it extends, read from the same version, inside the repository
  // only, as the single-repository commands require.
  const std::string file = inside(fs::path(path).parent_path().generic_string(), state.checklist);
  if (file.empty()) {
    throw DataError(state.checklist_location,
                    fmt::format("checklist must be builtin:NAME or a file inside the "
                                "repository: '{}' is not",
                                state.checklist));
  }
  detail::ReadContext context;
  context.load_base = [&](std::string_view reference, const std::string& from,
                          detail::ReadContext& inner) -> Checklist {
    if (reference.rfind(k_builtin_prefix, 0) == 0) {
      return load_builtin_checklist(reference.substr(k_builtin_prefix.size()));
    }
    const std::string base = inside(directory_of(files, from), reference);
    if (base.empty()) {
      throw DataError({},
                      fmt::format("cannot extend: '{}' leads outside the repository", reference));
    }
    if (const std::string cycle = detail::describe_cycle(inner.chain, files.shown(base));
        !cycle.empty()) {
      throw DataError({}, fmt::format("'extends' makes a cycle: {}", cycle));
    }
    const std::optional<std::string> base_text = files.read(base);
    if (!base_text) {
      throw IoError(files.shown(base), fmt::format("{} does not exist", files.shown(base)));
    }
    return detail::read_checklist(*base_text, files.shown(base), nullptr, nullptr, inner);
  };
  const std::optional<std::string> text = files.read(file);
  if (!text) {
    throw IoError(files.shown(file),
                  fmt::format("{} does not exist (named by {}:{}:{})", files.shown(file),
                              state.checklist_location.path, state.checklist_location.line,
                              state.checklist_location.column));
  }
  Checklist checklist = detail::read_checklist(*text, files.shown(file), nullptr, nullptr, context);
  checklist.source = state.checklist;
  return checklist;
}

ProjectVersion read_project(const ProjectFiles& files, const std::string& path)
{
  ProjectVersion version;
  version.name = files.name();
  const std::optional<std::string> text = files.read(path);
  if (!text) {
    return version;
  }
  version.state = parse_state(*text, files.shown(path));
  try {
    version.checklist = read_checklist_of(files, path, *version.state);
  } catch (const DataError& error) {
    version.checklist_error = located_message(error.location(), error.what());
  } catch (const Error& error) {
    version.checklist_error = error.what();
  }
  return version;
}

} // namespace llmchecklist
