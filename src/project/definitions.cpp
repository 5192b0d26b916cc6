// Reading checklist definitions as a repository holds them: `extends` may name a built-in
// checklist or a file of the same repository, and nothing else.

#include <fmt/format.h>

#include "formats/checklist_reader.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/checklist.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/lint.hpp"
#include "llmchecklist/state_file.hpp"
#include "project/confine.hpp"
#include "project/definitions.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::detail {

ReadContext repository_context(const fs::path& root)
{
  ReadContext context;
  context.load_base = [root](std::string_view reference, const std::string& from,
                             ReadContext& inner) -> Checklist {
    if (reference.rfind(k_builtin_prefix, 0) == 0) {
      return load_builtin_checklist(reference.substr(k_builtin_prefix.size()));
    }
    const fs::path directory = fs::path(from).parent_path();
    const ConfinedPath confined = confine(reference, directory, root);
    if (!confined.problem.empty()) {
      // Refused before the file is opened, so that nothing of it reaches a message.
      throw DataError({}, fmt::format("cannot extend: {}", confined.problem));
    }
    const std::string path = (directory / fs::path(reference)).lexically_normal().string();
    if (const std::string cycle = describe_cycle(inner.chain, path); !cycle.empty()) {
      throw DataError({}, fmt::format("'extends' makes a cycle: {}", cycle));
    }
    return load_checklist(path, inner);
  };
  return context;
}

fs::path repository_of(const std::string& path)
{
  return default_state_directory(fs::path(path).parent_path());
}

} // namespace llmchecklist::detail

namespace llmchecklist {

Checklist parse_checklist(std::string_view text, const std::string& path)
{
  detail::ReadContext context = detail::repository_context(detail::repository_of(path));
  return detail::read_checklist(text, path, nullptr, nullptr, context);
}

Checklist load_checklist_file(const std::string& path)
{
  detail::ReadContext context = detail::repository_context(detail::repository_of(path));
  return detail::load_checklist(path, context);
}

std::vector<Diagnostic> lint_checklist(std::string_view text, const std::string& path,
                                       const LintOptions& options)
{
  std::vector<Diagnostic> diagnostics;
  detail::ReadContext context = detail::repository_context(detail::repository_of(path));
  detail::read_checklist(text, path, &diagnostics, &options, context);
  return diagnostics;
}

} // namespace llmchecklist
