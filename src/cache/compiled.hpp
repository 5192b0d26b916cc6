#pragma once
// Checklist definitions as compact bytes, read back without parsing TOML: the form the built-in
// checklists are embedded in (made at build time) and the form the cache keeps them in.
// Decoding checks every length, so corrupt bytes give std::nullopt, never a wrong result.

#include <optional>
#include <string>
#include <string_view>

#include "llmchecklist/checklist.hpp"

namespace llmchecklist::detail {

/// Bumped whenever the encoding or the hash of the keys changes, so that older cache files
/// read as foreign (5: keys and checksums are XXH3).
inline constexpr std::uint32_t k_compiled_format = 5;

void encode_checklist(const Checklist& checklist, std::string& out);
std::optional<Checklist> decode_checklist(std::string_view bytes);

} // namespace llmchecklist::detail
