// The fleet report's sums, gate and renderings, on sources made by hand; and reading a JSON
// export back. (Reading git repositories is tested end to end in tests/e2e/test_fleet.sh.)

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "llmchecklist/builtin.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/fleet.hpp"
#include "llmchecklist/state.hpp"

using namespace llmchecklist;

namespace {

Counts counts(std::size_t done, std::size_t na, std::size_t total, std::size_t required_todo = 0)
{
  Counts c;
  c.done = done;
  c.na = na;
  c.total = total;
  c.todo = total - done - na;
  c.required_todo = required_todo;
  return c;
}

// A source with one phase ("build") and items a, b, c of which `open` are still todo.
FleetSource source(std::string name, std::size_t done, std::vector<FleetItem> open,
                   std::string version = "2026.2")
{
  FleetSource s;
  s.source = "repos/" + name;
  s.kind = "git";
  s.name = std::move(name);
  s.checklist_id = "llm-deployment";
  s.pinned_version = std::move(version);
  s.latest_version = "2026.2";
  std::size_t required = 0;
  for (const FleetItem& item : open) {
    required += item.required ? 1 : 0;
  }
  s.counts = counts(done, 0, done + open.size(), required);
  s.phases.push_back(FleetPhase{"build", "Build", false, s.counts});
  s.weakest = 0;
  s.open_items = std::move(open);
  s.applicable_items = {"a", "b", "c"};
  return s;
}

FleetSource unreadable(std::string name)
{
  FleetSource s;
  s.source = name;
  s.kind = "json";
  s.name = std::move(name);
  FleetError error;
  error.message = "not valid JSON";
  error.location = SourceLocation{s.source, 0, 0};
  s.error = error;
  return s;
}

Fleet three_sources()
{
  Fleet fleet;
  fleet.sources.push_back(source("billing", 2, {{"c", "C", true}}));
  fleet.sources.push_back(
      source("search", 0, {{"a", "A", false}, {"b", "B", true}, {"c", "C", true}}));
  fleet.sources.push_back(source("chat", 3, {}, "2026.1"));
  fleet.sources.push_back(unreadable("broken.json"));
  return fleet;
}

} // namespace

TEST_SUITE("fleet")
{
  TEST_CASE("the gate applies to each source and says why it fails")
  {
    const Fleet fleet = three_sources();
    FleetGate gate;
    CHECK(gate_failures(fleet.sources[1], gate).empty());
    gate.min = 50;
    CHECK(gate_failures(fleet.sources[0], gate).empty()); // 66 %
    REQUIRE(gate_failures(fleet.sources[1], gate).size() == 1);
    CHECK(gate_failures(fleet.sources[1], gate)[0] == "progress is 0 %, below the minimum of 50 %");
    gate.all_required = true;
    REQUIRE(gate_failures(fleet.sources[0], gate).size() == 1);
    CHECK(gate_failures(fleet.sources[0], gate)[0] == "1 required item is still todo: c");
    CHECK(gate_failures(fleet.sources[1], gate)[1] == "2 required items are still todo: b, c");
    // An unreadable source is reported as such, never as a gate failure.
    CHECK(gate_failures(fleet.sources[3], gate).empty());
  }

  TEST_CASE("the summary counts passing sources, the distribution, phases and what stays open")
  {
    Fleet fleet = three_sources();
    fleet.gate.min = 50;
    const FleetSummary summary = summarize(fleet);
    CHECK(summary.read == 3);
    CHECK(summary.unreadable == 1);
    CHECK(summary.passing == 2);
    CHECK(summary.distribution[0] == 1); // search, 0 %
    CHECK(summary.distribution[2] == 1); // billing, 66 %
    CHECK(summary.distribution[4] == 1); // chat, 100 %
    REQUIRE(summary.phases.size() == 1);
    CHECK(summary.phases[0].counts.done == 5);
    CHECK(summary.phases[0].counts.total == 9);
    // c is open in two of three sources; a and b in one: most often first, ties by id.
    REQUIRE(summary.most_open.size() == 3);
    CHECK(summary.most_open[0].id == "c");
    CHECK(summary.most_open[0].open == 2);
    CHECK(summary.most_open[0].of == 3);
    CHECK(summary.most_open[1].id == "a");
    CHECK(summary.most_open[2].id == "b");
    // Groups by checklist and version.
    REQUIRE(summary.groups.size() == 2);
    CHECK(summary.groups[0].version == "2026.1");
    CHECK(summary.groups[0].sources == 1);
    CHECK(summary.groups[1].version == "2026.2");
    CHECK(summary.groups[1].mean_percent == doctest::Approx(100.0 / 3));
  }

  TEST_CASE("the report order puts unreadable sources first, then the lowest progress")
  {
    const Fleet fleet = three_sources();
    CHECK(order_by_percent(fleet) == std::vector<std::size_t>{3, 1, 0, 2});
  }

  TEST_CASE("a newer version is one the built-in checklist has beyond the pin")
  {
    Fleet fleet = three_sources();
    CHECK_FALSE(fleet.sources[0].newer_version());
    CHECK(fleet.sources[2].newer_version());
    fleet.sources[2].latest_version.clear(); // a checklist file has no releases
    CHECK_FALSE(fleet.sources[2].newer_version());
  }

  TEST_CASE("an error is located as the single-repository commands locate it")
  {
    FleetError error;
    error.message = "not valid TOML";
    CHECK(error.located() == "not valid TOML");
    error.location = SourceLocation{"repos/a:HEAD:.llmchecklist", 0, 0};
    CHECK(error.located() == "repos/a:HEAD:.llmchecklist: not valid TOML");
    error.location.line = 2;
    error.location.column = 13;
    CHECK(error.located() == "repos/a:HEAD:.llmchecklist:2:13: not valid TOML");
  }

  TEST_CASE("text from sources is escaped in every format")
  {
    Fleet fleet = three_sources();
    fleet.sources[0].name = "=cmd|' /C calc'!A0 <script>x</script> | [l](http://e) \x1b[31m";
    fleet.sources[0].open_items[0].title = "<img src=x onerror=alert(1)>";
    const std::string csv = render_fleet(fleet, FleetFormat::csv);
    CHECK(csv.find("\n'=cmd") != std::string::npos);
    CHECK(csv.find('\x1b') == std::string::npos);
    const std::string markdown = render_fleet(fleet, FleetFormat::markdown);
    CHECK(markdown.find("<script>") == std::string::npos);
    CHECK(markdown.find("\\| \\[l\\](http://e)") != std::string::npos);
    CHECK(markdown.find('\x1b') == std::string::npos);
    const std::string html = render_fleet(fleet, FleetFormat::html);
    CHECK(html.find("<script>x") == std::string::npos);
    CHECK(html.find("<img src=x") == std::string::npos);
    CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(html.find('\x1b') == std::string::npos);
    const std::string json = render_fleet(fleet, FleetFormat::json);
    CHECK(json.find("\\u001b[31m") != std::string::npos);
    CHECK(json.find('\x1b') == std::string::npos);
  }

  TEST_CASE("the JSON report carries every number, and an error in place of an unreadable source")
  {
    Fleet fleet = three_sources();
    fleet.gate.all_required = true;
    const std::string json = render_fleet(fleet, FleetFormat::json);
    CHECK(json.find("\"schema\": \"llmchecklist-fleet/1\"") != std::string::npos);
    CHECK(json.find("\"passing\": 1") != std::string::npos);
    CHECK(json.find("\"gate_failures\": [\n        \"1 required item is still todo: c\"") !=
          std::string::npos);
    CHECK(json.find("\"open_required\": [\n        \"c\"\n      ]") != std::string::npos);
    CHECK(json.find("\"message\": \"broken.json: not valid JSON\"") != std::string::npos);
    CHECK(parse_fleet_format("html") == FleetFormat::html);
    CHECK_FALSE(parse_fleet_format("text").has_value()); // the terminal's, drawn by the CLI
  }

  TEST_CASE("an export read back gives the numbers it was written with")
  {
    const Checklist checklist = load_builtin_checklist("llm-deployment");
    State state;
    state.checklist = "builtin:llm-deployment";
    state.entry(checklist.items()[0].id).status = Status::done;
    state.entry(checklist.items()[1].id).status = Status::na;
    ExportOptions options;
    options.project = ProjectInfo{"billing", "2026-11-20T10:00:00+00:00", "Ada"};
    const auto path = std::filesystem::temp_directory_path() /
                      ("llmchecklist-unit-fleet-" + std::to_string(::getpid()) + ".json");
    std::ofstream(path) << render(ExportFormat::json, checklist, state, options);
    const FleetSource read = read_json_source(path.string());
    std::filesystem::remove(path);
    REQUIRE_FALSE(read.error.has_value());
    const Counts expected = compute_progress(checklist, state).overall;
    CHECK(read.name == "billing");
    CHECK(read.kind == "json");
    CHECK(read.counts.done == expected.done);
    CHECK(read.counts.na == expected.na);
    CHECK(read.counts.total == expected.total);
    CHECK(read.counts.required_todo == expected.required_todo);
    CHECK(read.percent() == expected.percent());
    CHECK(read.phases.size() == checklist.phases().size());
    CHECK(read.open_items.size() == expected.todo);
    CHECK(read.applicable_items.size() == expected.total - expected.na);
    CHECK(read.last_change_by == "Ada");
    CHECK(read.weakest.has_value());

    const FleetSource missing = read_json_source("/nonexistent/llmchecklist-export.json");
    REQUIRE(missing.error.has_value());
    CHECK(missing.error->kind == FleetError::Kind::io);
  }

  TEST_CASE("an export with two equal keys in one object is refused at the second")
  {
    const auto path = std::filesystem::temp_directory_path() /
                      ("llmchecklist-unit-fleet-keys-" + std::to_string(::getpid()) + ".json");
    // Equal once unescaped: "\u0064one" is "done".
    std::ofstream(path) << "{\n  \"checklist\": {\"id\": \"x\", \"title\": \"X\"},\n"
                           "  \"phases\": [{\"done\": 1,\n    \"\\u0064one\": 2}]\n}\n";
    const FleetSource read = read_json_source(path.string());
    std::filesystem::remove(path);
    REQUIRE(read.error.has_value());
    CHECK(read.error->kind == FleetError::Kind::data);
    CHECK(read.error->location.path == path.string());
    CHECK(read.error->location.line == 4);
    CHECK(read.error->location.column == 5);
    CHECK(read.error->message.find("duplicate key 'done' (first at line 3, column 15)") == 0);
  }

  TEST_CASE("rows that share a name carry their path, and only those")
  {
    Fleet fleet = three_sources();
    fleet.sources[1].name = "billing";
    const std::vector<std::string> names = row_names(fleet);
    CHECK(names[0] == "billing (repos/billing)");
    CHECK(names[1] == "billing (repos/search)");
    CHECK(names[2] == "chat");
    CHECK(render_fleet(fleet, FleetFormat::markdown).find("| billing (repos/search) |") !=
          std::string::npos);
  }

  TEST_CASE("without a gate the CSV and JSON say nothing of passing")
  {
    const Fleet fleet = three_sources();
    const std::string json = render_fleet(fleet, FleetFormat::json);
    CHECK(json.find("\"passes\": null") != std::string::npos);
    CHECK(json.find("\"passes\": true") == std::string::npos);
    CHECK(json.find("\"passing\": null") != std::string::npos);
    const std::string csv = render_fleet(fleet, FleetFormat::csv);
    CHECK(csv.find("billing,repos/billing,git,") != std::string::npos);
    CHECK(csv.find(",yes,") == std::string::npos);
    CHECK(csv.find(",no,") == std::string::npos);
  }
}
