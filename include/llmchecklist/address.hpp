#pragma once
/// Turning what a user typed ("3", "quality-bar", "qual") into an item or a phase.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/checklist.hpp"

namespace llmchecklist {

/// The index in checklist.items() of the item named by its number (1..N), its id, or a unique
/// prefix of its id. Throws LookupError listing the candidates when it is ambiguous or unknown.
std::size_t resolve_item(const Checklist& checklist, std::string_view reference);

/// The index in checklist.phases() of the phase named by its number (1..P), its id, or a unique
/// prefix of its id. Throws LookupError like resolve_item.
std::size_t resolve_phase(const Checklist& checklist, std::string_view reference);

} // namespace llmchecklist

namespace llmchecklist {

/// The candidates within a small edit distance of `word`, nearest first ("did you mean").
std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates);

} // namespace llmchecklist
