#include "llmchecklist/utc.hpp"

#include <cstdio>

#include <fmt/format.h>

namespace llmchecklist {

std::string format_utc(std::time_t time)
{
  std::tm tm{};
  ::gmtime_r(&time, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::optional<std::time_t> parse_utc(std::string_view text)
{
  std::tm tm{};
  char zone = 0;
  char tail = 0;
  const std::string copy(text);
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &zone, &tail) != 7 ||
      zone != 'Z') {
    return std::nullopt;
  }
  if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
      tm.tm_min > 59 || tm.tm_sec > 60) {
    return std::nullopt;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return ::timegm(&tm);
}

std::optional<std::time_t> parse_date_time(std::string_view text)
{
  // "YYYY-MM-DDTHH:MM:SS", then ".fraction", then "Z" or "+HH:MM" / "-HH:MM".
  if (text.size() < 20 || text[10] != 'T') {
    return std::nullopt;
  }
  std::size_t zone = 19;
  if (text[zone] == '.') {
    ++zone;
    while (zone < text.size() && text[zone] >= '0' && text[zone] <= '9') {
      ++zone;
    }
    if (zone == 20) {
      return std::nullopt;
    }
  }
  const std::string_view rest = text.substr(zone);
  std::time_t offset = 0;
  if (rest != "Z") {
    int hours = 0;
    int minutes = 0;
    char colon = 0;
    char tail = 0;
    const std::string copy(rest.substr(std::min<std::size_t>(rest.size(), 1)));
    if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') ||
        std::sscanf(copy.c_str(), "%2d%c%2d%c", &hours, &colon, &minutes, &tail) != 3 ||
        colon != ':' || hours > 23 || minutes > 59) {
      return std::nullopt;
    }
    offset = (rest[0] == '+' ? 1 : -1) * static_cast<std::time_t>(hours * 3600 + minutes * 60);
  }
  const std::optional<std::time_t> local = parse_utc(std::string(text.substr(0, 19)) + "Z");
  if (!local) {
    return std::nullopt;
  }
  return *local - offset;
}

} // namespace llmchecklist
