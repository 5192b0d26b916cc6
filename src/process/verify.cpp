// Runs verify commands: /bin/sh -c under a reaper of its own (so that the timeout, or the
// command's end, ends everything it started), output through a pipe into a bounded tail
// buffer, and a poll loop that serves every running command and enforces deadlines.

#include "llmchecklist/verify.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "llmchecklist/enum_names.hpp"
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

// Every process a command starts is ended with it, including a daemon that left the command's
// process group and session (setsid) or was orphaned by a double fork: each command runs under
// a reaper of its own, a child of ours that is a child subreaper (prctl), so that all its
// descendants stay below it whatever they do. When the command exits, or when we ask it at the
// timeout (SIGTERM), the reaper kills the command's process group and then sweeps: it kills every
// process whose parent is the reaper, reaps them, and repeats, since each one killed hands its
// own children to the reaper, until it has none. Only system calls run after fork() (no memory
// is allocated): the caller may have other threads.

volatile sig_atomic_t g_stop_requested = 0;

void request_stop(int)
{
  g_stop_requested = 1;
}

void write_text(int fd, const char* text)
{
  [[maybe_unused]] const auto written = ::write(fd, text, std::strlen(text));
}

// The parent process id in /proc/PID/stat (after the name in parentheses, which may itself
// hold spaces and parentheses), or -1.
pid_t parent_in_stat(const char* pid_name)
{
  char path[64] = "/proc/";
  std::strncat(path, pid_name, sizeof path - 12);
  std::strcat(path, "/stat");
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return -1;
  }
  char buffer[1024];
  const ssize_t got = ::read(fd, buffer, sizeof buffer - 1);
  ::close(fd);
  if (got <= 0) {
    return -1;
  }
  buffer[got] = '\0';
  const char* close_paren = std::strrchr(buffer, ')');
  if (close_paren == nullptr || close_paren[1] == '\0' || close_paren[2] == '\0') {
    return -1;
  }
  // ") S 1234 ...": the state, then the parent.
  const char* field = close_paren + 3;
  while (*field != '\0' && *field != ' ') {
    ++field;
  }
  pid_t parent = 0;
  for (++field; *field >= '0' && *field <= '9'; ++field) {
    parent = parent * 10 + (*field - '0');
  }
  return parent;
}

// Kills every child of this process once; whether there was one.
bool kill_children()
{
  struct LinuxDirent
  {
    ino64_t inode;
    off64_t offset;
    unsigned short length;
    unsigned char type;
    char name[1];
  };
  const int dir = ::open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) {
    return false;
  }
  const pid_t self = ::getpid();
  bool found = false;
  alignas(8) char buffer[8192];
  for (;;) {
    const long got = ::syscall(SYS_getdents64, dir, buffer, sizeof buffer);
    if (got <= 0) {
      break;
    }
    for (long at = 0; at < got;) {
      const auto* entry = reinterpret_cast<const LinuxDirent*>(buffer + at);
      at += entry->length;
      if (entry->name[0] < '1' || entry->name[0] > '9') {
        continue;
      }
      if (parent_in_stat(entry->name) == self) {
        pid_t pid = 0;
        for (const char* c = entry->name; *c >= '0' && *c <= '9'; ++c) {
          pid = pid * 10 + (*c - '0');
        }
        ::kill(pid, SIGKILL);
        found = true;
      }
    }
  }
  ::close(dir);
  return found;
}

// Ends everything below the reaper: the command's group first, then layer after layer of
// whatever was handed to the reaper.
void sweep(pid_t command)
{
  ::kill(-command, SIGKILL);
  for (int round = 0; round < 10'000; ++round) {
    kill_children();
    int status = 0;
    pid_t reaped = 0;
    bool any = false;
    while ((reaped = ::waitpid(-1, &status, WNOHANG)) > 0) {
      any = true;
    }
    if (reaped < 0 && errno == ECHILD) {
      return;
    }
    if (!any) {
      ::usleep(1000);
    }
  }
}

[[noreturn]] void exec_command(const std::string& command, const std::filesystem::path& directory,
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
    write_text(STDERR_FILENO, "llmchecklist: cannot change to the repository's directory\n");
    ::_exit(127);
  }
  // `--`: the command is the command, also when it starts with - or +, which sh would take
  // for its own options.
  ::execl("/bin/sh", "sh", "-c", "--", command.c_str(), static_cast<char*>(nullptr));
  ::_exit(127);
}

// The reaper: runs the command, waits for it, ends whatever it left, and exits with its status
// (128 + the signal when a signal ended it, as a shell reports it).
[[noreturn]] void run_reaper(const std::string& command, const std::filesystem::path& directory,
                             int out)
{
  struct sigaction action
  {
  };
  action.sa_handler = request_stop;
  ::sigemptyset(&action.sa_mask);
  ::sigaction(SIGTERM, &action, nullptr);
  ::signal(SIGINT, SIG_IGN);
  // Ended with us, whatever ends us.
  ::prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (::prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) {
    write_text(out, "llmchecklist: cannot keep track of the command's processes\n");
  }
  const pid_t child = ::fork();
  if (child < 0) {
    ::_exit(127);
  }
  if (child == 0) {
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
    exec_command(command, directory, out);
  }
  ::setpgid(child, child);
  ::close(out);
  int code = 127;
  for (;;) {
    if (g_stop_requested != 0) {
      sweep(child);
      ::_exit(128 + SIGKILL);
    }
    int status = 0;
    const pid_t reaped = ::waitpid(-1, &status, 0);
    if (reaped == child) {
      code = WIFEXITED(status) ? WEXITSTATUS(status)
                               : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
      break;
    }
    if (reaped < 0 && errno == ECHILD) {
      break;
    }
  }
  sweep(child);
  ::_exit(code);
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
    ::close(pipe_fds[0]);
    ::setpgid(0, 0);
    run_reaper(job.command, directory, pipe_fds[1]);
  }
  // Set the group from both sides, so that it exists whichever runs first.
  ::setpgid(pid, pid);
  ::close(pipe_fds[1]);
  ::fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
  return Running{index, pid, pipe_fds[0], Clock::now()};
}

// Asks a reaper to end its command and everything below it, and waits for it; SIGKILL after a
// grace period in case the sweep itself cannot finish.
void stop(Running& running)
{
  ::kill(running.pid, SIGTERM);
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  while (::waitpid(running.pid, &running.status, WNOHANG) == 0) {
    if (Clock::now() >= deadline) {
      ::kill(-running.pid, SIGKILL);
      ::waitpid(running.pid, &running.status, 0);
      break;
    }
    ::usleep(1000);
  }
}

// Reads what is there without blocking; closes the pipe at end of file.
void drain(Running& running, std::string& tail, std::size_t limit)
{
  char buffer[8192];
  for (;;) {
    const ssize_t got = ::read(running.fd, buffer, sizeof buffer);
    if (got > 0) {
      tail.append(buffer, static_cast<std::size_t>(got));
      tail.erase(0, tail.size() > limit ? tail.size() - limit : 0);
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
  static constexpr std::string_view k_names[] = {"pass", "fail", "timeout"};
  return name_of(outcome, k_names);
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
      } else {
        // Its output has ended and its reaper is finishing the sweep: look again soon.
        wait = std::min(wait, std::chrono::milliseconds(2));
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
        stop(r);
        r.exited = true;
        r.timed_out = true;
      }
      // Done when the reaper has exited, having ended everything the command started.
      if (r.exited) {
        if (r.fd >= 0) {
          drain(r, result.output_tail, options.tail_bytes);
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
