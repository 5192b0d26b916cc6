#include "llmchecklist/lint.hpp"

#include "formats/checklist_reader.hpp"

namespace llmchecklist {

std::vector<Diagnostic> lint_checklist(std::string_view text, const std::string& path,
                                       const LintOptions& options)
{
  std::vector<Diagnostic> diagnostics;
  detail::ReadContext context;
  detail::read_checklist(text, path, &diagnostics, &options, context);
  return diagnostics;
}

} // namespace llmchecklist
