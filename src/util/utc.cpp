#include "llmchecklist/utc.hpp"

#include <fmt/format.h>

// The digits are read here, once, by hand: GCC 12's libstdc++ has the calendar types but not
// std::chrono::parse. Validity (which days exist) and arithmetic are <chrono>'s.

namespace llmchecklist {
namespace {

using namespace std::chrono;

// Reads fixed-width fields from the front of a text.
class Scanner
{
public:
  explicit Scanner(std::string_view text) : m_text(text) {}

  bool done() const { return m_at == m_text.size(); }

  // Consumes `c` when it comes next.
  bool literal(char c)
  {
    if (m_at < m_text.size() && m_text[m_at] == c) {
      ++m_at;
      return true;
    }
    return false;
  }

  // Consumes exactly `count` ASCII digits.
  std::optional<unsigned> digits(std::size_t count)
  {
    if (m_at + count > m_text.size()) {
      return std::nullopt;
    }
    unsigned value = 0;
    for (std::size_t i = m_at; i < m_at + count; ++i) {
      if (m_text[i] < '0' || m_text[i] > '9') {
        return std::nullopt;
      }
      value = value * 10 + static_cast<unsigned>(m_text[i] - '0');
    }
    m_at += count;
    return value;
  }

  // Consumes exactly `count` ASCII digits and then `after`.
  std::optional<unsigned> digits(std::size_t count, char after)
  {
    const auto value = digits(count);
    return value && literal(after) ? value : std::nullopt;
  }

  // Consumes one or more ASCII digits.
  bool some_digits()
  {
    const std::size_t start = m_at;
    while (m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9') {
      ++m_at;
    }
    return m_at > start;
  }

private:
  std::string_view m_text;
  std::size_t m_at = 0;
};

// "YYYY-MM-DD", whether or not it names a real day.
std::optional<year_month_day> read_date(Scanner& in)
{
  const auto y = in.digits(4, '-');
  const auto m = y ? in.digits(2, '-') : std::nullopt;
  const auto d = m ? in.digits(2) : std::nullopt;
  if (!d) {
    return std::nullopt;
  }
  return year{static_cast<int>(*y)} / month{*m} / day{*d};
}

// "HH:MM:SS", or "HH:MM" when the seconds are optional. A 60th second (a leap second, which
// RFC 3339 allows) is the first of the next minute.
std::optional<seconds> read_clock(Scanner& in, bool optional_seconds)
{
  const auto h = in.digits(2, ':');
  const auto m = h ? in.digits(2) : std::nullopt;
  if (!m) {
    return std::nullopt;
  }
  unsigned s = 0;
  if (in.literal(':')) {
    const auto read = in.digits(2);
    if (!read) {
      return std::nullopt;
    }
    s = *read;
  } else if (!optional_seconds) {
    return std::nullopt;
  }
  if (*h > 23 || *m > 59 || s > 60) {
    return std::nullopt;
  }
  return hours{*h} + minutes{*m} + seconds{s};
}

// "Z" or "+HH:MM" / "-HH:MM": how far the clock read is ahead of UTC. Nothing at all is UTC
// when the zone is optional.
std::optional<minutes> read_zone(Scanner& in, bool optional_zone)
{
  if (in.literal('Z')) {
    return minutes{0};
  }
  const bool ahead = in.literal('+');
  if (!ahead && !in.literal('-')) {
    return optional_zone ? std::optional<minutes>(minutes{0}) : std::nullopt;
  }
  const auto h = in.digits(2, ':');
  const auto m = h ? in.digits(2) : std::nullopt;
  if (!m || *h > 23 || *m > 59) {
    return std::nullopt;
  }
  const minutes offset = hours{*h} + minutes{*m};
  return ahead ? offset : -offset;
}

std::optional<sys_seconds> to_time(const std::optional<year_month_day>& date,
                                   const std::optional<seconds>& clock,
                                   const std::optional<minutes>& zone)
{
  if (!date || !date->ok() || !clock || !zone) {
    return std::nullopt;
  }
  return sys_days{*date} + *clock - *zone;
}

// "YYYY-MM-DDTHH:MM:SS" of a clock that reads `local`.
std::string clock_reading(sys_seconds local)
{
  const sys_days day = floor<days>(local);
  const hh_mm_ss clock{local - day};
  return fmt::format("{}T{:02}:{:02}:{:02}", format_date(day), clock.hours().count(),
                     clock.minutes().count(), clock.seconds().count());
}

} // namespace

std::optional<year_month_day> scan_date(std::string_view text)
{
  Scanner in(text);
  const auto date = read_date(in);
  return in.done() ? date : std::nullopt;
}

std::optional<sys_days> parse_date(std::string_view text)
{
  const auto date = scan_date(text);
  if (!date || !date->ok()) {
    return std::nullopt;
  }
  return sys_days{*date};
}

std::string format_date(sys_days day)
{
  const year_month_day date{day};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::optional<std::int64_t> days_between(std::string_view from, std::string_view to)
{
  const auto start = parse_date(from);
  const auto end = parse_date(to);
  if (!start || !end) {
    return std::nullopt;
  }
  return (*end - *start).count();
}

std::string format_date_time(sys_seconds time, minutes offset)
{
  const long long away = offset.count() < 0 ? -offset.count() : offset.count();
  return fmt::format("{}{}{:02}:{:02}", clock_reading(time + offset),
                     offset.count() < 0 ? '-' : '+', away / 60, away % 60);
}

std::string format_utc(sys_seconds time)
{
  return clock_reading(time) + 'Z';
}

std::optional<sys_seconds> parse_utc(std::string_view text)
{
  Scanner in(text);
  const auto date = read_date(in);
  const bool separated = in.literal('T');
  const auto clock = read_clock(in, false);
  const bool utc = in.literal('Z');
  if (!separated || !utc || !in.done()) {
    return std::nullopt;
  }
  return to_time(date, clock, minutes{0});
}

std::optional<sys_seconds> parse_date_time(std::string_view text)
{
  Scanner in(text);
  const auto date = read_date(in);
  const bool separated = in.literal('T');
  const auto clock = read_clock(in, false);
  if (in.literal('.') && !in.some_digits()) {
    return std::nullopt;
  }
  const auto zone = read_zone(in, false);
  if (!separated || !in.done()) {
    return std::nullopt;
  }
  return to_time(date, clock, zone);
}

std::optional<sys_seconds> parse_loose_date_time(std::string_view text)
{
  Scanner in(text);
  const auto date = read_date(in);
  if (in.done()) {
    return to_time(date, seconds{0}, minutes{0});
  }
  const bool separated = in.literal('T') || in.literal(' ');
  const auto clock = read_clock(in, true);
  const auto zone = read_zone(in, true);
  if (!separated || !in.done()) {
    return std::nullopt;
  }
  return to_time(date, clock, zone);
}

} // namespace llmchecklist
