#pragma once
// The checklist files embedded at build time (the generated builtin_sources.cpp defines them).

#include <cstddef>
#include <string_view>

namespace llmchecklist::detail {

struct BuiltinSource
{
  std::string_view name;
  std::string_view version;
  std::string_view text;
};

extern const BuiltinSource k_builtin_sources[];
extern const std::size_t k_builtin_source_count;

} // namespace llmchecklist::detail
