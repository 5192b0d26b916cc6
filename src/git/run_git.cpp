#include "git/run_git.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "llmchecklist/error.hpp"

extern char** environ;

namespace llmchecklist::detail {
namespace {

// A started git: its pid and the read end of its standard output (-1 when none started).
struct Started
{
  pid_t pid = -1;
  int output = -1;
};

// Starts `git -C directory ARGS...`, the only place llmchecklist starts git: standard input
// is /dev/null, standard output a pipe read here.
Started spawn_git(const std::filesystem::path& directory, const std::vector<std::string>& args,
                  bool with_errors)
{
  std::vector<std::string> words{"git", "-C", directory.empty() ? "." : directory.string()};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& word : words) {
    argv.push_back(word.data());
  }
  argv.push_back(nullptr);

  int out_fds[2];
  if (::pipe2(out_fds, O_CLOEXEC) != 0) {
    throw IoError("git", fmt::format("cannot run git: {}", std::strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_fds[1], 1);
  if (with_errors) {
    posix_spawn_file_actions_adddup2(&actions, out_fds[1], 2);
  } else {
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  }
  Started started;
  const int spawned = ::posix_spawnp(&started.pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_fds[1]);
  if (spawned != 0) {
    ::close(out_fds[0]);
    started.pid = -1;
    return started;
  }
  started.output = out_fds[0];
  return started;
}

int wait_for(pid_t pid)
{
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace

GitOutput run_git(const std::filesystem::path& directory, const std::vector<std::string>& args,
                  bool with_errors)
{
  const Started started = spawn_git(directory, args, with_errors);
  GitOutput output;
  if (started.pid < 0) {
    output.status = 127; // as a shell says of a command it cannot find
    return output;
  }
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(started.output, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      break;
    }
    output.text.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(started.output);
  output.status = wait_for(started.pid);
  return output;
}

} // namespace llmchecklist::detail
