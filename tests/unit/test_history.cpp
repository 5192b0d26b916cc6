// The history's dates, sparkline and renderings, on points made by hand. (Reading a repository's
// commits is tested end to end in tests/e2e/test_history.sh, against git log itself.)

#include <doctest/doctest.h>

#include <string>

#include "llmchecklist/history.hpp"

using namespace llmchecklist;

namespace {

HistoryPoint point(std::string commit, std::int64_t time, std::size_t done, std::size_t total)
{
  HistoryPoint p;
  p.commit = std::move(commit);
  p.time = time;
  p.at = "2026-01-0" + std::to_string(1 + time / 86400) + "T00:00:00+00:00";
  p.by = "Ada";
  p.checklist_id = "llm-deployment";
  p.version = "2026.2";
  p.counts.done = done;
  p.counts.total = total;
  p.counts.todo = total - done;
  return p;
}

HistoryPoint broken(std::string commit, std::int64_t time)
{
  HistoryPoint p = point(std::move(commit), time, 0, 0);
  p.error = HistoryError{HistoryError::Kind::data, "not valid TOML",
                         SourceLocation{p.commit.substr(0, 7) + ":.llmchecklist", 2, 13}};
  return p;
}

History sample()
{
  History history;
  history.path = ".llmchecklist";
  history.ref = "HEAD";
  history.points = {point("1111111aaaa", 0, 0, 4), broken("2222222bbbb", 86400),
                    point("3333333cccc", 2 * 86400, 2, 4), point("4444444dddd", 3 * 86400, 4, 4)};
  history.gate_min = 75;
  return history;
}

} // namespace

TEST_SUITE("history")
{
  TEST_CASE("a date is midnight UTC, and an instant may carry Z or an offset")
  {
    REQUIRE(parse_since_date("1970-01-02"));
    CHECK(*parse_since_date("1970-01-02") == 86400);
    CHECK(*parse_since_date("2026-01-05T09:00:00Z") ==
          *parse_since_date("2026-01-05T10:00:00+01:00"));
    CHECK(*parse_since_date("2026-01-05T09:00Z") == *parse_since_date("2026-01-05") + 9 * 3600);
    CHECK(*parse_since_date("2024-02-29") - *parse_since_date("2024-02-28") == 86400);
  }

  TEST_CASE("what is not shaped like a date is a revision, and a bad date is a usage error")
  {
    CHECK_FALSE(parse_since_date("v1.0"));
    CHECK_FALSE(parse_since_date("main"));
    CHECK_FALSE(parse_since_date("HEAD~3"));
    CHECK_THROWS_AS(parse_since_date("2026-13-01"), UsageError);
    CHECK_THROWS_AS(parse_since_date("2025-02-29"), UsageError);
    CHECK_THROWS_AS(parse_since_date("2026-01-01T25:00Z"), UsageError);
    CHECK_THROWS_AS(parse_since_date("2026-01-01x"), UsageError);
  }

  TEST_CASE("the sparkline has a character per point, x for one that could not be read")
  {
    const History history = sample();
    CHECK(sparkline(history.points, 80, true) == "▁x▅█");
    CHECK(sparkline(history.points, 80, false) == "_x-#");
  }

  TEST_CASE("a sparkline narrower than the history shows the last point of each run")
  {
    const History history = sample();
    CHECK(sparkline(history.points, 2, false) == "x#");
    CHECK(sparkline({}, 10, true).empty());
  }

  TEST_CASE("an unreadable revision counts, a removed state file does not")
  {
    History history = sample();
    CHECK(history.unreadable() == 1);
    history.points[1].error->kind = HistoryError::Kind::removed;
    CHECK(history.unreadable() == 0);
    CHECK(history.points[1].error->located() == "2222222:.llmchecklist:2:13: not valid TOML");
  }

  TEST_CASE("the JSON report has its schema, every count and the error in place of counts")
  {
    const std::string json = render_history(sample(), HistoryFormat::json);
    CHECK(json.find("\"schema\": \"llmchecklist-history/1\"") != std::string::npos);
    CHECK(json.find("\"min\": 75") != std::string::npos);
    CHECK(json.find("\"unreadable\": 1") != std::string::npos);
    CHECK(json.find("\"message\": \"2222222:.llmchecklist:2:13: not valid TOML\"") !=
          std::string::npos);
    CHECK(json.find("\"percent\": 50") != std::string::npos);
  }

  TEST_CASE("the CSV report has a row per commit, oldest first")
  {
    const std::string csv = render_history(sample(), HistoryFormat::csv);
    CHECK(csv.find("1111111aaaa,") < csv.find("4444444dddd,"));
    CHECK(csv.find("3333333cccc,2026-01-03T00:00:00Z,Ada,llm-deployment,2026.2,2,0,2,4,50,0,"
                   "0,0,0,,\r\n") != std::string::npos);
  }

  TEST_CASE("the CSV report gives every time in UTC with Z, as every CSV does")
  {
    History history = sample();
    history.points[0].at = "2026-01-05T10:00:00+01:00";
    history.points[2].at = "2026-01-05T09:15:42-03:30";
    const std::string csv = render_history(history, HistoryFormat::csv);
    CHECK(csv.find("1111111aaaa,2026-01-05T09:00:00Z,") != std::string::npos);
    CHECK(csv.find("3333333cccc,2026-01-05T12:45:42Z,") != std::string::npos);
    // JSON keeps the committer's own clock, as git's %cI gives it.
    CHECK(render_history(history, HistoryFormat::json).find("\"2026-01-05T10:00:00+01:00\"") !=
          std::string::npos);
  }

  TEST_CASE("text from the repository is escaped in every format")
  {
    History history = sample();
    history.points[0].by = "=cmd|' <script>&*x*";
    const std::string csv = render_history(history, HistoryFormat::csv);
    CHECK(csv.find(",'=cmd|' <script>&*x*,") != std::string::npos);
    const std::string markdown = render_history(history, HistoryFormat::markdown);
    CHECK(markdown.find("<script>") == std::string::npos);
    CHECK(markdown.find("\\|") != std::string::npos);
    const std::string svg = render_history(history, HistoryFormat::svg);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;&amp;") != std::string::npos);
  }

  TEST_CASE("the chart draws the gate line, the trend and the unreadable commit")
  {
    const std::string svg = render_history(sample(), HistoryFormat::svg);
    CHECK(svg.find("gate 75 %") != std::string::npos);
    CHECK(svg.find("<polyline") != std::string::npos);
    CHECK(svg.find("#cf222e") != std::string::npos);
    History none;
    none.path = ".llmchecklist";
    CHECK(render_history(none, HistoryFormat::svg).find("no commits") != std::string::npos);
  }

  TEST_CASE("the formats are named as the command line names them")
  {
    CHECK(parse_history_format("svg") == HistoryFormat::svg);
    CHECK(parse_history_format("markdown") == HistoryFormat::markdown);
    CHECK_FALSE(parse_history_format("html"));
  }
}
