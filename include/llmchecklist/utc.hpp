#pragma once
/// Times as the state file records them: UTC date-times with second precision.

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace llmchecklist {

/// A time as a TOML UTC date-time with second precision: "2026-11-28T21:05:00Z".
std::string format_utc(std::time_t time);

/// Parses a UTC date-time as format_utc writes it ("YYYY-MM-DDTHH:MM:SSZ"); nullopt otherwise.
std::optional<std::time_t> parse_utc(std::string_view text);

/// Parses an RFC 3339 date-time: Z or an offset ("2026-11-28T22:05:00+01:00"), maybe with a
/// fraction of a second, which is dropped; nullopt otherwise.
std::optional<std::time_t> parse_date_time(std::string_view text);

} // namespace llmchecklist
