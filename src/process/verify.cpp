// Runs verify commands: fork and exec /bin/sh -c in a process group of its own (so a timeout
// can kill everything it started), output through a pipe into a bounded tail buffer, and a
// poll loop that serves every running command and enforces deadlines.

#include "llmchecklist/verify.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "llmchecklist/error.hpp"
#include "llmchecklist/project.hpp"

namespace llmchecklist {
namespace {

using Clock = std::chrono::steady_clock;

struct Running
{
  std::size_t job = 0;
  pid_t pid = -1;
  int fd = -1;
  Clock::time_point start;
  bool exited = false;
  int status = 0;
  bool timed_out = false;
};

[[noreturn]] void exec_child(const std::string& command, const std::filesystem::path& directory,
                             int out)
{
  ::setpgid(0, 0);
  const int null = ::open("/dev/null", O_RDONLY);
  if (null >= 0) {
    ::dup2(null, STDIN_FILENO);
  }
  ::dup2(out, STDOUT_FILENO);
  ::dup2(out, STDERR_FILENO);
  if (::chdir(directory.c_str()) != 0) {
    const std::string message = fmt::format("llmchecklist: cannot change to {}: {}\n",
                                            directory.string(), std::strerror(errno));
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message.data(), message.size());
    ::_exit(127);
  }
  ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
  ::_exit(127);
}

Running start(std::size_t index, const VerifyJob& job, const std::filesystem::path& directory)
{
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    throw IoError(directory.string(),
                  fmt::format("cannot run verify commands: {}", std::strerror(errno)));
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    throw IoError(directory.string(),
                  fmt::format("cannot run verify commands: {}", std::strerror(errno)));
  }
  if (pid == 0) {
    exec_child(job.command, directory, pipe_fds[1]);
  }
  // Set the group from both sides, so that it exists whichever runs first.
  ::setpgid(pid, pid);
  ::close(pipe_fds[1]);
  ::fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
  Running running;
  running.job = index;
  running.pid = pid;
  running.fd = pipe_fds[0];
  running.start = Clock::now();
  return running;
}

void keep_tail(std::string& tail, const char* data, std::size_t size, std::size_t limit)
{
  tail.append(data, size);
  if (tail.size() > limit) {
    tail.erase(0, tail.size() - limit);
  }
}

// Reads what is there without blocking; closes the pipe at end of file.
void drain(Running& running, std::string& tail, std::size_t limit)
{
  char buffer[8192];
  for (;;) {
    const ssize_t got = ::read(running.fd, buffer, sizeof buffer);
    if (got > 0) {
      keep_tail(tail, buffer, static_cast<std::size_t>(got), limit);
      continue;
    }
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got == 0 || (got < 0 && errno != EAGAIN)) {
      ::close(running.fd);
      running.fd = -1;
    }
    return;
  }
}

} // namespace

std::string_view to_string(VerifyOutcome outcome)
{
  switch (outcome) {
  case VerifyOutcome::pass:
    return "pass";
  case VerifyOutcome::timeout:
    return "timeout";
  case VerifyOutcome::fail:
    break;
  }
  return "fail";
}

std::vector<VerifyResult> run_verifications(const std::vector<VerifyJob>& jobs,
                                            const std::filesystem::path& directory,
                                            const VerifyOptions& options)
{
  std::vector<VerifyResult> results(jobs.size());
  std::vector<Running> running;
  std::size_t next = 0;
  const unsigned parallel = std::max(1u, options.jobs);

  while (next < jobs.size() || !running.empty()) {
    while (next < jobs.size() && running.size() < parallel) {
      results[next].item = jobs[next].item;
      results[next].command = jobs[next].command;
      running.push_back(start(next, jobs[next], directory));
      ++next;
    }

    // Wait for output, or until the nearest deadline.
    const auto now = Clock::now();
    auto wait = std::chrono::milliseconds(200);
    std::vector<pollfd> fds;
    for (const Running& r : running) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(r.start + options.timeout - now);
      wait = std::clamp(left, std::chrono::milliseconds(0), wait);
      if (r.fd >= 0) {
        fds.push_back(pollfd{r.fd, POLLIN, 0});
      }
    }
    ::poll(fds.data(), fds.size(), static_cast<int>(wait.count()));

    for (Running& r : running) {
      VerifyResult& result = results[r.job];
      if (r.fd >= 0) {
        drain(r, result.output_tail, options.tail_bytes);
      }
      if (!r.exited && ::waitpid(r.pid, &r.status, WNOHANG) == r.pid) {
        r.exited = true;
      }
      if (!r.exited && Clock::now() - r.start >= options.timeout) {
        // The whole group: a shell's children (a hung eval, a sleep) go too.
        ::kill(-r.pid, SIGKILL);
        ::waitpid(r.pid, &r.status, 0);
        r.exited = true;
        r.timed_out = true;
      }
      // Done when the command has exited; anything it left running in the background that
      // still holds the pipe is ended with it.
      if (r.exited) {
        if (r.fd >= 0) {
          drain(r, result.output_tail, options.tail_bytes);
          ::kill(-r.pid, SIGKILL);
          if (r.fd >= 0) {
            ::close(r.fd);
            r.fd = -1;
          }
        }
        result.duration =
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - r.start);
        if (r.timed_out) {
          result.outcome = VerifyOutcome::timeout;
          result.exit_code = -1;
        } else if (WIFEXITED(r.status)) {
          result.exit_code = WEXITSTATUS(r.status);
          result.outcome = result.exit_code == 0 ? VerifyOutcome::pass : VerifyOutcome::fail;
        } else {
          result.exit_code = 128 + (WIFSIGNALED(r.status) ? WTERMSIG(r.status) : 0);
          result.outcome = VerifyOutcome::fail;
        }
      }
    }
    std::erase_if(running, [](const Running& r) { return r.exited; });
  }
  return results;
}

VerifyChange record_verification(State& state, const Item& item, const VerifyResult& result,
                                 const std::string& at)
{
  const Entry* existing = state.find(item.id);
  if (existing != nullptr && existing->status == Status::na) {
    return VerifyChange::none;
  }
  const bool passed = result.outcome == VerifyOutcome::pass;
  VerifyChange change = VerifyChange::none;
  if (passed && (existing == nullptr || existing->status == Status::todo)) {
    check_item(
        state, item, Status::done,
        Mark{std::string(k_verify_checker), at, fmt::format("verified by: {}", result.command)});
    change = VerifyChange::checked;
  } else if (!passed && existing != nullptr && existing->status == Status::done &&
             existing->by == k_verify_checker) {
    uncheck_item(state, item);
    change = VerifyChange::unchecked;
  }
  state.entry(item.id).verify_result = passed ? "pass" : "fail";
  return change;
}

std::string last_lines(const std::string& text, std::size_t lines)
{
  std::size_t end = text.size();
  while (end > 0 && text[end - 1] == '\n') {
    --end;
  }
  std::size_t start = end;
  for (std::size_t count = 0; start > 0; --start) {
    if (text[start - 1] == '\n' && ++count == lines) {
      break;
    }
  }
  return text.substr(start, end - start);
}

} // namespace llmchecklist
