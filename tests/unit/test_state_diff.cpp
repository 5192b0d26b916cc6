#include <doctest/doctest.h>

#include <string>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/state_diff.hpp"
#include "llmchecklist/state_io.hpp"

using namespace llmchecklist;

namespace {

Checklist small()
{
  return load_checklist_file(LLMCHECKLIST_FIXTURES "/checklists/small.toml");
}

State state(const std::string& items)
{
  return parse_state("format = 1\nchecklist = \"small.toml\"\n" + items, "s");
}

} // namespace

TEST_SUITE("state_diff")
{
  TEST_CASE("checks, n/a decisions and unchecks are reported in checklist order")
  {
    const State before = state("[items.beta]\nstatus = \"done\"\nby = \"Ada\"\n");
    const State after = state("[items.delta]\nstatus = \"na\"\nnote = \"no\"\n"
                              "[items.alpha]\nstatus = \"done\"\nby = \"Bob\"\n");
    const std::vector<StateChange> changes = diff_states(before, after, small());
    REQUIRE(changes.size() == 3);
    CHECK(changes[0].kind == ChangeKind::checked);
    CHECK(changes[0].after.id == "alpha");
    CHECK(changes[0].item == 0);
    CHECK(changes[1].kind == ChangeKind::unchecked);
    CHECK(changes[1].before.by == "Ada");
    CHECK(changes[2].kind == ChangeKind::na);
    CHECK(to_string(changes[2].kind) == "na");
  }

  TEST_CASE("a new note and a re-check are changes but a verify command is not")
  {
    const State before = state("[items.alpha]\nstatus = \"done\"\nnote = \"a\"\n"
                               "[items.beta]\nstatus = \"done\"\nat = 2026-01-01T00:00:00Z\n");
    const State after = state("[items.alpha]\nstatus = \"done\"\nnote = \"b\"\n"
                              "[items.beta]\nstatus = \"done\"\nat = 2026-02-01T00:00:00Z\n"
                              "[items.gamma]\nstatus = \"todo\"\nverify = \"true\"\n");
    const std::vector<StateChange> changes = diff_states(before, after, small());
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].kind == ChangeKind::note);
    CHECK(changes[1].kind == ChangeKind::rechecked);
  }

  TEST_CASE("orphaned entries are compared too, after the checklist's items")
  {
    const State before = state("");
    const State after =
        state("[items.gone]\nstatus = \"done\"\n[items.alpha]\nstatus = \"done\"\n");
    const std::vector<StateChange> changes = diff_states(before, after, small());
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].after.id == "alpha");
    CHECK(changes[1].after.id == "gone");
    CHECK(changes[1].item == Checklist::npos);
  }

  TEST_CASE("identical states have no changes")
  {
    const State same = state("[items.alpha]\nstatus = \"done\"\n");
    CHECK(diff_states(same, same, small()).empty());
    CHECK(diff_states(State{}, state("[items.alpha]\nstatus = \"todo\"\n"), small()).empty());
  }
}
