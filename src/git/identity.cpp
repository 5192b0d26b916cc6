#include "llmchecklist/identity.hpp"

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

#include "git/run_git.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist {
namespace {

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

std::string first_line(const std::string& text)
{
  return text.substr(0, text.find('\n'));
}

} // namespace

std::string current_user(const std::filesystem::path& directory)
{
  // git's own answer, exactly as a commit would record it: GIT_COMMITTER_NAME and _EMAIL,
  // includes and conditional includes, every config file git reads. One process, on the
  // commands that write.
  std::string name;
  const detail::GitOutput ident = detail::run_git(directory, {"var", "GIT_COMMITTER_IDENT"});
  if (ident.status == 0) {
    // "Name <email> 1764680000 +0000": the date is ours to record, not git's.
    std::string line = first_line(ident.text);
    for (int field = 0; field < 2; ++field) {
      line.erase(std::min(line.size(), line.rfind(' ')));
    }
    name = line;
  } else if (const char* committer = std::getenv("GIT_COMMITTER_NAME");
             committer != nullptr && *committer != '\0') {
    // git knows no full identity (a name without an email it can trust): the name alone, the
    // one git would use first.
    name = committer;
  } else if (ident.status != 127) {
    name = first_line(detail::run_git(directory, {"config", "--get", "user.name"}).text);
  }
  // A name in a legacy encoding would make the state file invalid UTF-8, which TOML rejects:
  // one check must not make the file unreadable. Control characters have no place in it either.
  name = without_controls(name);
  return name.empty() ? without_controls(login_name()) : name;
}

} // namespace llmchecklist
