#pragma once
/// Who checked an item, and when.

#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace llmchecklist {

/// "Name <email>" from git config (user.name, user.email) as seen from `directory`, else the
/// login name.
std::string current_user(const std::filesystem::path& directory);

/// A time as a TOML UTC date-time with second precision: "2026-11-28T21:05:00Z".
std::string format_utc(std::time_t time);

/// Parses a UTC date-time as format_utc writes it ("YYYY-MM-DDTHH:MM:SSZ"); nullopt otherwise.
std::optional<std::time_t> parse_utc(std::string_view text);

} // namespace llmchecklist
