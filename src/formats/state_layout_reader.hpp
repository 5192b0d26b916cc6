#pragma once
// A reader for exactly the layout the state writer produces (see state_layout_reader.cpp).

#include <optional>
#include <string>
#include <string_view>

#include "llmchecklist/state.hpp"

namespace llmchecklist::detail {

/// The state, when `text` is laid out as the writer lays it out; nullopt for anything else
/// (parse_state() then reads it with toml++). Never a different answer than toml++'s path.
std::optional<State> read_state_layout(std::string_view text, const std::string& path);

/// The general path: any valid state file, read with toml++, every problem a located DataError.
State parse_state_with_toml(std::string_view text, const std::string& path);

} // namespace llmchecklist::detail
