#pragma once
// Reading user.name and user.email the way `git config --get` does, without starting git:
// starting it twice cost ten times the rest of a `check`. Only the plain, common layout is read
// here; anything else (includes, worktrees, GIT_CONFIG* variables, quoting) answers nullopt, and
// the caller asks git itself.

#include <filesystem>
#include <optional>
#include <string>

namespace llmchecklist::detail {

struct GitIdentity
{
  std::string name;
  std::string email;
};

/// The identity git would report in `directory`, or nullopt when only git can tell.
std::optional<GitIdentity> read_git_identity(const std::filesystem::path& directory);

} // namespace llmchecklist::detail
