// Reading the fleet's sources: git repositories in-process through libgit2 (detail::Repository), and
// JSON exports through simdjson. Every failure becomes the source's error, never the fleet's.

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include <fmt/format.h>
#include <simdjson.h>

#include "git/project_at.hpp"
#include "git/repository.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/fleet.hpp"
#include "llmchecklist/git.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/state_file.hpp"
#include "llmchecklist/upgrade.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {
namespace {

// "billing" for "repos/billing", "repos/billing/" and the bare mirror "repos/billing.git".
std::string repository_name(const std::string& path)
{
  fs::path p = fs::path(path).lexically_normal();
  if (p.filename().empty()) {
    p = p.parent_path();
  }
  std::string name = p.filename().string();
  if (name == "." || name.empty()) {
    std::error_code ec;
    name = fs::absolute(p, ec).filename().string();
  }
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".git") == 0) {
    name.erase(name.size() - 4);
  }
  return name;
}

FleetSource failed(FleetSource source, FleetError::Kind kind, std::string message,
                   SourceLocation location = {})
{
  FleetError error;
  error.kind = kind;
  error.message = std::move(message);
  error.location = std::move(location);
  source.error = std::move(error);
  return source;
}

// The standing of a project read whole, as `progress --json` would count it.
void summarize_project(FleetSource& source, const Checklist& checklist, const State& state)
{
  source.checklist_id = checklist.id;
  source.checklist_title = checklist.title;
  source.pinned_version = pinned_version(state);
  source.latest_version = latest_version(state, checklist);
  const Progress progress = compute_progress(checklist, state);
  source.counts = progress.overall;
  for (std::size_t p = 0; p < checklist.phases().size(); ++p) {
    const Phase& phase = checklist.phases()[p];
    source.phases.push_back(FleetPhase{phase.id, phase.title, phase.optional, progress.phases[p]});
  }
  for (const Item& item : checklist.items()) {
    const Status status = status_of(state, item);
    if (status == Status::todo) {
      source.open_items.push_back(
          FleetItem{item.id, item.title, item.severity == Severity::required});
    }
    if (status != Status::na) {
      source.applicable_items.push_back(item.id);
    }
  }
  source.weakest = weakest_phase(checklist, progress);
}

} // namespace

bool FleetSource::newer_version() const
{
  return !pinned_version.empty() && !latest_version.empty() &&
         compare_versions(latest_version, pinned_version) > 0;
}

FleetSource read_git_source(const std::string& path, const std::string& ref,
                            const std::string& as_of)
{
  FleetSource source;
  source.source = path;
  source.kind = "git";
  source.name = repository_name(path);
  // Names in messages say where a file was read: "repos/billing:HEAD:.llmchecklist".
  const std::string prefix = fmt::format("{}:{}:", path, ref);
  try {
    std::optional<detail::Repository> opened;
    try {
      opened.emplace(path);
    } catch (const IoError&) {
      return failed(std::move(source), FleetError::Kind::io,
                    fmt::format("{}: not a git repository (git cannot read it)", path));
    }
    const detail::Repository& repository = *opened;
    // The revision first, so that a repository that lacks it is told apart from one without
    // a state file (which a scan leaves out).
    if (!repository.has_commit(ref)) {
      return failed(std::move(source), FleetError::Kind::io,
                    fmt::format("{}: git knows no revision '{}' here", path, ref));
    }
    const std::optional<std::string> text =
        repository.read(ref, std::string(k_state_file_name));
    if (!text) {
      FleetSource missing = failed(std::move(source), FleetError::Kind::io,
                                   fmt::format("no {} at {} in {}", k_state_file_name, ref, path));
      missing.error->no_state_file = true;
      return missing;
    }
    detail::ProjectAt project = detail::read_project_at(
        repository, ref, std::string(k_state_file_name), *text, prefix);
    project.state.as_of = as_of;
    const State& state = project.state;
    const Checklist& checklist = project.checklist;
    summarize_project(source, checklist, state);
    // Who last changed the state file, and when.
    if (const std::optional<LastChange> change =
            repository.last_change(ref, std::string(k_state_file_name))) {
      source.last_change_at = change->at;
      source.last_change_by = change->by;
    }
  } catch (const DataError& error) {
    return failed(std::move(source), FleetError::Kind::data, error.what(), error.location());
  } catch (const IoError& error) {
    return failed(std::move(source), FleetError::Kind::io, error.what());
  } catch (const Error& error) {
    return failed(std::move(source), FleetError::Kind::data, error.what());
  }
  return source;
}

namespace {

// A field of an export: its value, or a DataError naming what is missing.
template <typename T> T field(simdjson::dom::element element, std::string_view key)
{
  T value{};
  if (element[key].get(value) != simdjson::SUCCESS) {
    throw DataError({}, fmt::format("not an `llmchecklist export --format json` file: '{}' is "
                                    "missing or of the wrong type",
                                    key));
  }
  return value;
}

Counts counts_of(simdjson::dom::element element)
{
  Counts counts;
  counts.done = field<std::uint64_t>(element, "done");
  counts.na = field<std::uint64_t>(element, "na");
  counts.todo = field<std::uint64_t>(element, "todo");
  counts.total = field<std::uint64_t>(element, "total");
  counts.required_todo = field<std::uint64_t>(element, "required_todo");
  counts.stale = field<std::uint64_t>(element, "stale");
  counts.expired = field<std::uint64_t>(element, "expired");
  counts.automated = field<std::uint64_t>(element, "automated");
  counts.verify_failing = field<std::uint64_t>(element, "verify_failing");
  return counts;
}

std::string text_of(simdjson::dom::element element, std::string_view key)
{
  return std::string(field<std::string_view>(element, key));
}

} // namespace

FleetSource read_json_source(const std::string& path)
{
  FleetSource source;
  source.source = path;
  source.kind = "json";
  source.name = fs::path(path).stem().string();
  // One parser per thread: it keeps its buffers between files.
  thread_local simdjson::dom::parser parser;
  try {
    simdjson::dom::element root;
    const simdjson::error_code loaded = parser.load(path).get(root);
    if (loaded == simdjson::IO_ERROR) {
      throw IoError(path, fmt::format("cannot read {}", path));
    }
    if (loaded != simdjson::SUCCESS) {
      throw DataError({}, fmt::format("not valid JSON: {}", simdjson::error_message(loaded)));
    }
    simdjson::dom::element project;
    if (root["project"].get(project) == simdjson::SUCCESS) {
      std::string_view name;
      if (project["name"].get(name) == simdjson::SUCCESS && !name.empty()) {
        source.name = std::string(name);
      }
      simdjson::dom::element change;
      if (project["last_change"].get(change) == simdjson::SUCCESS && change.is_object()) {
        std::string_view at;
        std::string_view by;
        if (change["at"].get(at) == simdjson::SUCCESS) {
          source.last_change_at = std::string(at);
        }
        if (change["by"].get(by) == simdjson::SUCCESS) {
          source.last_change_by = std::string(by);
        }
      }
    }
    const simdjson::dom::element checklist = field<simdjson::dom::element>(root, "checklist");
    source.checklist_id = text_of(checklist, "id");
    source.checklist_title = text_of(checklist, "title");
    std::string_view version;
    if (checklist["pinned_version"].get(version) == simdjson::SUCCESS) {
      source.pinned_version = std::string(version);
    }
    if (checklist["latest_version"].get(version) == simdjson::SUCCESS) {
      source.latest_version = std::string(version);
    }
    source.counts = counts_of(root);
    Checklist shape; // for weakest_phase(): the phases' optional flags in order
    Progress progress;
    progress.overall = source.counts;
    for (const simdjson::dom::element phase : field<simdjson::dom::array>(root, "phases")) {
      FleetPhase summary{text_of(phase, "id"), text_of(phase, "title"),
                         field<bool>(phase, "optional"), counts_of(phase)};
      shape.add_phase(Phase{summary.id, summary.title, {}, summary.optional, {}});
      progress.phases.push_back(summary.counts);
      source.phases.push_back(std::move(summary));
      simdjson::dom::array items;
      if (phase["items"].get(items) != simdjson::SUCCESS) {
        continue; // a progress export without items: the counts are still right
      }
      for (const simdjson::dom::element item : items) {
        const std::string_view status = field<std::string_view>(item, "status");
        if (status == "todo") {
          source.open_items.push_back(FleetItem{text_of(item, "id"), text_of(item, "title"),
                                                text_of(item, "severity") == "required"});
        }
        if (status != "na") {
          source.applicable_items.push_back(text_of(item, "id"));
        }
      }
    }
    source.weakest = weakest_phase(shape, progress);
  } catch (const DataError& error) {
    return failed(std::move(source), FleetError::Kind::data, error.what(),
                  SourceLocation{path, 0, 0});
  } catch (const IoError& error) {
    return failed(std::move(source), FleetError::Kind::io, error.what());
  } catch (const Error& error) {
    return failed(std::move(source), FleetError::Kind::data, error.what());
  }
  return source;
}

Fleet read_fleet(const std::vector<std::string>& sources, const FleetOptions& options)
{
  Fleet fleet;
  fleet.ref = options.ref;
  fleet.sources.resize(sources.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < sources.size(); i = next++) {
      const std::string& path = sources[i];
      std::error_code ec;
      const fs::file_status status = fs::status(path, ec);
      if (fs::is_directory(status)) {
        fleet.sources[i] = read_git_source(path, options.ref, options.as_of);
      } else if (fs::is_regular_file(status)) {
        fleet.sources[i] = read_json_source(path);
      } else {
        FleetSource missing;
        missing.source = path;
        missing.kind = "unknown";
        missing.name = fs::path(path).filename().string();
        fleet.sources[i] = failed(std::move(missing), FleetError::Kind::io,
                                  fmt::format("{}: no such file or directory", path));
      }
    }
  };
  unsigned jobs =
      options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs =
      static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(sources.size(), 1)));
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) {
    threads.emplace_back(work);
  }
  work();
  for (std::thread& thread : threads) {
    thread.join();
  }
  return fleet;
}

std::vector<std::string> scan_for_sources(const std::string& directory, unsigned depth)
{
  std::vector<std::string> found;
  std::error_code ec;
  const auto walk = [&](const auto& self, const fs::path& dir, unsigned level) -> void {
    // A work tree (a .git entry) or a bare repository (HEAD, objects and refs): a source; the
    // scan does not look inside it.
    if (fs::exists(dir / ".git", ec) ||
        (fs::is_regular_file(dir / "HEAD", ec) && fs::is_directory(dir / "objects", ec) &&
         fs::is_directory(dir / "refs", ec))) {
      found.push_back(dir.lexically_normal().string()); // "./billing" reads as "billing"
      return;
    }
    if (level >= depth) {
      return;
    }
    std::vector<fs::path> children;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
      if (entry.is_directory(ec) && !entry.is_symlink(ec) &&
          entry.path().filename().string().rfind('.', 0) != 0) {
        children.push_back(entry.path());
      }
    }
    std::sort(children.begin(), children.end());
    for (const fs::path& child : children) {
      self(self, child, level + 1);
    }
  };
  walk(walk, fs::path(directory), 0);
  return found;
}

} // namespace llmchecklist
