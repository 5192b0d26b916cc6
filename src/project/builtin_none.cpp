// No built-in checklists: for the build tool that compiles them (tools/compile_builtins.cpp),
// which links the library before there is anything to embed.
#include "cache/builtin_sources.hpp"

namespace llmchecklist::detail {

const BuiltinSource k_builtin_sources[] = {{"", "", ""}};
const std::size_t k_builtin_source_count = 0;
const BuiltinSource k_builtin_compiled[] = {{"", "", ""}};
const std::size_t k_builtin_compiled_count = 0;
const std::string_view k_build_fingerprint = "";

} // namespace llmchecklist::detail
