#include "llmchecklist/project.hpp"

#include <optional>

#include <fmt/format.h>

#include "cache/cached_load.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/entry_rules.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/state_file.hpp"
#include "llmchecklist/state_io.hpp"
#include "llmchecklist/utc.hpp"
#include "project/confine.hpp"
#include "project/definitions.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {

fs::path default_cache_directory()
{
  return detail::Cache::from_environment().directory();
}

Checklist load_checklist_reference(std::string_view reference, const fs::path& base,
                                   const SourceLocation& where, const ProjectSettings& settings)
{
  if (reference.substr(0, k_builtin_prefix.size()) == k_builtin_prefix) {
    return load_builtin_checklist(reference.substr(k_builtin_prefix.size()));
  }
  // The reference comes from a file anyone may change in a pull request: it may only name a
  // file of the repository, and a refused one is never opened, so that no part of it can reach
  // an error message or a CI log.
  const fs::path directory = base.empty() ? fs::path(".") : base;
  const fs::path root = default_state_directory(directory);
  const detail::ConfinedPath confined = detail::confine(reference, directory, root);
  if (!confined.problem.empty()) {
    throw DataError(where, fmt::format("checklist must be builtin:NAME or a file inside the "
                                       "repository: {}",
                                       confined.problem));
  }
  // Named as the state file names it (relative when the state file's path is), so that
  // messages read the way the user called the command.
  const fs::path named = base.empty() ? fs::path(reference) : base / fs::path(reference);
  detail::ReadContext context = detail::repository_context(root);
  // Definitions compiled before are read from the cache: a large definition is parsed once, not
  // on every run. It only ever saves time; the answers are the same without it.
  const detail::Cache cache(settings.cache_directory);
  Checklist checklist = detail::load_checklist_file(named.lexically_normal().string(), context,
                                                    root.string(), &cache);
  // The reference as the state file records it, so that exports are the same on every machine.
  checklist.source = std::string(reference);
  return checklist;
}

namespace {

// `text` is the state file's content, when it exists.
Project make_project(const fs::path& state_path, const std::optional<std::string>& text,
                     const ProjectSettings& settings)
{
  Project project;
  project.state_path = state_path;
  project.exists = text.has_value();
  if (text) {
    project.state = parse_state(*text, state_path.string());
  } else {
    // A new state pins the version it is written against: a newer binary with a newer
    // checklist must not change what the team signed off against behind its back.
    project.state.checklist = pinned_builtin_reference(k_default_builtin);
  }
  try {
    project.checklist = load_checklist_reference(project.state.checklist, state_path.parent_path(),
                                                 project.state.checklist_location, settings);
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

// A state pinned to one version of a checklist file may only be written against that version:
// moving to another is `upgrade`'s reviewable step, never a side effect of a check.
void require_pinned_version(const Project& project)
{
  const State& state = project.state;
  if (state.checklist.rfind(k_builtin_prefix, 0) == 0 || state.checklist_version.empty() ||
      state.checklist_version == project.checklist.version) {
    return;
  }
  throw DataError(state.checklist_location,
                  fmt::format("{} follows version {} of {}, which is now version {}; nothing was "
                              "written. Run `llmchecklist upgrade --dry-run` to see what changed, "
                              "then `llmchecklist upgrade`",
                              project.state_path.string(), state.checklist_version, state.checklist,
                              project.checklist.version));
}

} // namespace

Project open_project(const fs::path& state_path, const ProjectSettings& settings)
{
  return make_project(state_path, read_state_file(state_path), settings);
}

void check_item(State& state, const Item& item, Status status, const Mark& mark)
{
  // Everything is checked before anything changes: a refused mark leaves the state as it was.
  if (status == Status::na) {
    require_reason(mark.note, fmt::format("marking '{}' not applicable", item.id));
  } else {
    require_one_line(mark.note, "the note");
  }
  require_one_line(mark.by, "who checked");
  if (!parse_utc(mark.at)) {
    throw UsageError(fmt::format("the time of a check must be a UTC date-time like "
                                 "2026-11-28T12:00:00Z, not \"{}\"",
                                 mark.at));
  }
  if (!mark.until.empty()) {
    if (status != Status::na) {
      throw UsageError("an end date (until) applies to a not-applicable decision only");
    }
    require_until(mark.until, mark.at.substr(0, 10), "the end date");
  }
  if (mark.evidence) {
    Entry probe;
    probe.id = item.id;
    probe.evidence = *mark.evidence;
    require_readable(probe);
  }
  Entry& entry = state.entry(item.id);
  if (mark.evidence) {
    entry.evidence = *mark.evidence;
  }
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

void set_note(State& state, const Item& item, const std::string& note)
{
  require_one_line(note, "the note");
  const Entry* entry = state.find(item.id);
  if (entry != nullptr && entry->status == Status::na &&
      note.find_first_not_of(" \t") == std::string::npos) {
    throw UsageError(fmt::format("'{}' is not applicable and keeps a reason", item.id));
  }
  state.entry(item.id).note = note;
}

void set_verify_command(State& state, const Item& item, const std::string& command)
{
  require_one_line(command, "the verify command");
  Entry& entry = state.entry(item.id);
  if (entry.verify != command) {
    entry.verify_result.clear();
  }
  entry.verify = command;
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
  entry.evidence.clear();
}

bool add_expectation(State& state, const Item& item, const ExpectationRule& rule)
{
  require_fits_reader(rule, "the expectation");
  Entry& entry = state.entry(item.id);
  for (const Expectation& expectation : entry.expectations) {
    if (expectation.rule == rule) {
      return false;
    }
  }
  entry.expectations.push_back(Expectation{rule, {}, {}, {}, {}});
  return true;
}

std::size_t remove_expectations(State& state, const Item& item, std::string_view file)
{
  if (state.find(item.id) == nullptr) {
    return 0;
  }
  return std::erase_if(state.entry(item.id).expectations, [&](const Expectation& expectation) {
    return expectation.rule.file == file;
  });
}

void record_expectation(State& state, const Item& item, std::size_t index, bool pass,
                        const std::string& value, const std::string& blob, const std::string& at)
{
  require_one_line(value, "the value read");
  if (!parse_utc(at)) {
    throw UsageError(fmt::format("the time of a reading must be a UTC date-time, not \"{}\"", at));
  }
  // Changed on a copy first: a refused reading leaves the state as it was.
  Entry entry = state.entry(item.id);
  Expectation& expectation = entry.expectations.at(index);
  expectation.result = pass ? "pass" : "fail";
  expectation.value = value;
  expectation.blob = blob;
  expectation.at = at;
  require_readable(entry);
  state.entry(item.id) = std::move(entry);
}

bool update_project(const fs::path& state_path, const std::function<void(Project&)>& change,
                    const ProjectSettings& settings, Creation creation)
{
  // Fail before taking the lock when the file could not be created at all.
  const fs::path dir = state_path.has_parent_path() ? state_path.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw IoError(state_path.string(), fmt::format("cannot write {}: directory {} does not exist",
                                                   state_path.string(), dir.string()));
  }
  FileLock lock(state_path, settings.lock_timeout);
  remove_stale_temporaries(state_path);
  const std::optional<std::string> before = read_state_file(state_path);
  Project project = make_project(state_path, before, settings);
  change(project);
  require_pinned_version(project);
  const std::string after = serialize_state(project.state, project.checklist);
  if (before == after) {
    return false;
  }
  // A change that did nothing (prune with nothing to prune, --unset of no command) must not
  // leave a new file behind.
  if (!before && creation == Creation::when_changed &&
      after == serialize_state(make_project(state_path, std::nullopt, settings).state,
                               project.checklist)) {
    return false;
  }
  write_file_atomic(state_path, after);
  return true;
}

} // namespace llmchecklist
