// Moving a state to another version of its checklist: what is added, changed, merged, dropped.

#include <doctest/doctest.h>

#include <string>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/lint.hpp"
#include "llmchecklist/upgrade.hpp"

using namespace llmchecklist;

namespace {

const char* const k_v1 = R"([checklist]
id = "t"
title = "T"
version = "1"

[[phases]]
id = "p"
title = "P"

[[phases.items]]
id = "keep"
title = "Keep"

[[phases.items]]
id = "merged"
title = "Merged into keep"

[[phases.items]]
id = "folded"
title = "Folded into a new item"

[[phases.items]]
id = "gone"
title = "Dropped"
)";

const char* const k_v2 = R"([checklist]
id = "t"
title = "T"
version = "2"

[[phases]]
id = "p"
title = "P"

[[phases.items]]
id = "keep"
revision = 2
replaces = ["merged"]
title = "Keep, with what merged said"

[[phases.items]]
id = "fresh"
revision = 2
replaces = ["folded"]
title = "A new item that takes over folded"
)";

void sign(State& state, const std::string& id, Status status, std::string note = {})
{
  Entry& entry = state.entry(id);
  entry.status = status;
  entry.revision = 1;
  entry.by = "Ada";
  entry.note = std::move(note);
}

} // namespace

TEST_SUITE("upgrade")
{
  TEST_CASE("a merged item's check moves to the item that took it over, as stale")
  {
    const Checklist from = parse_checklist(k_v1, "t.toml");
    const Checklist to = parse_checklist(k_v2, "t.toml");
    State state;
    sign(state, "folded", Status::na, "does not apply");
    sign(state, "gone", Status::done);
    const UpgradePlan plan = plan_upgrade(state, &from, to, "t.toml");
    CHECK(plan.added == std::vector<std::string>{"fresh"});
    CHECK(plan.changed == std::vector<std::string>{"keep"});
    CHECK(plan.dropped == std::vector<std::string>{"gone"});
    REQUIRE(plan.merged.size() == 2);
    CHECK(plan.merged[0].from == "merged");
    CHECK_FALSE(plan.merged[0].carried); // nothing recorded to carry
    CHECK(plan.merged[1].from == "folded");
    CHECK(plan.merged[1].into == "fresh");
    CHECK(plan.merged[1].carried);

    apply_upgrade(state, plan, to);
    const Entry* fresh = state.find("fresh");
    REQUIRE(fresh != nullptr);
    CHECK(fresh->status == Status::na);
    CHECK(fresh->note == "does not apply");
    CHECK(fresh->by == "Ada");
    CHECK(fresh->revision == 1); // below the item's 2: stale until re-checked
    CHECK(state.find("folded") == nullptr);
    CHECK(state.find("gone") != nullptr); // dropped items stay, as orphans
    CHECK(state.checklist_version == "2");
  }

  TEST_CASE("a keeper with a check of its own keeps it, and the merged entry stays an orphan")
  {
    const Checklist from = parse_checklist(k_v1, "t.toml");
    const Checklist to = parse_checklist(k_v2, "t.toml");
    State state;
    sign(state, "keep", Status::done, "own");
    sign(state, "merged", Status::done, "theirs");
    const UpgradePlan plan = plan_upgrade(state, &from, to, "t.toml");
    REQUIRE(plan.merged.size() == 2);
    CHECK_FALSE(plan.merged[0].carried);
    apply_upgrade(state, plan, to);
    CHECK(state.find("keep")->note == "own");
    REQUIRE(state.find("merged") != nullptr);
    CHECK(state.find("merged")->note == "theirs");
  }

  TEST_CASE("replaces is checked where it is written")
  {
    const std::string head =
        "[checklist]\nid = \"t\"\ntitle = \"T\"\n\n[[phases]]\nid = \"p\"\ntitle = \"P\"\n\n";
    struct Case
    {
      const char* what;
      std::string items;
      const char* message;
    };
    const Case cases[] = {
        {"revision 1", "[[phases.items]]\nid = \"a\"\ntitle = \"A\"\nreplaces = [\"old\"]\n",
         "needs revision = 2 or more"},
        {"a reused id",
         "[[phases.items]]\nid = \"a\"\ntitle = \"A\"\n\n[[phases.items]]\nid = \"b\"\ntitle = "
         "\"B\"\nrevision = 2\nreplaces = [\"a\"]\n",
         "'replaces' names 'a', an id this checklist still uses"},
        {"replaced twice",
         "[[phases.items]]\nid = \"a\"\ntitle = \"A\"\nrevision = 2\nreplaces = [\"old\"]\n\n"
         "[[phases.items]]\nid = \"b\"\ntitle = \"B\"\nrevision = 2\nreplaces = [\"old\"]\n",
         "'old' is replaced twice"},
        {"not an id",
         "[[phases.items]]\nid = \"a\"\ntitle = \"A\"\nrevision = 2\nreplaces = [\"Old One\"]\n",
         "which is not an item id"},
    };
    for (const Case& c : cases) {
      CAPTURE(std::string(c.what));
      try {
        parse_checklist(head + c.items, "t.toml");
        FAIL("expected a DataError");
      } catch (const DataError& error) {
        CHECK(std::string(error.what()).find(c.message) != std::string::npos);
        CHECK(error.location().line >= 9);
      }
    }
  }

  TEST_CASE("lint holds replaces to the ids of earlier releases")
  {
    LintOptions options;
    options.min_details_words = 0;
    options.earlier_ids = std::vector<std::string>{"keep", "merged"};
    std::vector<Diagnostic> problems;
    for (const Diagnostic& problem : lint_checklist(k_v2, "t.toml", options)) {
      if (problem.message.find("replaces") != std::string::npos) {
        problems.push_back(problem); // the items have no done_when either: not this test's point
      }
    }
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "'replaces' names 'folded', which no earlier released version of "
                                 "this checklist has");
    CHECK(problems[0].location.line == 19);
  }

  TEST_CASE("a carried check never costs a verify command, and blank old entries go")
  {
    const Checklist from = parse_checklist(k_v1, "t.toml");
    const Checklist to = parse_checklist(k_v2, "t.toml");
    State state;
    sign(state, "merged", Status::done, "done there");
    state.entry("merged").verify = "test -f merged";
    state.entry("keep").verify = "test -f keep";
    state.entry("gone"); // todo, nothing recorded: only the old layout
    apply_upgrade(state, plan_upgrade(state, &from, to, "t.toml"), to);
    const Entry* keep = state.find("keep");
    REQUIRE(keep != nullptr);
    CHECK(keep->status == Status::done);   // carried
    CHECK(keep->verify == "test -f keep"); // its own command wins...
    REQUIRE(state.find("merged") != nullptr);
    CHECK(state.find("merged")->verify == "test -f merged"); // ...and the other stays, an orphan
    CHECK(state.find("gone") == nullptr);
  }
}
