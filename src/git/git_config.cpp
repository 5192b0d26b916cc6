#include "git/git_config.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "llmchecklist/error.hpp"
#include "llmchecklist/state_file.hpp"
#include "llmchecklist/text.hpp"

extern char** environ;

namespace fs = std::filesystem;

namespace llmchecklist::detail {
namespace {

std::string trim(std::string_view text)
{
  const auto begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) {
    return {};
  }
  const auto end = text.find_last_not_of(" \t\r");
  return std::string(text.substr(begin, end - begin + 1));
}

// Reads one config file into `identity` (later files override earlier ones, as in git).
// Returns false when the file uses something this reader does not follow.
bool read_config(const fs::path& path, GitIdentity& identity)
{
  std::string text;
  try {
    text = read_file(path);
  } catch (const IoError&) {
    std::error_code ec;
    return !fs::exists(path, ec); // a missing file is fine; an unreadable one is git's call
  }
  std::string section;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    const std::string line = trim(std::string_view(text).substr(start, end - start));
    start = end + 1;
    if (line.empty() || line[0] == '#' || line[0] == ';') {
      continue;
    }
    if (line[0] == '[') {
      const std::size_t close = line.find(']');
      if (close == std::string::npos) {
        return false;
      }
      // [user] counts; [section "sub"] only matters for what it may pull in.
      section = ascii_lower(trim(std::string_view(line).substr(1, close - 1)));
      if (section.rfind("include", 0) == 0) {
        return false;
      }
      if (!trim(std::string_view(line).substr(close + 1)).empty() &&
          line[line.find_first_not_of(" \t", close + 1)] != '#' &&
          line[line.find_first_not_of(" \t", close + 1)] != ';') {
        return false; // a key on the header's line
      }
      continue;
    }
    if (line.find_first_of("\"\\") != std::string::npos) {
      return false; // quoting, escapes and continued lines are git's to read
    }
    const std::size_t equals = line.find('=');
    if (equals == std::string::npos) {
      return false; // a bare key means "true": nothing a name is made of
    }
    const std::string key = ascii_lower(trim(std::string_view(line).substr(0, equals)));
    if (section == "extensions" && key == "worktreeconfig") {
      return false;
    }
    if (section != "user" || (key != "name" && key != "email")) {
      continue;
    }
    std::string value = line.substr(equals + 1);
    value = trim(value.substr(0, value.find_first_of("#;")));
    (key == "name" ? identity.name : identity.email) = value;
  }
  return true;
}

// Whether a variable that changes which config files git reads, or which repository it finds,
// is set in a way this reader does not follow (GIT_CONFIG* covers GIT_CONFIG_GLOBAL, _SYSTEM,
// _COUNT, _KEY_n, _VALUE_n and _PARAMETERS; GIT_CONFIG_NOSYSTEM and GIT_CEILING_DIRECTORIES are
// followed). Others, such as GIT_AUTHOR_NAME or GIT_SSL_CAINFO, do not change what
// `git config --get user.name` answers.
bool git_environment_set()
{
  static constexpr const char* k_prefixes[] = {
      "GIT_CONFIG",
      "GIT_DIR=",
      "GIT_COMMON_DIR=",
      "GIT_WORK_TREE=",
      "GIT_DISCOVERY_ACROSS_FILESYSTEM=",
  };
  for (char** variable = environ; *variable != nullptr; ++variable) {
    if (std::strncmp(*variable, "GIT_", 4) != 0 ||
        std::strncmp(*variable, "GIT_CONFIG_NOSYSTEM=", 20) == 0) {
      continue;
    }
    for (const char* prefix : k_prefixes) {
      if (std::strncmp(*variable, prefix, std::strlen(prefix)) == 0) {
        return true;
      }
    }
  }
  return false;
}

// GIT_CONFIG_NOSYSTEM as git reads a boolean: nullopt for a value git would not take.
std::optional<bool> skip_system_config()
{
  const char* value = std::getenv("GIT_CONFIG_NOSYSTEM");
  if (value == nullptr) {
    return false;
  }
  const std::string text = ascii_lower(value);
  if (text == "1" || text == "true" || text == "yes" || text == "on") {
    return true;
  }
  if (text.empty() || text == "0" || text == "false" || text == "no" || text == "off") {
    return false;
  }
  return std::nullopt;
}

// The deepest GIT_CEILING_DIRECTORIES entry above `start` (both real paths), as git finds it:
// discovery never goes up into it. Empty when none applies; nullopt when the list has an
// empty entry, which changes how git resolves the others.
std::optional<std::string> ceiling_for(const std::string& start)
{
  const char* list = std::getenv("GIT_CEILING_DIRECTORIES");
  std::string ceiling;
  if (list == nullptr) {
    return ceiling;
  }
  std::string_view rest = list;
  while (true) {
    const std::size_t colon = rest.find(':');
    const std::string entry(rest.substr(0, colon));
    if (entry.empty()) {
      return std::nullopt;
    }
    std::error_code ec;
    // git ignores relative entries and entries that do not resolve.
    if (entry[0] == '/') {
      const std::string real = fs::canonical(entry, ec).string();
      const bool above = !ec && (real == "/" ? start.size() > 1
                                             : start.size() > real.size() &&
                                                   start.compare(0, real.size(), real) == 0 &&
                                                   start[real.size()] == '/');
      if (above && real.size() > ceiling.size()) {
        ceiling = real;
      }
    }
    if (colon == std::string_view::npos) {
      return ceiling;
    }
    rest.remove_prefix(colon + 1);
  }
}

} // namespace

std::optional<GitIdentity> read_git_identity(const fs::path& directory)
{
  const char* home = std::getenv("HOME");
  if (home == nullptr || home[0] != '/' || git_environment_set()) {
    return std::nullopt;
  }
  const std::optional<bool> no_system = skip_system_config();
  if (!no_system) {
    return std::nullopt;
  }
  GitIdentity identity;
  if (!*no_system && !read_config("/etc/gitconfig", identity)) {
    return std::nullopt;
  }
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const fs::path xdg_config = xdg != nullptr && xdg[0] == '/'
                                  ? fs::path(xdg) / "git" / "config"
                                  : fs::path(home) / ".config" / "git" / "config";
  if (!read_config(xdg_config, identity) || !read_config(fs::path(home) / ".gitconfig", identity)) {
    return std::nullopt;
  }
  // The repository's own config: .git found walking up from the real path (git -C changes
  // into the directory, so symbolic links are resolved first) and not into a ceiling
  // directory, as git discovers it. A .git file (a worktree or submodule) or a repository
  // someone else owns (git's safe.directory check) is left to git.
  std::error_code ec;
  const fs::path start = fs::canonical(directory, ec);
  if (ec) {
    return std::nullopt;
  }
  const std::optional<std::string> ceiling = ceiling_for(start.string());
  if (!ceiling) {
    return std::nullopt;
  }
  for (fs::path dir = start; dir.string().size() > ceiling->size(); dir = dir.parent_path()) {
    const fs::path dot_git = dir / ".git";
    struct stat info
    {
    };
    if (::lstat(dot_git.c_str(), &info) == 0) {
      if (!S_ISDIR(info.st_mode) || info.st_uid != ::geteuid()) {
        return std::nullopt;
      }
      if (!read_config(dot_git / "config", identity)) {
        return std::nullopt;
      }
      break;
    }
    if (!dir.has_relative_path()) {
      break;
    }
  }
  return identity;
}

} // namespace llmchecklist::detail
