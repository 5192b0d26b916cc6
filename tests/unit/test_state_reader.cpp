// Reading the state file: every problem is a DataError at its line and column, in our words;
// the layout reader and the toml++ path give the same answers.

#include <doctest/doctest.h>

#include <string>

#include "formats/state_layout_reader.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/state_io.hpp"

using namespace llmchecklist;

namespace {

const std::string k_head = "format = 1\nchecklist = \"builtin:llm-deployment\"\n";

struct Problem
{
  const char* what;
  std::string text;
  unsigned line;
  unsigned column;
  const char* message;
};

// Parses `text`, expecting a DataError; returns it (a default one when nothing was thrown).
DataError error_of(const std::string& text)
{
  try {
    parse_state(text, "dir/.llmchecklist");
  } catch (const DataError& error) {
    return error;
  }
  FAIL("no DataError for: " << text);
  return DataError({}, "");
}

} // namespace

TEST_SUITE("state_reader")
{
  TEST_CASE("every problem in a state file is reported at its line and column")
  {
    const Problem problems[] = {
        {"a truncated string", k_head + "\n[items.quality-bar]\nstatus = \"do", 5, 13,
         "the file ends inside a string: its closing quote is missing"},
        // At the end of the line, where the missing quote is noticed.
        {"a string not closed on its line", k_head + "[items.a]\nstatus = \"done\nnote = \"x\"\n",
         4, 15, "a string is not closed on its line: its closing quote is missing"},
        {"a truncated table header", k_head + "\n[items.quality-", 4, 16,
         "the file ends inside a [table] header: its closing ] is missing"},
        {"a value of the wrong type", k_head + "\n[items.quality-bar]\nstatus = 1\n", 5, 10,
         "expected a string for 'status', found an integer"},
        {"a wrong type for at", k_head + "[items.a]\nstatus = \"done\"\nat = \"yesterday\"\n", 5, 6,
         "expected a date-time for 'at', found a string"},
        {"a local date-time for at",
         k_head + "[items.a]\nstatus = \"done\"\nat = 2026-11-28T12:00:00\n", 5, 6,
         "'at' needs a UTC offset"},
        {"a format that is not an integer", "format = \"1\"\nchecklist = \"x\"\n", 1, 10,
         "expected an integer for 'format', found a string"},
        {"another format", "format = 2\nchecklist = \"x\"\n", 1, 10,
         "state format 2 is not supported"},
        {"no format", "checklist = \"x\"\n", 1, 1, "missing 'format = 1'"},
        {"an unknown key in an entry",
         k_head + "[items.a]\nstatus = \"done\"\n  colour = \"red\"\n", 5, 3,
         "unknown key 'colour' in [items.a]"},
        {"an unknown top-level key", k_head + "updated = 2026-11-28T12:00:00Z\n", 3, 1,
         "unknown key 'updated'"},
        {"an invalid status", k_head + "[items.a]\nstatus = \"finished\"\n", 4, 10,
         "status must be \"todo\", \"done\" or \"na\", got \"finished\""},
        {"n/a without a note", k_head + "[items.a]\nstatus = \"na\"\n", 3, 1,
         "[items.a] is na but has no 'note'"},
        {"an entry without a status", k_head + "[items.a]\nnote = \"x\"\n", 3, 1,
         "[items.a] has no 'status'"},
        {"a repeated entry",
         k_head + "[items.a]\nstatus = \"done\"\n[items.a]\nstatus = \"todo\"\n", 5, 1,
         "the table [items.a] appears twice"},
        {"a repeated key", "format = 1\nformat = 1\n", 2, 10, "'format' is defined twice"},
        {"a revision out of range", k_head + "[items.a]\nstatus = \"done\"\nrevision = 0\n", 5, 12,
         "revision must be a positive integer, got 0"},
        {"an until that is no date",
         k_head + "[items.a]\nstatus = \"na\"\nnote = \"n\"\nuntil = \"soon\"\n", 6, 9,
         "expected a date for 'until'"},
        {"a bad verify result",
         k_head + "[items.a]\nstatus = \"done\"\nverify_result = \"maybe\"\n", 5, 17,
         "verify_result must be \"pass\" or \"fail\""},
        {"an empty checklist reference", "format = 1\nchecklist = \"\"\n", 2, 13,
         "'checklist' is empty"},
        {"a gate percentage out of range", k_head + "[gate]\nmin = 120\n", 4, 7,
         "'min' must be between 0 and 100"},
        {"an unknown gate key", k_head + "[gate]\nmax = 1\n", 4, 1, "unknown key 'max' in [gate]"},
        {"invalid UTF-8", k_head + "[items.a]\nstatus = \"done\"\nnote = \"caf\xE9\"\n", 5, 12,
         "invalid UTF-8 byte sequence"},
        {"conflict markers", k_head + "<<<<<<< HEAD\n[items.a]\nstatus = \"done\"\n=======\n", 3, 1,
         "unresolved merge conflict: git's conflict markers start at line 3"},
    };
    for (const Problem& problem : problems) {
      const std::string what = problem.what;
      CAPTURE(what);
      const DataError error = error_of(problem.text);
      CHECK(error.location().path == "dir/.llmchecklist");
      CHECK(error.location().line == problem.line);
      CHECK(error.location().column == problem.column);
      CHECK(std::string(error.what()).find(problem.message) != std::string::npos);
      // Our words only: lower case, and none of toml++'s phrasing.
      CHECK_FALSE(std::string(error.what()).find("Error while parsing") != std::string::npos);
      CHECK_FALSE((error.what()[0] >= 'A' && error.what()[0] <= 'Z'));
    }
  }

  TEST_CASE("columns after a byte-order mark count from the text after it")
  {
    const DataError error = error_of("\xEF\xBB\xBF"
                                     "format = 1\nchecklist = 3\n");
    CHECK(error.location().line == 2);
    CHECK(error.location().column == 13);
  }

  TEST_CASE("the layout reader reads what the writer writes, as the toml++ path does")
  {
    Checklist checklist;
    checklist.add_phase(Phase{"p", "P", "", false, {}});
    checklist.add_item(Item{"a", "A", "", "", Severity::required, {}, {}, 2, "", 0, 0});
    checklist.add_item(Item{"b", "B", "", "", Severity::recommended, {}, {}, 1, "", 0, 0});
    State state;
    state.checklist = "ours.toml";
    state.checklist_version = "3";
    state.gate.min = 72.5;
    state.gate.phases.push_back(GatePhase{"p", 50});
    Entry& a = state.entry("a");
    a.status = Status::done;
    a.revision = 2;
    a.by = "Ada \"the first\" <ada@example.org>";
    a.at = "2026-11-28T12:00:00.25Z";
    a.note = "tab\there, back\\slash, bell\x07";
    a.verify = "test -f x";
    a.verify_result = "pass";
    Entry& gone = state.entry("gone");
    gone.status = Status::na;
    gone.note = "retired";
    gone.until = "2028-02-29";
    const std::string text = serialize_state(state, checklist);

    const auto fast = detail::read_state_layout(text, "s");
    REQUIRE(fast);
    const State general = detail::parse_state_with_toml(text, "s");
    CHECK(fast->checklist == general.checklist);
    CHECK(fast->checklist_location.line == general.checklist_location.line);
    CHECK(fast->checklist_location.column == general.checklist_location.column);
    CHECK(fast->checklist_version == general.checklist_version);
    CHECK(fast->gate.min == general.gate.min);
    REQUIRE(fast->gate.phases.size() == 1);
    CHECK(fast->gate.phases[0].location.line == general.gate.phases[0].location.line);
    REQUIRE(fast->entries.size() == general.entries.size());
    for (std::size_t i = 0; i < fast->entries.size(); ++i) {
      const Entry& x = fast->entries[i];
      const Entry& y = general.entries[i];
      CHECK(x.id == y.id);
      CHECK(x.status == y.status);
      CHECK(x.by == y.by);
      CHECK(x.at == y.at);
      CHECK(x.note == y.note);
      CHECK(x.until == y.until);
      CHECK(x.verify == y.verify);
      CHECK(x.verify_result == y.verify_result);
      CHECK(x.revision == y.revision);
    }
    CHECK(fast->find("gone")->note == "retired");
  }

  TEST_CASE("the layout reader declines what the writer never writes, for toml++ to read")
  {
    const char* const others[] = {
        "format = 1\r\nchecklist = \"x\"\r\n",              // CRLF
        "format = 1\nchecklist = \"x\" # inline comment\n", // an inline comment
        "format = 1\nchecklist  =  \"x\"\n",                // other spacing
        "format = 1\nchecklist = 'x'\n",                    // a literal string
        "format = 1\nchecklist = \"x\"\n[items.\"quoted id\"]\nstatus = \"todo\"\n",
        "format = 1\nchecklist = \"x\"\n[items.a]\nstatus = \"done\"\nat = "
        "2026-11-28T13:00:00+01:00\n",
        "format = 1\nchecklist = \"x\"\n[items.a]\nstatus = \"done\"\nat = 2026-02-30T12:00:00Z\n",
        "format = 1\nchecklist = \"x\"\n[items.a]\nstatus = \"todo\"\n[items.a]\nstatus = "
        "\"done\"\n",
        "format = 1\nchecklist = \"x\"\n[items.a]\nstatus = \"done\"\nnote = \"\\u0041\"\n",
    };
    for (const char* text : others) {
      CAPTURE(text);
      CHECK_FALSE(detail::read_state_layout(text, "s"));
    }
    // The ones toml++ accepts still read, through it.
    CHECK(parse_state(others[0], "s").newline == "\r\n");
    CHECK(parse_state(others[5], "s").find("a")->at == "2026-11-28T12:00:00Z");
  }
}
