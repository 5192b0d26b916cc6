#pragma once
/// Where a report may be written. Every command that writes a file it was asked for (`export
/// -o`, `fleet -o`, `history -o`, the terminal interface's export) goes through write_report(),
/// so that one function decides what may be replaced.
///
///     write_report("CHECKLIST.md", text, project_inputs(project));

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/project.hpp"

namespace llmchecklist {

/// A file a report was made from, which it must never replace, and what it is for a message
/// ("the state file in use").
struct ReportInput
{
  std::filesystem::path path;
  std::string role;
};

/// The files a project was read from: its state file, the checklist definition it follows and
/// every file that definition extends.
std::vector<ReportInput> project_inputs(const Project& project);

/// Throws UsageError, naming the file and its role, when `output` is one of `inputs` (the same
/// file, however it is named: links and `..` resolved).
void refuse_report_inputs(const std::filesystem::path& output,
                          const std::vector<ReportInput>& inputs);

/// Writes a report to `output` after refuse_report_inputs(): a regular file (or a link to one)
/// is replaced atomically, an existing device, FIFO or socket is written into (write_output()).
/// Throws UsageError or IoError; nothing is written then.
void write_report(const std::filesystem::path& output, std::string_view content,
                  const std::vector<ReportInput>& inputs);

} // namespace llmchecklist
