// What a change of checklist does to the count, and the gate that refuses a narrowed one.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "llmchecklist/gate.hpp"
#include "llmchecklist/scope.hpp"

using namespace llmchecklist;

namespace {

Item item(const std::string& id, Severity severity, std::vector<std::string> replaces = {})
{
  Item made{id, "Title of " + id, "", "", severity, {}, {}, 1, "", 0, 0};
  made.replaces = std::move(replaces);
  return made;
}

Checklist checklist_of(const std::vector<Item>& items)
{
  Checklist checklist;
  checklist.add_phase(Phase{"only", "Only", "", false, {}});
  for (const Item& each : items) {
    checklist.add_item(each);
  }
  return checklist;
}

std::vector<std::string> ids(const std::vector<ScopedItem>& items)
{
  std::vector<std::string> out;
  for (const ScopedItem& each : items) {
    out.push_back(each.id);
  }
  return out;
}

} // namespace

TEST_SUITE("scope")
{
  TEST_CASE("the same checklist is no change of scope")
  {
    const Checklist same = checklist_of({item("a", Severity::required)});
    const State state;
    const ScopeChange scope = compare_scope(state, same, state, same);
    CHECK(scope.empty());
    CHECK_FALSE(scope.narrows());
    CHECK(scope_regressions(scope, "main").empty());
  }

  TEST_CASE("removed items leave the count and lowered ones are named, n/a ones do not count")
  {
    const Checklist before =
        checklist_of({item("a", Severity::required), item("b", Severity::required),
                      item("c", Severity::recommended), item("d", Severity::required)});
    const Checklist after =
        checklist_of({item("a", Severity::recommended), item("c", Severity::required),
                      item("e", Severity::required)});
    State then;
    then.checklist = "ours.toml";
    then.entry("d").status = Status::na;
    State now = then;
    now.checklist = "narrower.toml";
    REQUIRE_NOTHROW(compare_scope(then, before, now, after));
    const ScopeChange scope = compare_scope(then, before, now, after);
    CHECK(ids(scope.left) == std::vector<std::string>{"b"});
    CHECK(ids(scope.lowered) == std::vector<std::string>{"a"});
    CHECK(ids(scope.raised) == std::vector<std::string>{"c"});
    CHECK(ids(scope.joined) == std::vector<std::string>{"e"});
    CHECK(scope.checklist_changed());
    CHECK(scope.narrows());
    const std::vector<std::string> reasons = scope_regressions(scope, "main");
    REQUIRE(reasons.size() == 2);
    CHECK(reasons[0] ==
          "1 item that counted at main left the count (the checklist changed):\n  2 b");
    CHECK(reasons[1] ==
          "1 item required at main is recommended now (the checklist changed):\n  1 a");
  }

  TEST_CASE("a merge is trusted from a built-in checklist and named from a checklist file")
  {
    const Checklist before =
        checklist_of({item("old", Severity::required), item("keep", Severity::required)});
    const Checklist after = checklist_of({item("keep", Severity::required, {"old"})});
    State then;
    then.checklist = "builtin:llm-deployment@2026.1";
    State now;
    now.checklist = "builtin:llm-deployment@2026.2";
    CHECK(compare_scope(then, before, now, after).left.empty());
    now.checklist = "ours.toml";
    const ScopeChange scope = compare_scope(then, before, now, after);
    REQUIRE(scope.left.size() == 1);
    CHECK(scope.left[0].merged_into == "keep");
    CHECK(scope_regressions(scope, "main")[0].find("took it over") != std::string::npos);
  }
}
