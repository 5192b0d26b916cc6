#include <doctest/doctest.h>

#include <string>

#include "exports/json_writer.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/project.hpp"

using namespace llmchecklist;

namespace {

// A checklist whose text tries to break out of every format.
Checklist hostile()
{
  return parse_checklist(R"toml(
[checklist]
id = "h"
title = "Hostile <b>title</b>"

[[phases]]
id = "p"
title = "P, \"quoted\""

[[phases.items]]
id = "a"
title = "=HYPERLINK(\"http://evil\") <script>alert(1)</script> [x](http://evil)"
details = "line one\nline two"
done_when = "d"
severity = "required"

[[phases.items]]
id = "b"
title = "-2+3, plain"
)toml",
                         "hostile.toml");
}

} // namespace

TEST_SUITE("export")
{
  TEST_CASE("json strings are escaped and invalid UTF-8 is replaced")
  {
    CHECK(detail::json_quote("a\"b\\c\nd\x01") == "\"a\\\"b\\\\c\\nd\\u0001\"");
    CHECK(detail::json_quote("ok \xff end") == "\"ok \xEF\xBF\xBD end\"");
    CHECK(detail::json_quote("ü") == "\"ü\"");
  }

  TEST_CASE("the json document carries counters at the top and in each phase")
  {
    const Checklist checklist = hostile();
    State state;
    check_item(state, checklist.items()[0], Status::done, Mark{"Ada", "2026-11-28T12:00:00Z", "n"});
    const std::string json = render_json(checklist, state);
    CHECK(json.find(
              "\"done\": 1,\n  \"na\": 0,\n  \"todo\": 1,\n  \"total\": 2,\n  \"percent\": 50,") !=
          std::string::npos);
    CHECK(json.find("\"items\": [") != std::string::npos);
    CHECK(json.find("\"by\": \"Ada\"") != std::string::npos);

    Selection summary;
    summary.items = false;
    CHECK(render_json(checklist, state, summary).find("\"items\"") == std::string::npos);
  }

  TEST_CASE("a status filter keeps the counters but narrows the items")
  {
    const Checklist checklist = hostile();
    State state;
    check_item(state, checklist.items()[0], Status::done, Mark{"Ada", "2026-11-28T12:00:00Z", ""});
    Selection todo;
    todo.status = Status::todo;
    const std::string csv = render_csv(checklist, state, todo);
    CHECK(csv.find(",a,") == std::string::npos);
    CHECK(csv.find(",b,") != std::string::npos);
  }

  TEST_CASE("csv quotes per RFC 4180 and neutralises formulas")
  {
    const std::string csv = render_csv(hostile(), State{});
    CHECK(csv.rfind("number,phase,id,title,severity,status,by,at,note,evidence,stale\r\n", 0) == 0);
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://evil\"\")") != std::string::npos);
    CHECK(csv.find("\"'-2+3, plain\"") != std::string::npos);
  }

  TEST_CASE("markdown escapes text so it cannot inject html or links")
  {
    const std::string markdown = render_markdown(hostile(), State{});
    CHECK(markdown.find("<script>") == std::string::npos);
    CHECK(markdown.find("\\<script\\>") != std::string::npos);
    CHECK(markdown.find("\\[x\\](http") != std::string::npos); // no unescaped "](": no link
    CHECK(markdown.find("- [ ] 1\\. ") != std::string::npos);
    CHECK(markdown.find("# Hostile \\<b\\>title\\</b\\>") != std::string::npos);
  }

  TEST_CASE("export formats are named and parsed")
  {
    CHECK(parse_export_format("csv") == ExportFormat::csv);
    CHECK_FALSE(parse_export_format("xls").has_value());
    CHECK(to_string(ExportFormat::markdown) == "markdown");
  }
}
