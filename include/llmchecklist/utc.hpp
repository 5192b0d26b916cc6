#pragma once
/// Dates and times as the state file records them: calendar days ("2027-03-31") and UTC
/// date-times with second precision ("2026-11-28T21:05:00Z"), as <chrono>'s sys_days and
/// sys_seconds. Every date and time the library reads or writes goes through here.
///
///     parse_date("2024-02-29")                     // sys_days for that day
///     parse_date("2025-02-29")                     // nullopt: not a day
///     format_utc(*parse_date_time("2026-11-28T22:05:00.5+01:00"))  // "2026-11-28T21:05:00Z"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace llmchecklist {

/// The year, month and day of text shaped "NNNN-NN-NN", whether or not they name a real day
/// (.ok() says); nullopt when the text has another shape.
std::optional<std::chrono::year_month_day> scan_date(std::string_view text);

/// Parses a date "YYYY-MM-DD" that names a real day; nullopt otherwise.
std::optional<std::chrono::sys_days> parse_date(std::string_view text);

/// A day as "YYYY-MM-DD".
std::string format_date(std::chrono::sys_days day);

/// Days from the date `from` to the date `to` (negative when `to` is earlier); nullopt when
/// either is not a date parse_date() takes.
std::optional<std::int64_t> days_between(std::string_view from, std::string_view to);

/// A time as a TOML UTC date-time with second precision: "2026-11-28T21:05:00Z".
std::string format_utc(std::chrono::sys_seconds time);

/// A time as an RFC 3339 date-time on the clock of the given offset from UTC:
/// "2026-11-28T22:05:00+01:00".
std::string format_date_time(std::chrono::sys_seconds time, std::chrono::minutes offset);

/// Parses a UTC date-time as format_utc writes it ("YYYY-MM-DDTHH:MM:SSZ"); nullopt otherwise.
std::optional<std::chrono::sys_seconds> parse_utc(std::string_view text);

/// Parses an RFC 3339 date-time: Z or an offset ("2026-11-28T22:05:00+01:00"), maybe with a
/// fraction of a second, which is dropped; nullopt otherwise.
std::optional<std::chrono::sys_seconds> parse_date_time(std::string_view text);

/// Parses a date or date-time as a person types one: "YYYY-MM-DD" (its midnight, UTC), or that
/// and "HH:MM" or "HH:MM:SS" separated by 'T' or a space, then Z, an offset ("+01:00") or
/// nothing (UTC); nullopt otherwise.
std::optional<std::chrono::sys_seconds> parse_loose_date_time(std::string_view text);

} // namespace llmchecklist
