#include "llmchecklist/git.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/wait.h>

#include <fmt/format.h>

#include "llmchecklist/error.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {
namespace {

std::string shell_quote(const std::string& text)
{
  std::string quoted = "'";
  for (const char c : text) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

struct Output
{
  int status = 0;
  std::string text;
};

Output run(const std::string& command)
{
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    throw IoError("git", fmt::format("cannot run git: {}", std::strerror(errno)));
  }
  Output output;
  char buffer[65536];
  for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    output.text.append(buffer, got);
  }
  const int status = ::pclose(pipe);
  output.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return output;
}

} // namespace

std::optional<std::string> read_at_revision(const fs::path& path, const std::string& ref)
{
  const fs::path absolute = fs::absolute(path).lexically_normal();
  const std::string dir = shell_quote(absolute.parent_path().string());
  const Output top = run(fmt::format("git -C {} rev-parse --show-toplevel 2>/dev/null", dir));
  if (top.status != 0) {
    throw UsageError(fmt::format("{} is not in a git repository", absolute.string()));
  }
  const std::string root = top.text.substr(0, top.text.find('\n'));
  const Output commit = run(fmt::format("git -C {} rev-parse --verify --quiet {} 2>/dev/null", dir,
                                        shell_quote(ref + "^{commit}")));
  if (commit.status != 0) {
    throw UsageError(fmt::format("git knows no revision '{}'", ref));
  }
  const std::string relative = fs::relative(absolute, fs::path(root)).generic_string();
  const Output listed = run(fmt::format("git -C {} ls-tree --name-only {} -- {} 2>/dev/null", dir,
                                        shell_quote(ref), shell_quote(":/" + relative)));
  if (listed.status != 0 || listed.text.empty()) {
    return std::nullopt;
  }
  const Output shown =
      run(fmt::format("git -C {} show {} 2>/dev/null", dir, shell_quote(ref + ":" + relative)));
  if (shown.status != 0) {
    return std::nullopt;
  }
  return shown.text;
}

} // namespace llmchecklist
