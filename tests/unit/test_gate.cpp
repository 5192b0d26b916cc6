// The CI gates: what makes a state pass, why it fails, and where a bad gate is reported.

#include <doctest/doctest.h>

#include <string>

#include "llmchecklist/error.hpp"
#include "llmchecklist/gate.hpp"
#include "llmchecklist/state.hpp"

using namespace llmchecklist;

namespace {

// Two phases: "build" with a required and a recommended item, "ship" with one required item.
Checklist two_phases()
{
  Checklist checklist;
  checklist.add_phase(Phase{"build", "Build", "", false, {}});
  checklist.add_item(Item{"a", "A", "", "", Severity::required, {}, {}, 2, "", 0, 0});
  checklist.add_item(Item{"b", "B", "", "", Severity::recommended, {}, {}, 1, "", 0, 0});
  checklist.add_phase(Phase{"ship", "Ship", "", false, {}});
  checklist.add_item(Item{"c", "C", "", "", Severity::required, {}, {}, 1, "", 0, 0});
  return checklist;
}

void mark(State& state, const std::string& id, Status status, int revision = 1)
{
  Entry& entry = state.entry(id);
  entry.status = status;
  entry.revision = revision;
  entry.note = status == Status::na ? "not here" : "";
}

} // namespace

TEST_SUITE("gate")
{
  TEST_CASE("an empty gate passes anything")
  {
    CHECK(evaluate_gate(two_phases(), State{}, Gate{}).empty());
  }

  TEST_CASE("each broken rule gives one reason, with the items concerned")
  {
    const Checklist checklist = two_phases();
    State state;
    mark(state, "a", Status::done, 1); // stale: checked at revision 1, the item is at 2
    Gate gate;
    gate.min = 50;
    gate.all_required = true;
    gate.no_stale = true;
    gate.phases.push_back(GatePhase{"ship", 10});
    const std::vector<std::string> reasons = evaluate_gate(checklist, state, gate);
    REQUIRE(reasons.size() == 4);
    CHECK(reasons[0] == "progress is 33 %, below the minimum of 50 %");
    CHECK(reasons[1] == "phase ship is at 0 %, below its minimum of 10 %");
    CHECK(reasons[2] == "1 required item is still todo:\n  3 c");
    CHECK(reasons[3].find("1 check is stale") == 0);
    CHECK(reasons[3].find("\n  1 a") != std::string::npos);
  }

  TEST_CASE("a minimum is met at exactly its value, and n/a items do not count")
  {
    const Checklist checklist = two_phases();
    State state;
    mark(state, "a", Status::done, 2);
    mark(state, "b", Status::na);
    Gate gate;
    gate.min = 50; // 1 of 2 applicable
    CHECK(evaluate_gate(checklist, state, gate).empty());
    gate.min = 50.1;
    CHECK(evaluate_gate(checklist, state, gate).size() == 1);
  }

  TEST_CASE("with a phase, the overall rules apply to that phase alone")
  {
    const Checklist checklist = two_phases();
    State state;
    mark(state, "a", Status::done, 2);
    Gate gate;
    gate.min = 60;
    gate.all_required = true;
    CHECK(evaluate_gate(checklist, state, gate, 0).size() == 1); // build: 50 %, required done
    CHECK(evaluate_gate(checklist, state, gate, 1).size() == 2); // ship: 0 %, c required
  }

  TEST_CASE("the request's rules go on top of the state's own")
  {
    State state;
    state.gate.min = 80;
    state.gate.phases.push_back(GatePhase{"ship", 10});
    GateRequest request;
    request.all_required = true;
    request.phases.push_back(GatePhase{"ship", 30});
    Gate gate = effective_gate(state, request);
    CHECK(gate.min < 0); // not asked for: the state's table is not used
    request.from_state = true;
    gate = effective_gate(state, request);
    CHECK(gate.min == 80);
    CHECK(gate.all_required);
    REQUIRE(gate.phases.size() == 1);
    CHECK(gate.phases[0].min == 30);
  }

  TEST_CASE("a phase the state file names wrongly is a data error at its place")
  {
    Gate gate;
    gate.phases.push_back(GatePhase{"shipping", 10, SourceLocation{".llmchecklist", 7, 1}});
    try {
      evaluate_gate(two_phases(), State{}, gate);
      FAIL("expected a DataError");
    } catch (const DataError& error) {
      CHECK(error.location().line == 7);
      CHECK(std::string(error.what()) == "[gate.phases] names 'shipping', which is not a phase of "
                                         "this checklist (expected one of: build, ship)");
    }
    gate.phases[0].location = {}; // from the command line: the user's typo
    CHECK_THROWS_AS(evaluate_gate(two_phases(), State{}, gate), LookupError);
  }

  TEST_CASE("PHASE=PCT is read, and anything else says what it takes")
  {
    const GatePhase phase = parse_phase_minimum("ship=72.5");
    CHECK(phase.phase == "ship");
    CHECK(phase.min == 72.5);
    for (const char* bad : {"ship", "ship=", "=50", "ship=101", "ship=80%", "ship=lots"}) {
      CAPTURE(bad);
      CHECK_THROWS_AS(parse_phase_minimum(bad), UsageError);
    }
  }

  TEST_CASE("going back from an earlier state is named item by item")
  {
    const Checklist checklist = two_phases();
    State then;
    mark(then, "a", Status::done, 2);
    mark(then, "c", Status::done);
    State now;
    mark(now, "a", Status::done, 2);
    const std::vector<std::string> reasons = regressions_since(checklist, then, now, "main");
    REQUIRE(reasons.size() == 2);
    CHECK(reasons[0] == "items done at main are todo now:\n  3 c");
    CHECK(reasons[1] == "progress went down since main: 66 % then, 33 % now");
    CHECK(regressions_since(checklist, now, then, "main").empty());
  }
}
