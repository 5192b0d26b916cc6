#include "llmchecklist/report_output.hpp"

#include <fmt/format.h>

#include "llmchecklist/error.hpp"
#include "llmchecklist/files.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {

std::vector<ReportInput> project_inputs(const Project& project)
{
  std::vector<ReportInput> inputs;
  inputs.push_back({project.state_path, "the state file in use"});
  const std::vector<std::string>& files = project.checklist.files;
  for (std::size_t i = 0; i < files.size(); ++i) {
    inputs.push_back({files[i], i == 0 ? "the checklist definition the state follows"
                                       : "a checklist file the definition extends"});
  }
  return inputs;
}

void refuse_report_inputs(const fs::path& output, const std::vector<ReportInput>& inputs)
{
  for (const ReportInput& input : inputs) {
    if (same_file(output, input.path)) {
      throw UsageError(fmt::format("-o {} names {}{}; a report would replace it. Write it "
                                   "elsewhere",
                                   output.string(), input.role,
                                   output == input.path ? "" : " (" + input.path.string() + ")"));
    }
  }
}

void write_report(const fs::path& output, std::string_view content,
                  const std::vector<ReportInput>& inputs)
{
  refuse_report_inputs(output, inputs);
  write_output(output, content);
}

} // namespace llmchecklist
