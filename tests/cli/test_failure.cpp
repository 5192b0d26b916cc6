// How each family of error ends a command: what reaches stderr and the exit code.

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <doctest/doctest.h>
#include <unistd.h>

#include "exit_codes.hpp"
#include "failure.hpp"
#include "llmchecklist/error.hpp"

using namespace llmchecklist;
using namespace llmchecklist::cli;

namespace {

// Runs report_failure() on `error` with stderr captured; returns the exit code and the text.
template <typename Error> std::pair<int, std::string> report(const Error& error)
{
  std::fflush(stderr);
  char path[] = "/tmp/llmchecklist-cli-test-XXXXXX";
  const int fd = ::mkstemp(path);
  REQUIRE(fd >= 0);
  const int saved = ::dup(2);
  ::dup2(fd, 2);
  const int code = report_failure(std::make_exception_ptr(error));
  std::fflush(stderr);
  ::dup2(saved, 2);
  ::close(saved);
  std::string text;
  char buffer[4096];
  ::lseek(fd, 0, SEEK_SET);
  for (ssize_t got; (got = ::read(fd, buffer, sizeof buffer)) > 0;) {
    text.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  ::unlink(path);
  return {code, text};
}

} // namespace

TEST_SUITE("failure")
{
  TEST_CASE("an error that is none of ours is reported as a bug with its own exit code")
  {
    const auto [code, text] = report(std::logic_error("vector index out of range"));
    CHECK(code == k_exit_internal);
    CHECK(code == 70);
    CHECK(text.find("llmchecklist: error: internal error: vector index out of range.") == 0);
    CHECK(text.find("This is a bug in llmchecklist") != std::string::npos);
  }

  TEST_CASE("each of our error families keeps its exit code")
  {
    CHECK(report(DataError(SourceLocation{}, "bad")).first == k_exit_data);
    CHECK(report(IoError("f", "cannot read f")).first == k_exit_io);
    CHECK(report(UsageError("no")).first == k_exit_usage);
    CHECK(report(LookupError("no item 'x'", {"1 a"})).first == k_exit_usage);
  }

  TEST_CASE("a failure of the standard library's file system calls is an I/O error")
  {
    const auto [code, text] = report(std::filesystem::filesystem_error(
        "cannot list", "/gone", std::make_error_code(std::errc::no_such_file_or_directory)));
    CHECK(code == k_exit_io);
    CHECK(text.find("/gone") != std::string::npos);
  }

  TEST_CASE("a lookup error lists what the user may have meant")
  {
    const auto [code, text] = report(LookupError("no item 'qualty-bar'", {"1 quality-bar"}));
    CHECK(code == k_exit_usage);
    CHECK(text == "llmchecklist: error: no item 'qualty-bar'; did you mean:\n  1 quality-bar\n");
  }
}
