#include "git/run_git.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "llmchecklist/error.hpp"

extern char** environ;

namespace llmchecklist::detail {
namespace {

// A started git: its pid and the pipe ends this process keeps (-1 for none).
struct Started
{
  pid_t pid = -1;
  int input = -1;  // git's standard input, written here
  int output = -1; // git's standard output, read here
};

// Starts `git -C directory ARGS...`, the only place llmchecklist starts git. With `input`, its
// standard input is a pipe this process writes; its output is always a pipe read here.
Started spawn_git(const std::filesystem::path& directory, const std::vector<std::string>& args,
                  bool input, bool with_errors)
{
  std::vector<std::string> words{"git", "-C", directory.empty() ? "." : directory.string()};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& word : words) {
    argv.push_back(word.data());
  }
  argv.push_back(nullptr);

  int out_fds[2];
  int in_fds[2] = {-1, -1};
  // git's input is a socket, not a pipe: writing to a git that has gone away is then an error
  // (send with MSG_NOSIGNAL), not a SIGPIPE that kills this process.
  if (::pipe2(out_fds, O_CLOEXEC) != 0 ||
      (input && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in_fds) != 0)) {
    throw IoError("git", fmt::format("cannot run git: {}", std::strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (input) {
    posix_spawn_file_actions_adddup2(&actions, in_fds[0], 0);
  } else {
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  }
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
  if (input) {
    ::close(in_fds[0]);
  }
  if (spawned != 0) {
    ::close(out_fds[0]);
    if (input) {
      ::close(in_fds[1]);
    }
    started.pid = -1;
    return started;
  }
  started.output = out_fds[0];
  started.input = input ? in_fds[1] : -1;
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
  const Started started = spawn_git(directory, args, false, with_errors);
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

GitBatch::GitBatch(const std::filesystem::path& directory)
{
  const Started started = spawn_git(directory, {"cat-file", "--batch"}, true, false);
  if (started.pid < 0) {
    throw IoError("git", "cannot run git: is it installed?");
  }
  m_pid = started.pid;
  m_input = started.input;
  m_output = started.output;
}

GitBatch::~GitBatch()
{
  if (m_input >= 0) {
    ::close(m_input);
  }
  if (m_output >= 0) {
    ::close(m_output);
  }
  if (m_pid > 0) {
    wait_for(m_pid);
  }
}

bool GitBatch::fill()
{
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(m_output, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      return false;
    }
    m_buffered.append(buffer, static_cast<std::size_t>(got));
    return true;
  }
}

std::optional<std::string> GitBatch::read(const std::string& object)
{
  std::string line = object + "\n";
  std::string_view left = line;
  while (!left.empty() && object.find('\n') == std::string::npos) {
    const ssize_t sent = ::send(m_input, left.data(), left.size(), MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) {
      continue;
    }
    if (sent <= 0) {
      break;
    }
    left.remove_prefix(static_cast<std::size_t>(sent));
  }
  if (!left.empty()) {
    throw IoError("git", "git stopped answering (is this a git repository?)");
  }
  std::size_t end = 0;
  while ((end = m_buffered.find('\n')) == std::string::npos) {
    if (!fill()) {
      throw IoError("git", "git stopped answering (is this a git repository?)");
    }
  }
  const std::string header = m_buffered.substr(0, end);
  m_buffered.erase(0, end + 1);
  // "<object> missing", or "<oid> <type> <size>".
  if (header.size() >= 8 && header.compare(header.size() - 8, 8, " missing") == 0) {
    return std::nullopt;
  }
  const std::size_t space = header.rfind(' ');
  std::size_t size = 0;
  try {
    size = space == std::string::npos ? 0 : std::stoull(header.substr(space + 1));
  } catch (const std::exception&) {
    throw IoError("git", fmt::format("git answered \"{}\"", header));
  }
  while (m_buffered.size() < size + 1) {
    if (!fill()) {
      throw IoError("git", "git stopped in the middle of an object");
    }
  }
  std::string content = m_buffered.substr(0, size);
  m_buffered.erase(0, size + 1);
  return content;
}

} // namespace llmchecklist::detail
