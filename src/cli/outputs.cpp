#include "outputs.hpp"

#include <fmt/format.h>

#include "llmchecklist/error.hpp"
#include "llmchecklist/files.hpp"

namespace llmchecklist::cli {

void refuse_inputs(const Project& project, const std::string& output)
{
  if (same_file(output, project.state_path)) {
    throw UsageError(fmt::format("-o {} names the state file in use; an export would replace the "
                                 "team's record. Write the export elsewhere",
                                 output));
  }
  for (std::size_t i = 0; i < project.checklist.files.size(); ++i) {
    const std::string& file = project.checklist.files[i];
    if (same_file(output, file)) {
      throw UsageError(fmt::format("-o {} names {}, {}; an export would replace it. Write the "
                                   "export elsewhere",
                                   output, file,
                                   i == 0 ? "the checklist definition the state follows"
                                          : "a checklist file the definition extends"));
    }
  }
}

} // namespace llmchecklist::cli
