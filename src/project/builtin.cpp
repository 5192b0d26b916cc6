#include "llmchecklist/builtin.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "cache/builtin_sources.hpp"
#include "cache/compiled.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/version.hpp"

namespace llmchecklist {
namespace {

const detail::BuiltinSource* find_source(std::string_view name, std::string_view version)
{
  for (std::size_t i = 0; i < detail::k_builtin_source_count; ++i) {
    const detail::BuiltinSource& source = detail::k_builtin_sources[i];
    if (source.name == name && source.version == version) {
      return &source;
    }
  }
  return nullptr;
}

bool is_number(std::string_view text)
{
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

std::vector<std::string> builtin_checklist_names()
{
  std::vector<std::string> names;
  for (std::size_t i = 0; i < detail::k_builtin_source_count; ++i) {
    const std::string name(detail::k_builtin_sources[i].name);
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  }
  return names;
}

std::vector<std::string> builtin_checklist_versions(std::string_view name)
{
  std::vector<std::string> versions;
  for (std::size_t i = 0; i < detail::k_builtin_source_count; ++i) {
    if (detail::k_builtin_sources[i].name == name) {
      versions.emplace_back(detail::k_builtin_sources[i].version);
    }
  }
  std::sort(versions.begin(), versions.end(),
            [](const std::string& a, const std::string& b) { return compare_versions(a, b) < 0; });
  return versions;
}

int compare_versions(std::string_view a, std::string_view b)
{
  while (!a.empty() || !b.empty()) {
    const std::string_view part_a = a.substr(0, a.find('.'));
    const std::string_view part_b = b.substr(0, b.find('.'));
    if (is_number(part_a) && is_number(part_b)) {
      unsigned long long x = 0;
      unsigned long long y = 0;
      std::from_chars(part_a.data(), part_a.data() + part_a.size(), x);
      std::from_chars(part_b.data(), part_b.data() + part_b.size(), y);
      if (x != y) {
        return x < y ? -1 : 1;
      }
    } else if (const int order = part_a.compare(part_b); order != 0) {
      return order < 0 ? -1 : 1;
    }
    a.remove_prefix(std::min(a.size(), part_a.size() + 1));
    b.remove_prefix(std::min(b.size(), part_b.size() + 1));
  }
  return 0;
}

std::string pinned_builtin_reference(std::string_view name)
{
  const std::vector<std::string> versions = builtin_checklist_versions(name);
  return versions.empty() ? fmt::format("{}{}", k_builtin_prefix, name)
                          : fmt::format("{}{}@{}", k_builtin_prefix, name, versions.back());
}

namespace {

// The embedded source that "NAME" or "NAME@VERSION" names.
const detail::BuiltinSource& resolve_builtin(std::string_view spec)
{
  const std::size_t at = spec.find('@');
  const std::string_view name = spec.substr(0, at);
  const std::vector<std::string> versions = builtin_checklist_versions(name);
  if (versions.empty()) {
    std::vector<std::string> candidates;
    for (const std::string& known : builtin_checklist_names()) {
      candidates.push_back(fmt::format("{}{}", k_builtin_prefix, known));
    }
    throw LookupError(fmt::format("no built-in checklist named '{}'", name), std::move(candidates));
  }
  const std::string_view version =
      at == std::string_view::npos ? std::string_view(versions.back()) : spec.substr(at + 1);
  if (const detail::BuiltinSource* source = find_source(name, version)) {
    return *source;
  }
  std::vector<std::string> candidates;
  for (const std::string& known : versions) {
    candidates.push_back(fmt::format("{}{}@{}", k_builtin_prefix, name, known));
  }
  const bool newer = compare_versions(version, versions.back()) > 0;
  throw LookupError(
      fmt::format(
          "this llmchecklist ({}) does not know {}{}@{}{}", k_version, k_builtin_prefix, name,
          version,
          newer ? fmt::format("; it needs a newer llmchecklist, one that ships version {}", version)
                : std::string()),
      std::move(candidates));
}

} // namespace

std::string_view builtin_checklist_source(std::string_view spec)
{
  return resolve_builtin(spec).text;
}

Checklist load_builtin_checklist(std::string_view spec)
{
  const std::string source = fmt::format("{}{}", k_builtin_prefix, spec);
  const detail::BuiltinSource& builtin = resolve_builtin(spec);
  // The compiled form was made from this very text at build time (tools/compile_builtins.cpp),
  // so it is the same checklist without parsing TOML at start-up. Only the build tool that
  // makes it runs without one.
  for (std::size_t i = 0; i < detail::k_builtin_compiled_count; ++i) {
    const detail::BuiltinSource& compiled = detail::k_builtin_compiled[i];
    if (compiled.name == builtin.name && compiled.version == builtin.version) {
      if (std::optional<Checklist> checklist = detail::decode_checklist(compiled.text)) {
        checklist->source = source;
        return std::move(*checklist);
      }
    }
  }
  Checklist checklist = parse_checklist(builtin.text, source);
  checklist.source = source;
  return checklist;
}

} // namespace llmchecklist
