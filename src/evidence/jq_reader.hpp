#pragma once
// The json reader's jq condition, run by libjq in a forked child (no exec) that has no
// environment, no modules, no input but the file, its standard streams on /dev/null, and
// bounded memory, CPU time and wall-clock time.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "llmchecklist/expectation.hpp"

namespace llmchecklist::detail {

/// What a jq program may use.
struct JqLimits
{
  /// Address space beyond what the process already has, plus eight times the input's size
  /// (jq's values take more room than their text).
  std::size_t memory = std::size_t{512} << 20;
  /// CPU time, in seconds.
  unsigned cpu_seconds = 5;
  /// Wall-clock time, after which the child is killed.
  std::chrono::milliseconds wall{10000};
};

/// Runs `program` on `text` (JSON the caller has checked); passes when the first output is
/// `true`. Throws UsageError for a program that does not compile, uses modules, or runs out of
/// time or memory; DataError at `shown` for one that fails on the file.
ExpectationOutcome run_jq(const std::string& program, std::string_view text,
                          const std::string& shown, const JqLimits& limits = {});

} // namespace llmchecklist::detail
