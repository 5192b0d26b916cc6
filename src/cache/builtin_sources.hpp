#pragma once
// The checklist files embedded at build time: their TOML text (the generated
// builtin_sources.cpp) and, made from it by the library itself at build time, their compiled
// form (the generated builtin_compiled.cpp), which is what a run reads.

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

/// The same checklists, compiled (see compiled.hpp); `text` holds the bytes.
extern const BuiltinSource k_builtin_compiled[];
extern const std::size_t k_builtin_compiled_count;

/// Identifies this build's library code and built-in checklists, so that a cache entry made by
/// another build is never used: 32 hex digits.
extern const std::string_view k_build_fingerprint;

} // namespace llmchecklist::detail
