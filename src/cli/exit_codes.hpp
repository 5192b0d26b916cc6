#pragma once
// Every exit status llmchecklist uses, in one place. The man page's EXIT STATUS section lists
// the same codes; keep them together.

namespace llmchecklist::cli {

enum ExitCode : int
{
  /// Success.
  k_exit_ok = 0,
  /// A gate failed: progress below --min, a required item todo.
  k_exit_gate_failed = 1,
  /// Bad usage: unknown option or command, unknown or ambiguous item. CLI11's own parse-error
  /// codes (100-127) map here.
  k_exit_usage = 2,
  /// A checklist or state file that is not valid (or lint found problems).
  k_exit_data = 3,
  /// A file could not be read, written or locked.
  k_exit_io = 4,
  /// A bug in llmchecklist: an error none of the above explains (sysexits' EX_SOFTWARE).
  k_exit_internal = 70,
};

} // namespace llmchecklist::cli
