// Reading the fleet's sources: git repositories in-process through libgit2 (detail::Repository),
// and JSON exports through simdjson. Every failure becomes the source's error, never the fleet's.

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>
#include <unordered_map>

#include <sys/stat.h>

#include <fmt/format.h>
#include <simdjson.h>

#include "formats/json_keys.hpp"
#include "git/repository.hpp"
#include "git/revision_files.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/fleet.hpp"
#include "llmchecklist/git.hpp"
#include "llmchecklist/receipts.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/state_file.hpp"
#include "llmchecklist/state_io.hpp"
#include "llmchecklist/upgrade.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {
namespace {

// "billing" for "repos/billing", "repos/billing/", "repos/billing/.git" and the bare mirror
// "repos/billing.git".
std::string repository_name(const std::string& path)
{
  fs::path p = fs::path(path).lexically_normal();
  if (p.filename().empty()) {
    p = p.parent_path();
  }
  if (p.filename() == ".git" && p.has_parent_path()) {
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

// What names one file or directory however the path is written (through a link, with ..):
// its device and inode, from one stat; the absolute path of what cannot be found.
std::string identity_of(const fs::path& path)
{
  struct stat status
  {
  };
  if (::stat(path.c_str(), &status) == 0) {
    return fmt::format("{}:{}", status.st_dev, status.st_ino);
  }
  std::error_code ec;
  return fs::absolute(path, ec).lexically_normal().string();
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
  source.identity = identity_of(path);
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
    // Two paths to one repository (a link, "repo/.git") open the same git directory.
    source.identity = identity_of(repository.git_dir());
    source.work_tree = repository.work_tree().string();
    // The revision first, so that a repository that lacks it is told apart from one without
    // a state file. A revision git does not know is a usage error, as `history` says; a new
    // repository (HEAD's branch without commits) has no state file either, and a scan leaves
    // it out.
    if (!repository.has_commit(ref)) {
      const bool unborn = repository.head_unborn();
      FleetSource unknown =
          failed(std::move(source), FleetError::Kind::usage,
                 fmt::format("{}: git knows no revision '{}' here{}", path, ref,
                             unborn && ref == "HEAD" ? ": HEAD's branch has no commits yet" : ""));
      unknown.error->no_state_file = unborn;
      return unknown;
    }
    const detail::RevisionFiles files(repository, ref, prefix);
    const std::string state_path(k_state_file_name);
    const std::optional<std::string> text = files.read(state_path);
    if (!text) {
      FleetSource missing = failed(std::move(source), FleetError::Kind::io,
                                   fmt::format("no {} at {} in {}", k_state_file_name, ref, path));
      missing.error->no_state_file = true;
      return missing;
    }
    State state = parse_state(*text, files.shown(state_path));
    state.as_of = as_of;
    note_current_files(state, files);
    const Checklist checklist = read_checklist_of(files, state_path, state);
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
  // Exports written before receipts and expectations existed have none of these.
  for (const auto& [key, into] :
       {std::pair{"backed", &counts.backed},
        std::pair{"evidence_changed", &counts.evidence_changed},
        std::pair{"expectations_failing", &counts.expectations_failing}}) {
    std::uint64_t value = 0;
    if (element[key].get(value) == simdjson::SUCCESS) {
      *into = value;
    }
  }
  return counts;
}

std::string text_of(simdjson::dom::element element, std::string_view key)
{
  return std::string(field<std::string_view>(element, key));
}

// Copies the string member `key` into `into` when there is one; leaves `into` as it is else.
void copy_text(simdjson::dom::element element, std::string_view key, std::string& into)
{
  std::string_view text;
  if (element[key].get(text) == simdjson::SUCCESS) {
    into = std::string(text);
  }
}

// The export at `path`, parsed by `parser`, whose buffers the element lives in.
simdjson::dom::element load_export(simdjson::dom::parser& parser, const std::string& path)
{
  simdjson::dom::element root;
  errno = 0;
  const simdjson::error_code loaded = parser.load(path).get(root);
  if (loaded == simdjson::IO_ERROR) {
    const int error = errno;
    throw IoError(path, fmt::format("{}: cannot be read ({})", path,
                                    error != 0 ? std::strerror(error) : "read error"));
  }
  if (loaded != simdjson::SUCCESS) {
    throw DataError({}, fmt::format("not valid JSON: {}", simdjson::error_message(loaded)));
  }
  // simdjson keeps the first of two equal keys, jq the last: refused, so that every reader
  // of the file sees the same numbers.
  detail::refuse_duplicate_keys(root, path);
  return root;
}

// The project's name and last change, which an export may leave out.
void read_export_project(simdjson::dom::element root, FleetSource& source)
{
  simdjson::dom::element project;
  if (root["project"].get(project) != simdjson::SUCCESS) {
    return;
  }
  std::string_view name;
  if (project["name"].get(name) == simdjson::SUCCESS && !name.empty()) {
    source.name = std::string(name);
  }
  simdjson::dom::element change;
  if (project["last_change"].get(change) == simdjson::SUCCESS && change.is_object()) {
    copy_text(change, "at", source.last_change_at);
    copy_text(change, "by", source.last_change_by);
  }
}

void read_export_checklist(simdjson::dom::element root, FleetSource& source)
{
  const simdjson::dom::element checklist = field<simdjson::dom::element>(root, "checklist");
  source.checklist_id = text_of(checklist, "id");
  source.checklist_title = text_of(checklist, "title");
  copy_text(checklist, "pinned_version", source.pinned_version);
  copy_text(checklist, "latest_version", source.latest_version);
}

// The counts, the phases and their open and applicable items, and the weakest phase.
void read_export_progress(simdjson::dom::element root, FleetSource& source)
{
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
}

} // namespace

FleetSource read_json_source(const std::string& path)
{
  FleetSource source;
  source.source = path;
  source.kind = "json";
  source.name = fs::path(path).stem().string();
  source.identity = identity_of(path);
  // One parser per thread: it keeps its buffers between files.
  thread_local simdjson::dom::parser parser;
  try {
    const simdjson::dom::element root = load_export(parser, path);
    read_export_project(root, source);
    read_export_checklist(root, source);
    read_export_progress(root, source);
  } catch (const DataError& error) {
    return failed(std::move(source), FleetError::Kind::data, error.what(),
                  error.location().path.empty() ? SourceLocation{path, 0, 0} : error.location());
  } catch (const IoError& error) {
    return failed(std::move(source), FleetError::Kind::io, error.what());
  } catch (const Error& error) {
    return failed(std::move(source), FleetError::Kind::data, error.what());
  }
  return source;
}

namespace {

// Why a path is neither a directory nor a regular file, in words: "no such file" only when
// there is none.
std::string not_a_source(const std::string& path, const fs::file_status& status,
                         const std::error_code& error)
{
  std::error_code ec;
  if (error == std::errc::no_such_file_or_directory || error == std::errc::not_a_directory) {
    if (fs::is_symlink(fs::symlink_status(path, ec))) {
      return fmt::format("{}: a symbolic link to '{}', which does not exist", path,
                         fs::read_symlink(path, ec).string());
    }
    return fmt::format("{}: no such file or directory", path);
  }
  if (error) {
    return fmt::format("{}: cannot be read ({})", path, error.message());
  }
  const char* what = "a special file";
  switch (status.type()) {
  case fs::file_type::fifo:
    what = "a FIFO";
    break;
  case fs::file_type::socket:
    what = "a socket";
    break;
  case fs::file_type::block:
  case fs::file_type::character:
    what = "a device";
    break;
  default:
    break;
  }
  return fmt::format("{}: {}, neither a git repository nor a JSON export", path, what);
}

} // namespace

Fleet read_fleet(const std::vector<std::string>& sources, const FleetOptions& options)
{
  Fleet fleet;
  fleet.ref = options.ref;
  std::vector<FleetSource> read(sources.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < sources.size(); i = next++) {
      const std::string& path = sources[i];
      std::error_code ec;
      const fs::file_status status = fs::status(path, ec);
      if (fs::is_directory(status)) {
        read[i] = read_git_source(path, options.ref, options.as_of);
      } else if (fs::is_regular_file(status)) {
        read[i] = read_json_source(path);
      } else {
        FleetSource missing;
        missing.source = path;
        missing.kind = "unknown";
        missing.name = fs::path(path).filename().string();
        missing.identity = identity_of(path);
        read[i] = failed(std::move(missing), FleetError::Kind::io, not_a_source(path, status, ec));
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
  // What a scan found without a state file is no part of the fleet; a source named twice is
  // read once, where it was first named.
  std::unordered_map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < read.size(); ++i) {
    FleetSource& source = read[i];
    if (i >= options.scanned_from && source.error && source.error->no_state_file) {
      continue;
    }
    const auto [at, added] = first.emplace(source.identity, fleet.sources.size());
    if (!added) {
      fleet.duplicates.push_back(
          FleetDuplicate{source.source, fleet.sources[at->second].source, source.kind});
      continue;
    }
    fleet.sources.push_back(std::move(source));
  }
  return fleet;
}

std::vector<std::string> row_names(const Fleet& fleet)
{
  std::unordered_map<std::string, std::size_t> count;
  for (const FleetSource& source : fleet.sources) {
    ++count[source.name];
  }
  std::vector<std::string> names;
  names.reserve(fleet.sources.size());
  for (const FleetSource& source : fleet.sources) {
    names.push_back(count[source.name] > 1 ? fmt::format("{} ({})", source.name, source.source)
                                           : source.name);
  }
  return names;
}

FleetScan scan_for_sources(const std::string& directory, unsigned depth)
{
  // Below the depth the scan only looks for what it leaves out, as far down as --depth can
  // reach and within a budget of directories, so that a shallow scan of a large tree stays
  // quick.
  constexpr unsigned k_deepest = 32;
  std::size_t budget = 10000;
  FleetScan scan;
  std::error_code ec;
  const auto walk = [&](const auto& self, const fs::path& dir, unsigned level) -> void {
    // A work tree (a .git entry) or a bare repository (HEAD, objects and refs): a source; the
    // scan does not look inside it.
    if (fs::exists(dir / ".git", ec) ||
        (fs::is_regular_file(dir / "HEAD", ec) && fs::is_directory(dir / "objects", ec) &&
         fs::is_directory(dir / "refs", ec))) {
      if (level <= depth) {
        scan.found.push_back(dir.lexically_normal().string()); // "./billing" reads as "billing"
      } else {
        ++scan.hidden;
        scan.hidden_depth = scan.hidden_depth == 0 ? level : std::min(scan.hidden_depth, level);
      }
      return;
    }
    if (level >= k_deepest || (level >= depth && budget == 0)) {
      return;
    }
    if (level >= depth) {
      --budget;
    }
    std::vector<fs::path> children;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().filename().string().rfind('.', 0) == 0 || !entry.is_directory(ec)) {
        continue;
      }
      if (entry.is_symlink(ec)) {
        if (level < depth) {
          scan.links.push_back(entry.path().lexically_normal().string());
        }
        continue;
      }
      children.push_back(entry.path());
    }
    std::sort(children.begin(), children.end());
    for (const fs::path& child : children) {
      self(self, child, level + 1);
    }
  };
  walk(walk, fs::path(directory), 0);
  std::sort(scan.links.begin(), scan.links.end());
  return scan;
}

} // namespace llmchecklist
