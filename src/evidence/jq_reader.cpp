// Any JSON, judged by a jq program. libjq runs in a forked copy of this process that never
// execs: a program from a state file is data a pull request can change, and `verify --no-exec`
// promises to start nothing, so the program gets no environment, no modules, no input but the
// file, no terminal, and bounded memory and time; the parent reads one short answer from a pipe.

#include "evidence/jq_reader.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <simdjson.h>

extern "C" {
#include <jq.h>
#include <jv.h>
}

#include "evidence/json_input.hpp"
#include "evidence/readers.hpp"
#include "evidence/result_text.hpp"
#include "llmchecklist/error.hpp"

namespace llmchecklist::detail {
namespace {

// The child's answer: one letter, then text.
constexpr char k_true = 'T';
constexpr char k_other = 'R'; // the first output, not `true`: its compact JSON
constexpr char k_no_output = 'N';
constexpr char k_compile_error = 'C';
constexpr char k_runtime_error = 'E';
constexpr char k_input_error = 'D';
constexpr char k_no_memory = 'M';
constexpr std::size_t k_answer_limit = 4096;

// A jq program may not name modules: `import`/`include` read files from a search path the
// program itself can set, and `modulemeta` reads one. Found as words outside strings and
// comments (and inside string interpolations, which are code).
void refuse_modules(std::string_view program)
{
  std::size_t i = 0;
  std::vector<int> interpolations; // open parentheses in each interpolation
  bool in_string = false;
  while (i < program.size()) {
    const char c = program[i];
    if (in_string) {
      if (c == '\\' && i + 1 < program.size() && program[i + 1] == '(') {
        interpolations.push_back(0);
        in_string = false;
        i += 2;
      } else if (c == '\\') {
        i += 2;
      } else {
        in_string = c != '"';
        ++i;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      ++i;
    } else if (c == '#') {
      while (i < program.size() && program[i] != '\n') {
        ++i;
      }
    } else if (c == '(' && !interpolations.empty()) {
      ++interpolations.back();
      ++i;
    } else if (c == ')' && !interpolations.empty()) {
      if (interpolations.back()-- == 0) {
        interpolations.pop_back();
        in_string = true;
      }
      ++i;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
      const std::size_t start = i;
      while (i < program.size() &&
             ((program[i] >= 'a' && program[i] <= 'z') ||
              (program[i] >= 'A' && program[i] <= 'Z') ||
              (program[i] >= '0' && program[i] <= '9') || program[i] == '_')) {
        ++i;
      }
      const std::string_view word = program.substr(start, i - start);
      // `.import` is a field and `$import` a variable, not the keyword.
      const char before = start > 0 ? program[start - 1] : ' ';
      if (before != '.' && before != '$' &&
          (word == "import" || word == "include" || word == "modulemeta")) {
        throw UsageError(fmt::format("the jq program uses modules ({}): an expectation's "
                                     "program may read nothing but the file",
                                     word));
      }
    } else {
      ++i;
    }
  }
}

void write_all(int fd, std::string_view bytes)
{
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

int g_answer_fd = -1;

void on_no_memory(void*)
{
  const char answer = k_no_memory;
  [[maybe_unused]] const ssize_t ignored = ::write(g_answer_fd, &answer, 1);
  ::_exit(3);
}

void collect_error(void* data, jv message)
{
  auto& messages = *static_cast<std::string*>(data);
  jv formatted = jq_format_error(message);
  if (jv_get_kind(formatted) == JV_KIND_STRING) {
    messages += messages.empty() ? "" : "; ";
    messages += jv_string_value(formatted);
  }
  jv_free(formatted);
}

// jq 1.6's `input` calls the input callback without checking that there is one: this one
// says there is no more input, so `input` and `inputs` fail with jq's own message.
jv no_more_input(jq_state*, void*)
{
  return jv_invalid_with_msg(jv_string("No more inputs"));
}

void ignore_debug(void*, jv message)
{
  jv_free(message);
}

// The child's address space now: the limit is set above it, so that a large parent (or a
// sanitizer's reserved shadow memory) leaves the program its budget.
std::size_t address_space_now()
{
  const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return 0;
  }
  char buffer[128] = {};
  const ssize_t read = ::read(fd, buffer, sizeof buffer - 1);
  ::close(fd);
  if (read <= 0) {
    return 0;
  }
  return static_cast<std::size_t>(std::strtoull(buffer, nullptr, 10)) *
         static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

[[noreturn]] void run_child(int answer_fd, const std::string& program, std::string_view text,
                            const JqLimits& limits)
{
  g_answer_fd = answer_fd;
  // No terminal, no output of ours: jq 1.6's `stderr` builtin writes to fd 2 itself.
  const int null_fd = ::open("/dev/null", O_RDWR);
  if (null_fd >= 0) {
    ::dup2(null_fd, 0);
    ::dup2(null_fd, 1);
    ::dup2(null_fd, 2);
  }
  rlimit none{0, 0};
  ::setrlimit(RLIMIT_CORE, &none);
  rlimit cpu{limits.cpu_seconds, limits.cpu_seconds + 1};
  ::setrlimit(RLIMIT_CPU, &cpu);
  if (const std::size_t now = address_space_now(); now > 0) {
    const rlim_t budget = now + limits.memory + 8 * text.size();
    rlimit memory{budget, budget};
    ::setrlimit(RLIMIT_AS, &memory);
  }
  // jq reads `environ` for $ENV and `env`; clearenv() would leave it null, which jq 1.6 does
  // not expect, so it points at an empty list instead.
  static char* k_no_environment[] = {nullptr};
  environ = k_no_environment;

  jq_state* jq = jq_init();
  if (jq == nullptr) {
    on_no_memory(nullptr);
  }
  jq_set_nomem_handler(jq, on_no_memory, nullptr);
  std::string messages;
  jq_set_error_cb(jq, collect_error, &messages);
  jq_set_debug_cb(jq, ignore_debug, nullptr);
  jq_set_input_cb(jq, no_more_input, nullptr);
  // No module search path: a module could be found nowhere, even if one slipped through.
  jq_set_attr(jq, jv_string("JQ_LIBRARY_PATH"), jv_array());
  std::string answer;
  if (jq_compile(jq, program.c_str()) == 0) {
    answer = std::string(1, k_compile_error) + messages;
  } else {
    jv input = jv_parse_sized(text.data(), static_cast<int>(text.size()));
    if (!jv_is_valid(input)) {
      jv message = jv_invalid_get_msg(input);
      answer = k_input_error;
      if (jv_get_kind(message) == JV_KIND_STRING) {
        answer += jv_string_value(message);
      }
      jv_free(message);
    } else {
      jq_start(jq, input, 0);
      jv result = jq_next(jq);
      if (jv_is_valid(result)) {
        if (jv_get_kind(result) == JV_KIND_TRUE) {
          answer = k_true;
          jv_free(result);
        } else {
          jv dumped = jv_dump_string(result, 0);
          answer = std::string(1, k_other) + jv_string_value(dumped);
          jv_free(dumped);
        }
      } else if (jv_invalid_has_msg(jv_copy(result))) {
        jv message = jv_invalid_get_msg(result);
        if (jv_get_kind(message) != JV_KIND_STRING) {
          message = jv_dump_string(message, 0);
        }
        answer = std::string(1, k_runtime_error) + jv_string_value(message);
        jv_free(message);
      } else if (jq_halted(jq)) {
        jv_free(result);
        answer = std::string(1, k_runtime_error) + "the program halted";
      } else {
        jv_free(result);
        answer = k_no_output;
      }
    }
  }
  write_all(answer_fd, std::string_view(answer).substr(0, k_answer_limit));
  ::_exit(0);
}

// Kills and reaps the child unless it was reaped: no zombie, whatever the parent throws.
class Child
{
public:
  explicit Child(pid_t pid) : m_pid(pid) {}
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child()
  {
    if (m_pid > 0) {
      ::kill(m_pid, SIGKILL);
      wait();
    }
  }

  int wait()
  {
    int status = 0;
    while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_pid = -1;
    return status;
  }

  void kill() const { ::kill(m_pid, SIGKILL); }

private:
  pid_t m_pid;
};

class Fd
{
public:
  explicit Fd(int fd) : m_fd(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { close(); }
  int get() const { return m_fd; }
  void close()
  {
    if (m_fd >= 0) {
      ::close(m_fd);
      m_fd = -1;
    }
  }

private:
  int m_fd;
};

[[noreturn]] void out_of_time(const JqLimits& limits)
{
  throw UsageError(fmt::format("the jq program ran out of time ({} s of CPU, {} s in all): "
                               "does it loop?",
                               limits.cpu_seconds,
                               static_cast<double>(limits.wall.count()) / 1000.0));
}

[[noreturn]] void out_of_memory(const JqLimits& limits)
{
  throw UsageError(fmt::format("the jq program ran out of memory ({} MiB beyond the file's "
                               "own): does it build something without end?",
                               limits.memory >> 20));
}

// The answer's text as a message: lines joined, controls replaced, cut short.
std::string message_of(std::string_view text)
{
  std::string joined(text);
  for (char& c : joined) {
    c = c == '\n' ? ' ' : c;
  }
  return shown_value(joined, 300);
}

} // namespace

namespace {

// What the child wrote, until it closes the pipe or the wall-clock deadline passes (then
// `timed_out` is set).
std::string read_answer(int fd, const JqLimits& limits, bool& timed_out)
{
  std::string answer;
  timed_out = false;
  const auto deadline = std::chrono::steady_clock::now() + limits.wall;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      return answer;
    }
    pollfd waiting{fd, POLLIN, 0};
    const int ready = ::poll(&waiting, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    if (ready <= 0) {
      timed_out = ready == 0;
      return answer;
    }
    char buffer[4096];
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      return answer;
    }
    if (answer.size() < k_answer_limit) {
      answer.append(buffer, static_cast<std::size_t>(got));
    }
  }
}

// How the child ended: a signal means it ran out of time or memory (or crashed).
void judge_exit(int status, const std::string& answer, const JqLimits& limits)
{
  if (!answer.empty() && answer.front() == k_no_memory) {
    out_of_memory(limits);
  }
  if (!WIFSIGNALED(status)) {
    return;
  }
  const int signal = WTERMSIG(status);
  if (signal == SIGXCPU || signal == SIGKILL) {
    out_of_time(limits);
  }
  if (signal == SIGABRT) {
    // Allocation failures outside jq's own allocator (the C++ runtime) end here.
    out_of_memory(limits);
  }
  throw UsageError(
      fmt::format("the jq program crashed (signal {}), perhaps out of memory", signal));
}

// The child's answer: its first byte says what kind, the rest what was printed.
ExpectationOutcome outcome_of(const std::string& answer, const std::string& shown)
{
  if (answer.empty()) {
    throw UsageError("the jq program gave no answer");
  }
  const std::string_view body = std::string_view(answer).substr(1);
  ExpectationOutcome outcome;
  switch (answer.front()) {
  case k_true:
    outcome.pass = true;
    outcome.value = "jq: true";
    return outcome;
  case k_other:
    outcome.value = "jq: " + shown_value(body);
    return outcome;
  case k_no_output:
    outcome.value = "jq: no output";
    return outcome;
  case k_compile_error:
    throw UsageError("the jq program does not compile: " + message_of(body));
  case k_input_error:
    throw DataError(SourceLocation{shown, 0, 0}, "jq cannot read the file: " + message_of(body));
  case k_runtime_error:
    throw DataError(SourceLocation{shown, 0, 0},
                    "the jq program failed on this file: " + message_of(body));
  default:
    throw UsageError("the jq program gave no answer");
  }
}

} // namespace

ExpectationOutcome run_jq(const std::string& program, std::string_view text,
                          const std::string& shown, const JqLimits& limits)
{
  if (program.find('\0') != std::string::npos) {
    throw UsageError("the jq program has a NUL character");
  }
  refuse_modules(program);
  {
    // simdjson first: its errors have places, and jq never sees a document it would refuse.
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element root;
    parse_result_json(parser, text, shown, root);
  }
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw UsageError(fmt::format("cannot run the jq program: {}", std::strerror(errno)));
  }
  Fd read_end(fds[0]);
  Fd write_end(fds[1]);
  const pid_t pid = ::fork();
  if (pid < 0) {
    throw UsageError(fmt::format("cannot run the jq program: {}", std::strerror(errno)));
  }
  if (pid == 0) {
    try {
      run_child(write_end.get(), program, text, limits);
    } catch (...) {
    }
    ::_exit(4);
  }
  Child child(pid);
  write_end.close();
  bool timed_out = false;
  const std::string answer = read_answer(read_end.get(), limits, timed_out);
  if (timed_out) {
    child.kill();
  }
  const int status = child.wait();
  if (timed_out) {
    out_of_time(limits);
  }
  judge_exit(status, answer, limits);
  return outcome_of(answer, shown);
}

ExpectationOutcome read_json_jq(const ExpectationRule& rule, std::string_view text,
                                const std::string& shown)
{
  return run_jq(rule.jq, text, shown);
}

} // namespace llmchecklist::detail
