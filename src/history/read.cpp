// Reading the state file's history: every commit that changed it, listed by one in-process walk
// (detail::Repository::changes()), each revision parsed and counted as `progress` counts it.
// A revision that cannot be read becomes its point's error, never the history's.

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "git/repository.hpp"
#include "git/revision_files.hpp"
#include "llmchecklist/history.hpp"
#include "llmchecklist/project_files.hpp"
#include "llmchecklist/receipts.hpp"
#include "llmchecklist/scope.hpp"
#include "llmchecklist/state_io.hpp"
#include "llmchecklist/upgrade.hpp"
#include "llmchecklist/utc.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {
namespace {

// The state file's path from the work tree's top, for a path relative to `directory`.
std::string from_root(const detail::Repository& repository, const fs::path& directory,
                      const std::string& path)
{
  const fs::path top = repository.work_tree();
  if (top.empty()) {
    return fs::path(path).lexically_normal().generic_string(); // bare: from the root already
  }
  return fs::relative(fs::weakly_canonical(fs::absolute(directory) / path),
                      fs::weakly_canonical(top))
      .generic_string();
}

// A revision's state and the checklist it followed.
struct Counted
{
  State state;
  Checklist checklist;
};

// `read` is set to the state and checklist read at the revision, when they could be.
HistoryPoint count_revision(const detail::Repository& repository, const std::string& path,
                            detail::FileChange change, std::optional<Counted>& read)
{
  read.reset();
  HistoryPoint point;
  point.commit = std::move(change.commit);
  point.time = change.time;
  point.at = std::move(change.at);
  point.by = std::move(change.by);
  const auto failed = [&](HistoryError::Kind kind, std::string message, SourceLocation where) {
    point.error = HistoryError{kind, std::move(message), std::move(where)};
    return point;
  };
  if (!change.content) {
    return failed(HistoryError::Kind::removed, fmt::format("the commit removed {}", path), {});
  }
  // Files are named as git names them at a revision: "1a2b3c4:.llmchecklist".
  const std::string prefix = point.commit.substr(0, 7) + ":";
  if (change.link) {
    return failed(HistoryError::Kind::data, detail::link_message(*change.content),
                  SourceLocation{prefix + path, 0, 0});
  }
  try {
    const detail::RevisionFiles files(repository, point.commit, prefix);
    Counted project{parse_state(*change.content, files.shown(path)), Checklist{}};
    project.checklist = read_checklist_of(files, path, project.state);
    // An n/a decision had expired or not on the day of the commit, not today.
    project.state.as_of = point.at.substr(0, 10);
    note_current_files(project.state, files);
    point.checklist_id = project.checklist.id;
    point.version = pinned_version(project.state);
    if (point.version.empty()) {
      point.version = project.checklist.version;
    }
    point.counts = compute_progress(project.checklist, project.state).overall;
    point.gate_min = project.state.gate.min;
    read = std::move(project);
  } catch (const DataError& error) {
    return failed(HistoryError::Kind::data, error.what(), error.location());
  } catch (const IoError& error) {
    return failed(HistoryError::Kind::io, error.what(), {});
  } catch (const Error& error) {
    return failed(HistoryError::Kind::data, error.what(), {});
  }
  return point;
}

} // namespace

std::optional<std::int64_t> parse_since_date(std::string_view text)
{
  if (!scan_date(text.substr(0, 10))) {
    return std::nullopt; // not shaped like a date: a revision
  }
  const std::optional<std::chrono::sys_seconds> time = parse_loose_date_time(text);
  if (!time) {
    throw UsageError(fmt::format("--since takes a date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] "
                                 "with Z or an offset) or a git revision; '{}' is neither",
                                 text));
  }
  return time->time_since_epoch().count();
}

std::size_t History::unreadable() const
{
  return static_cast<std::size_t>(
      std::count_if(points.begin(), points.end(), [](const HistoryPoint& p) {
        return p.error && p.error->kind != HistoryError::Kind::removed;
      }));
}

History read_history(const fs::path& repository, const std::string& path,
                     const HistoryOptions& options)
{
  std::optional<detail::Repository> opened;
  try {
    opened.emplace(repository, true);
  } catch (const IoError&) {
    throw UsageError(fmt::format("{} is not in a git repository; history reads the state file's "
                                 "commits",
                                 fs::absolute(repository).lexically_normal().string()));
  }
  History history;
  history.path = from_root(*opened, repository, path);
  history.ref = options.ref;
  history.since = options.since;
  detail::ChangeLimit limit;
  if (!options.since.empty()) {
    if (const std::optional<std::int64_t> date = parse_since_date(options.since)) {
      limit.since_time = *date;
    } else {
      limit.since_ref = options.since;
    }
  }
  // A repository without commits lacks even HEAD: a usage error, as `fleet`, `diff` and
  // `progress --since` say of a revision git does not know.
  if (!opened->has_commit(options.ref)) {
    throw UsageError(
        fmt::format("git knows no revision '{}'{}", options.ref,
                    opened->head_unborn() ? ": HEAD's branch has no commits yet" : ""));
  }
  std::vector<detail::FileChange> changes = opened->changes(options.ref, history.path, limit);
  history.points.reserve(changes.size());
  // Each readable revision against the one before it: a commit that changes the checklist
  // changes what the percentage means, and says so in its row.
  std::optional<Counted> previous;
  for (auto change = changes.rbegin(); change != changes.rend(); ++change) {
    std::optional<Counted> read;
    history.points.push_back(count_revision(*opened, history.path, std::move(*change), read));
    if (!read) {
      continue;
    }
    if (previous) {
      ScopeChange scope =
          compare_scope(previous->state, previous->checklist, read->state, read->checklist);
      if (!scope.empty()) {
        history.points.back().scope = std::move(scope);
      }
    }
    previous = std::move(read);
  }
  for (auto point = history.points.rbegin(); point != history.points.rend(); ++point) {
    if (!point->error) {
      history.gate_min = point->gate_min;
      break;
    }
  }
  return history;
}

} // namespace llmchecklist
