#include "context.hpp"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "llmchecklist/error.hpp"
#include "llmchecklist/identity.hpp"
#include "llmchecklist/receipts.hpp"
#include "llmchecklist/state_file.hpp"
#include "llmchecklist/utc.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::cli {

void Context::prepare()
{
  if (!options.directory.empty() && ::chdir(options.directory.c_str()) != 0) {
    throw IoError(options.directory, fmt::format("cannot change to directory {}: {}",
                                                 options.directory, std::strerror(errno)));
  }
  m_out = detect_terminal(stdout, options.color == "always"  ? ColorMode::always
                                  : options.color == "never" ? ColorMode::never
                                                             : ColorMode::auto_detect);
}

std::optional<fs::path> Context::named_state_path() const
{
  if (!options.file.empty()) {
    return fs::path(options.file);
  }
  if (const char* file = std::getenv("LLMCHECKLIST_FILE"); file != nullptr && *file != '\0') {
    return fs::path(file);
  }
  return std::nullopt;
}

fs::path Context::state_path() const
{
  if (auto named = named_state_path()) {
    return *named;
  }
  const fs::path here = fs::current_path();
  if (auto found = find_state_file(here)) {
    return *found;
  }
  return default_state_directory(here) / k_state_file_name;
}

void Context::require_named_state_file() const
{
  // Only the implicit default may be absent: a file named with --file or LLMCHECKLIST_FILE that
  // is not there is a typo or a wrong directory, and reading it as "nothing done" would let a
  // gate or a report pass on nothing.
  if (const auto named = named_state_path()) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(*named, ec))) {
      throw IoError(named->string(),
                    fmt::format("{} does not exist (named by {}); `llmchecklist init` creates it",
                                named->string(),
                                options.file.empty() ? "LLMCHECKLIST_FILE" : "--file"));
    }
  }
}

Project Context::open() const
{
  require_named_state_file();
  Project project = open_project(state_path(), settings());
  // Expiring n/a decisions are judged against today (UTC), or LLMCHECKLIST_NOW's day.
  project.state.as_of = now().substr(0, 10);
  // Receipts and expectations are judged against the files as the work tree has them; a state
  // without any reads nothing more.
  note_current_files(
      project.state,
      WorkTreeFiles(default_state_directory(project.state_path.parent_path()).string()));
  return project;
}

ProjectSettings Context::settings() const
{
  ProjectSettings settings;
  settings.cache_directory = default_cache_directory();
  const char* text = std::getenv("LLMCHECKLIST_LOCK_TIMEOUT");
  if (text == nullptr || *text == '\0') {
    return settings;
  }
  char* end = nullptr;
  const double seconds = std::strtod(text, &end);
  if (end == text || *end != '\0' || seconds < 0 || seconds > 86400) {
    throw UsageError(
        fmt::format("LLMCHECKLIST_LOCK_TIMEOUT must be a number of seconds, got \"{}\"", text));
  }
  settings.lock_timeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  return settings;
}

std::string Context::now() const
{
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (const char* fixed = std::getenv("LLMCHECKLIST_NOW"); fixed != nullptr && *fixed != '\0') {
    const auto parsed = parse_utc(fixed);
    if (!parsed) {
      throw UsageError(fmt::format("LLMCHECKLIST_NOW must be a UTC date-time like "
                                   "2026-11-28T21:05:00Z, got \"{}\"",
                                   fixed));
    }
    now = *parsed;
  }
  return format_utc(now);
}

Mark Context::mark(std::string note) const
{
  return Mark{current_user(fs::absolute(state_path()).parent_path()), now(), std::move(note)};
}

} // namespace llmchecklist::cli
