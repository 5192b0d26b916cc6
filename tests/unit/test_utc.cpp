// Dates and times: the one place that reads and writes them (include/llmchecklist/utc.hpp).

#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "llmchecklist/utc.hpp"

using namespace llmchecklist;
using namespace std::chrono;

namespace {

sys_seconds at(sys_days day, seconds since_midnight = seconds{0})
{
  return day + since_midnight;
}

} // namespace

TEST_SUITE("utc")
{
  TEST_CASE("a date is four, two and two digits that name a real day")
  {
    REQUIRE(parse_date("2024-02-29"));
    CHECK(*parse_date("2024-02-29") == sys_days{2024y / February / 29});
    CHECK(*parse_date("1970-01-01") == sys_days{});
    CHECK(parse_date("2000-02-29"));
    for (const char* text : {"2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                             "2026-01-00", "2026-1-05", "2026-01-5", "+026-01-05", " 026-01-05",
                             "2026/01/05", "2026-01-05x", "2026-01-05T00:00:00Z", ""}) {
      CAPTURE(text);
      CHECK_FALSE(parse_date(text));
    }
  }

  TEST_CASE("scanning a date keeps its shape apart from whether the day exists")
  {
    REQUIRE(scan_date("2026-13-45"));
    CHECK_FALSE(scan_date("2026-13-45")->ok());
    CHECK(scan_date("2026-01-05")->ok());
    CHECK_FALSE(scan_date("v1.0"));
    CHECK_FALSE(scan_date("2026-01-05T"));
  }

  TEST_CASE("dates are written with four, two and two digits, and days count across years")
  {
    CHECK(format_date(sys_days{2027y / March / 31}) == "2027-03-31");
    CHECK(format_date(sys_days{}) == "1970-01-01");
    CHECK(days_between("2026-12-31", "2027-01-01") == 1);
    CHECK(days_between("2024-02-28", "2024-03-01") == 2);
    CHECK(days_between("2027-01-01", "2026-12-31") == -1);
    CHECK(days_between("2026-01-05", "2026-01-05") == 0);
    CHECK_FALSE(days_between("2026-02-30", "2026-03-01"));
    CHECK_FALSE(days_between("2026-01-05", "soon"));
  }

  TEST_CASE("a UTC time is written and read back to the second")
  {
    const sys_seconds time = at(sys_days{2026y / November / 28}, 21h + 5min + 7s);
    CHECK(format_utc(time) == "2026-11-28T21:05:07Z");
    CHECK(parse_utc("2026-11-28T21:05:07Z") == time);
    CHECK(format_utc(sys_seconds{}) == "1970-01-01T00:00:00Z");
    CHECK(parse_utc("1970-01-01T00:00:00Z") == sys_seconds{});
    // A leap second is the first second of the next minute, as RFC 3339 reads it.
    CHECK(parse_utc("2016-12-31T23:59:60Z") == at(sys_days{2017y / January / 1}));
    for (const char* text :
         {"2026-11-28T21:05:07", "2026-11-28T21:05Z", "2026-11-28 21:05:07Z",
          "2026-11-28T24:00:00Z", "2026-11-28T21:60:00Z", "2026-11-28T21:05:61Z",
          "2026-02-30T00:00:00Z", "2026-11-28T21:05:07+01:00", "2026-11-28T21:05:07.5Z",
          "2026-11-28T1:05:07Z", "2026-11-28t21:05:07z", "2026-11-28T21:05:07Zx"}) {
      CAPTURE(text);
      CHECK_FALSE(parse_utc(text));
    }
  }

  TEST_CASE("a date-time with an offset is written on that clock and read back as UTC")
  {
    const sys_seconds time = at(sys_days{2026y / November / 28}, 21h + 5min);
    CHECK(format_date_time(time, 60min) == "2026-11-28T22:05:00+01:00");
    CHECK(format_date_time(time, -(5h + 30min)) == "2026-11-28T15:35:00-05:30");
    CHECK(format_date_time(time, 0min) == "2026-11-28T21:05:00+00:00");
    // The local clock may be on another day than UTC.
    CHECK(format_date_time(at(sys_days{2026y / December / 31}, 23h), 2h) ==
          "2027-01-01T01:00:00+02:00");
    CHECK(parse_date_time("2026-11-28T22:05:00+01:00") == time);
    CHECK(parse_date_time("2026-11-28T15:35:00-05:30") == time);
    CHECK(parse_date_time("2026-11-28T21:05:00Z") == time);
    CHECK(parse_date_time("2026-11-28T21:05:00.999Z") == time);
    CHECK(parse_date_time("2027-01-01T01:00:00+02:00") == at(sys_days{2026y / December / 31}, 23h));
    for (const char* text :
         {"2026-11-28T21:05:00", "2026-11-28T21:05:00.Z", "2026-11-28T21:05:00+24:00",
          "2026-11-28T21:05:00+01:60", "2026-11-28T21:05:00+0100", "2026-11-28T21:05Z",
          "2026-11-28 21:05:00Z", "2026-02-29T21:05:00Z"}) {
      CAPTURE(text);
      CHECK_FALSE(parse_date_time(text));
    }
  }

  TEST_CASE("a typed date-time may leave out the time, the seconds and the zone")
  {
    const sys_days day{2026y / January / 5};
    CHECK(parse_loose_date_time("2026-01-05") == at(day));
    CHECK(parse_loose_date_time("2026-01-05T09:00") == at(day, 9h));
    CHECK(parse_loose_date_time("2026-01-05 09:00:30") == at(day, 9h + 30s));
    CHECK(parse_loose_date_time("2026-01-05T09:00Z") == at(day, 9h));
    CHECK(parse_loose_date_time("2026-01-05T10:00:00+01:00") == at(day, 9h));
    CHECK(parse_loose_date_time("2026-01-05T04:00-05:00") == at(day, 9h));
    for (const char* text :
         {"2026-01-05T", "2026-01-05 ", "2026-01-05x", "2026-01-05T9:00", "2026-01-05T25:00",
          "2026-01-05T09:00:00.5Z", "2025-02-29", "2026-01-05T09:00+01"}) {
      CAPTURE(text);
      CHECK_FALSE(parse_loose_date_time(text));
    }
  }
}
