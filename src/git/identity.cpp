#include "llmchecklist/identity.hpp"

#include <cstdio>
#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

#include <fmt/format.h>

#include "git/git_config.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist {
namespace {

// One line of `git config --get KEY` run in `directory`; empty when git or the key is missing.
std::string git_config(const std::filesystem::path& directory, const char* key)
{
  std::string quoted = "'";
  for (const char c : directory.string()) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  quoted += "'";
  const std::string command = fmt::format("git -C {} config --get {} 2>/dev/null", quoted, key);
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    return {};
  }
  std::string value;
  char buffer[256];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
    value += buffer;
  }
  ::pclose(pipe);
  while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) {
    value.pop_back();
  }
  return value;
}

std::string login_name()
{
  if (const passwd* entry = ::getpwuid(::getuid()); entry != nullptr && entry->pw_name != nullptr) {
    return entry->pw_name;
  }
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') {
    return user;
  }
  return "unknown";
}

} // namespace

std::string current_user(const std::filesystem::path& directory)
{
  // A name in a legacy encoding would make the state file invalid UTF-8, which TOML rejects:
  // one check must not make the file unreadable. Control characters have no place in it either.
  std::string name;
  std::string email;
  if (const std::optional<detail::GitIdentity> identity = detail::read_git_identity(directory)) {
    name = without_controls(identity->name);
    email = without_controls(identity->email);
  } else {
    name = without_controls(git_config(directory, "user.name"));
    email = without_controls(git_config(directory, "user.email"));
  }
  if (!name.empty() && !email.empty()) {
    return fmt::format("{} <{}>", name, email);
  }
  if (!name.empty()) {
    return name;
  }
  return without_controls(login_name());
}

} // namespace llmchecklist
