#include <doctest/doctest.h>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/project.hpp"

using namespace llmchecklist;

TEST_SUITE("progress")
{
  TEST_CASE("percent is done over applicable items, shown rounded down")
  {
    Counts counts;
    counts.done = 2;
    counts.na = 1;
    counts.total = 4;
    CHECK(counts.percent() == doctest::Approx(66.6666667));
    CHECK(counts.percent_floor() == 66);

    counts.done = 199;
    counts.na = 0;
    counts.total = 200;
    CHECK(counts.percent_floor() == 99); // 99.5 % is not complete
  }

  TEST_CASE("with every item not applicable, progress is complete")
  {
    Counts counts;
    counts.na = 3;
    counts.total = 3;
    CHECK(counts.percent() == 100.0);
    CHECK(counts.percent_floor() == 100);
  }

  TEST_CASE("progress counts each phase and the whole checklist")
  {
    const Checklist checklist = load_checklist_file(LLMCHECKLIST_FIXTURES "/checklists/small.toml");
    State state;
    const Mark mark{"Ada", "2026-11-28T12:00:00Z", "why"};
    check_item(state, checklist.items()[0], Status::done, mark);
    check_item(state, checklist.items()[1], Status::na, mark);
    check_item(state, checklist.items()[4], Status::done, mark);
    state.entry("orphan").status = Status::done; // not in the checklist: not counted

    const Progress progress = compute_progress(checklist, state);
    REQUIRE(progress.phases.size() == 2);
    CHECK(progress.phases[0].done == 1);
    CHECK(progress.phases[0].na == 1);
    CHECK(progress.phases[0].todo == 1);
    CHECK(progress.phases[0].percent_floor() == 50);
    CHECK(progress.phases[1].done == 1);
    CHECK(progress.phases[1].required_todo == 1); // gamma
    CHECK(progress.overall.done == 2);
    CHECK(progress.overall.total == 5);
    CHECK(progress.overall.percent_floor() == 50);
    CHECK(progress.overall.required_todo == 1);
  }
}
