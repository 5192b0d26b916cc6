#include "llmchecklist/builtin.hpp"

#include <fmt/format.h>

#include "builtin_sources.hpp"
#include "llmchecklist/error.hpp"

namespace llmchecklist {

std::vector<std::string> builtin_checklist_names()
{
  std::vector<std::string> names;
  for (std::size_t i = 0; i < detail::k_builtin_source_count; ++i) {
    names.emplace_back(detail::k_builtin_sources[i].name);
  }
  return names;
}

std::string_view builtin_checklist_source(std::string_view name)
{
  for (std::size_t i = 0; i < detail::k_builtin_source_count; ++i) {
    if (detail::k_builtin_sources[i].name == name) {
      return detail::k_builtin_sources[i].text;
    }
  }
  std::vector<std::string> candidates;
  for (const std::string& known : builtin_checklist_names()) {
    candidates.push_back(fmt::format("{}{}", k_builtin_prefix, known));
  }
  throw LookupError(fmt::format("no built-in checklist named '{}'", name), std::move(candidates));
}

Checklist load_builtin_checklist(std::string_view name)
{
  const std::string source = fmt::format("{}{}", k_builtin_prefix, name);
  Checklist checklist = parse_checklist(builtin_checklist_source(name), source);
  checklist.source = source;
  return checklist;
}

} // namespace llmchecklist
