#include "llmchecklist/project.hpp"

#include <optional>

#include <fmt/format.h>

#include "cached_load.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/state_file.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {

Checklist load_checklist_reference(std::string_view reference, const fs::path& base,
                                   const Cache* cache)
{
  if (reference.substr(0, k_builtin_prefix.size()) == k_builtin_prefix) {
    return load_builtin_checklist(reference.substr(k_builtin_prefix.size()));
  }
  const fs::path path(reference);
  const fs::path resolved = path.is_absolute() || base.empty() ? path : base / path;
  const std::string file = resolved.lexically_normal().string();
  Checklist checklist =
      cache != nullptr ? detail::load_checklist_file(file, *cache) : load_checklist_file(file);
  // The reference as the state file records it, so that exports are the same on every machine.
  checklist.source = std::string(reference);
  return checklist;
}

namespace {

// `text` is the state file's content, when it exists.
Project make_project(const fs::path& state_path, const std::optional<std::string>& text,
                     const Cache* cache)
{
  Project project;
  project.state_path = state_path;
  project.exists = text.has_value();
  if (text) {
    project.state = cache != nullptr ? detail::parse_state(*text, state_path.string(), *cache)
                                     : parse_state(*text, state_path.string());
  } else {
    // A new state pins the version it is written against: a newer binary with a newer
    // checklist must not change what the team signed off against behind its back.
    project.state.checklist = pinned_builtin_reference(k_default_builtin);
  }
  try {
    project.checklist =
        load_checklist_reference(project.state.checklist, state_path.parent_path(), cache);
  } catch (const LookupError& error) {
    // The state file names a checklist this binary does not have: the file is what is wrong.
    if (!text) {
      throw;
    }
    std::string known;
    for (const std::string& candidate : error.candidates()) {
      known += known.empty() ? candidate : ", " + candidate;
    }
    throw DataError(project.state.checklist_location,
                    fmt::format("{}{}", error.what(), known.empty() ? "" : "; known: " + known));
  } catch (const IoError& error) {
    if (!text) {
      throw;
    }
    const SourceLocation& at = project.state.checklist_location;
    throw IoError(error.path(),
                  fmt::format("{} (named by {}:{}:{})", error.what(), at.path, at.line, at.column));
  }
  return project;
}

std::optional<std::string> read_if_exists(const fs::path& path)
{
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return std::nullopt;
  }
  return read_file(path);
}

} // namespace

Project open_project(const fs::path& state_path, const Cache* cache)
{
  return make_project(state_path, read_if_exists(state_path), cache);
}

void check_item(State& state, const Item& item, Status status, const Mark& mark)
{
  if (status == Status::na && mark.note.empty()) {
    throw UsageError(fmt::format("marking '{}' not applicable needs a reason", item.id));
  }
  Entry& entry = state.entry(item.id);
  if (!mark.note.empty()) {
    entry.note = mark.note;
  } else if (entry.status != status) {
    entry.note.clear();
  }
  entry.status = status;
  // Checking again re-confirms the item at its current revision: a stale check is fresh again.
  entry.revision = item.revision;
  entry.until = status == Status::na ? mark.until : std::string();
  entry.by = mark.by;
  entry.at = mark.at;
}

void uncheck_item(State& state, const Item& item)
{
  // What was checked goes; the item's verify command and its last result are configuration
  // and evidence about the item, not part of the check, and stay.
  Entry& entry = state.entry(item.id);
  entry.status = Status::todo;
  entry.revision = 0;
  entry.by.clear();
  entry.at.clear();
  entry.note.clear();
  entry.until.clear();
}

bool update_project(const fs::path& state_path, const std::function<void(Project&)>& change,
                    std::chrono::milliseconds lock_timeout, const Cache* cache)
{
  // Fail before taking the lock when the file could not be created at all.
  const fs::path dir = state_path.has_parent_path() ? state_path.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw IoError(state_path.string(), fmt::format("cannot write {}: directory {} does not exist",
                                                   state_path.string(), dir.string()));
  }
  FileLock lock(state_path, lock_timeout);
  remove_stale_temporaries(state_path);
  const std::optional<std::string> before = read_if_exists(state_path);
  Project project = make_project(state_path, before, cache);
  change(project);
  const std::string after = serialize_state(project.state, project.checklist);
  if (before == after) {
    return false;
  }
  write_file_atomic(state_path, after);
  return true;
}

} // namespace llmchecklist
