#pragma once
/// Running the evidence commands attached to items (`verify`), in parallel, each with a
/// timeout, keeping only the end of their output.
///
/// The commands come from the state file and the checklist: they run with the user's rights,
/// as make runs a Makefile. Nothing runs them but run_verifications().

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// One command to run for one item.
struct VerifyJob
{
  /// Index of the item in the checklist.
  std::size_t item = 0;
  /// A shell command (run with /bin/sh -c).
  std::string command;
};

/// How a command ended.
enum class VerifyOutcome
{
  pass,
  fail,
  timeout,
};

/// "pass", "fail" or "timeout".
std::string_view to_string(VerifyOutcome outcome);

/// What one command did.
struct VerifyResult
{
  std::size_t item = 0;
  std::string command;
  VerifyOutcome outcome = VerifyOutcome::fail;
  /// The exit status, or 128 + the signal that ended it; -1 when it timed out.
  int exit_code = 0;
  std::chrono::milliseconds duration{0};
  /// The last bytes of its standard output and error, interleaved as written.
  std::string output_tail;
};

/// Limits of a run.
struct VerifyOptions
{
  /// Commands running at once.
  unsigned jobs = 4;
  /// After this, a command's whole process group is killed.
  std::chrono::milliseconds timeout{std::chrono::seconds(300)};
  /// Bytes of output kept per command (the end of it): a noisy command costs no more memory.
  std::size_t tail_bytes = 16 * 1024;
};

/// Runs every job from `directory`, at most options.jobs at a time; results in the jobs' order.
/// Throws IoError when a command cannot be started at all.
std::vector<VerifyResult> run_verifications(const std::vector<VerifyJob>& jobs,
                                            const std::filesystem::path& directory,
                                            const VerifyOptions& options = {});

/// What recording a result changed in the state.
enum class VerifyChange
{
  none,
  /// A todo item became done, checked by "llmchecklist verify".
  checked,
  /// An item that verify had checked went back to todo.
  unchecked,
};

/// Records a result for `verify --update`: a pass checks a todo item (by "llmchecklist verify",
/// the note naming the command); a failure unchecks an item only when verify had checked it:
/// a manual check is never undone, it is only marked as failing. Items not applicable are left
/// alone. The last result is kept in the entry (`verify_result`).
VerifyChange record_verification(State& state, const Item& item, const VerifyResult& result,
                                 const std::string& at);

/// The last `lines` lines of `text`.
std::string last_lines(const std::string& text, std::size_t lines);

} // namespace llmchecklist
