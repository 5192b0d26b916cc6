#include <doctest/doctest.h>

#include <string>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/project.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/state_io.hpp"

using namespace llmchecklist;

namespace {

Checklist small()
{
  return load_checklist_file(LLMCHECKLIST_FIXTURES "/checklists/small.toml");
}

const char* const k_state = R"(format = 1
checklist = "small.toml"

[items.alpha]
status = "done"
revision = 1
by = "Ada <ada@example.org>"
at = 2026-11-28T12:00:00Z
note = "docs/alpha.md"

[items.gone]
status = "na"
by = "Ada"
at = 2026-01-02T03:04:05+01:00
note = "no longer relevant"

[items.beta]
status = "todo"
)";

DataError error_of(const std::string& text)
{
  try {
    parse_state(text, ".llmchecklist");
  } catch (const DataError& error) {
    return error;
  }
  FAIL("expected a DataError");
  return DataError({}, "");
}

} // namespace

TEST_SUITE("state")
{
  TEST_CASE("a state file parses into entries in file order")
  {
    const State state = parse_state(k_state, ".llmchecklist");
    CHECK(state.checklist == "small.toml");
    REQUIRE(state.entries.size() == 3);
    CHECK(state.entries[0].id == "alpha");
    CHECK(state.entries[1].id == "gone");
    CHECK(state.entries[2].id == "beta");
    const Entry& alpha = state.entries[0];
    CHECK(alpha.status == Status::done);
    CHECK(alpha.revision == 1);
    CHECK(alpha.by == "Ada <ada@example.org>");
    CHECK(alpha.note == "docs/alpha.md");
  }

  TEST_CASE("a date-time with an offset is normalised to UTC")
  {
    const State state = parse_state(k_state, ".llmchecklist");
    CHECK(state.find("gone")->at == "2026-01-02T02:04:05Z");
  }

  TEST_CASE("fractions of a second are kept")
  {
    const State state = parse_state(
        "format = 1\n[items.a]\nstatus = \"done\"\nat = 2026-01-02T03:04:05.250+00:00\n", "s");
    CHECK(state.find("a")->at == "2026-01-02T03:04:05.25Z");
    CHECK(parse_state(serialize_state(state, Checklist{}), "s").find("a")->at ==
          "2026-01-02T03:04:05.25Z");
  }

  TEST_CASE("every checklist item is written in order, todo too, then orphans")
  {
    const std::string text = serialize_state(parse_state(k_state, ".llmchecklist"), small());
    const auto alpha = text.find("# 1. Do the alpha thing\n[items.alpha]\nstatus = \"done\"\n");
    const auto alpine =
        text.find("\n# 2. Do the alpine thing\n[items.alpine]\nstatus = \"todo\"\n");
    const auto delta = text.find("[items.delta]");
    const auto orphan = text.find("[items.gone]\nstatus = \"na\"\nby = \"Ada\"\n"
                                  "at = 2026-01-02T02:04:05Z\nnote = \"no longer relevant\"\n");
    REQUIRE(alpha != std::string::npos);
    REQUIRE(alpine != std::string::npos);
    REQUIRE(orphan != std::string::npos);
    CHECK(alpha < alpine);
    CHECK(delta < orphan);
    CHECK(text.find("format = 1\nchecklist = \"small.toml\"\n") != std::string::npos);
  }

  TEST_CASE("what the writer writes parses back to the same state and the same bytes")
  {
    const Checklist checklist = small();
    const std::string once = serialize_state(parse_state(k_state, "s"), checklist);
    const std::string twice = serialize_state(parse_state(once, "s"), checklist);
    CHECK(once == twice);
  }

  TEST_CASE("strings with quotes, backslashes and control characters round-trip")
  {
    State state;
    state.checklist = "small.toml";
    Entry& entry = state.entry("alpha");
    entry.status = Status::done;
    entry.note = "say \"hi\" \\ there\ttab \x01 ü";
    const std::string text = serialize_state(state, small());
    CHECK(parse_state(text, "s").find("alpha")->note == entry.note);
  }

  TEST_CASE("CRLF line endings and a byte-order mark are kept on rewrite")
  {
    std::string text = "\xEF\xBB\xBF"
                       "format = 1\r\nchecklist = \"small.toml\"\r\n";
    const State state = parse_state(text, "s");
    CHECK(state.bom);
    CHECK(state.newline == "\r\n");
    const std::string written = serialize_state(state, small());
    CHECK(written.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(written.find("\r\n") != std::string::npos);
    CHECK(written.find_first_of('\n') == written.find("\r\n") + 1);
  }

  TEST_CASE("problems are data errors at the offending line")
  {
    CHECK(error_of("checklist = \"x\"\n").location().line == 1);
    CHECK(std::string(error_of("format = 2\n").what()).find("format 2") != std::string::npos);

    const DataError bad_status = error_of("format = 1\n[items.a]\nstatus = \"finished\"\n");
    CHECK(bad_status.location().line == 3);
    CHECK(bad_status.location().column == 10);

    const DataError unknown = error_of("format = 1\n[items.a]\nstatus = \"done\"\nwho = \"me\"\n");
    CHECK(unknown.location().line == 4);
    CHECK(std::string(unknown.what()).find("unknown key 'who'") != std::string::npos);

    const DataError na = error_of("format = 1\n[items.a]\nstatus = \"na\"\n");
    CHECK(std::string(na.what()).find("reason") != std::string::npos);

    const DataError local =
        error_of("format = 1\n[items.a]\nstatus = \"done\"\nat = 2026-01-01T00:00:00\n");
    CHECK(local.location().line == 4);

    CHECK(error_of("format = 1\n[items.a]\nstatus = \"done\"\n[items.a]\n").location().line == 4);
    CHECK(error_of("format = 1\nextra = 1\n").location().line == 2);
  }

  TEST_CASE("check_item records who, when and the note; uncheck clears them")
  {
    const Checklist checklist = small();
    State state;
    const Item& beta = checklist.items()[2];
    check_item(state, beta, Status::done, Mark{"Ada", "2026-11-28T12:00:00Z", "evidence"});
    const Entry* entry = state.find("beta");
    REQUIRE(entry != nullptr);
    CHECK(entry->status == Status::done);
    CHECK(entry->revision == 2);
    CHECK(entry->note == "evidence");

    // A re-check without a note keeps the note but updates who and when.
    check_item(state, beta, Status::done, Mark{"Bob", "2026-11-29T12:00:00Z", ""});
    CHECK(state.find("beta")->by == "Bob");
    CHECK(state.find("beta")->note == "evidence");

    CHECK_THROWS_AS(check_item(state, beta, Status::na, Mark{"Bob", "t", ""}), UsageError);

    uncheck_item(state, beta);
    CHECK(state.find("beta")->status == Status::todo);
    CHECK(state.find("beta")->by.empty());
    CHECK(state.find("beta")->note.empty());
  }

  TEST_CASE("a fresh state and a checked-then-unchecked state serialise to the same bytes")
  {
    const Checklist checklist = small();
    State fresh;
    State touched;
    check_item(touched, checklist.items()[0], Status::done,
               Mark{"Ada", "2026-11-28T12:00:00Z", "n"});
    uncheck_item(touched, checklist.items()[0]);
    CHECK(serialize_state(fresh, checklist) == serialize_state(touched, checklist));
  }
}
