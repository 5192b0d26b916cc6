// Receipts and expectations in the model: what the state file stores reads back as written,
// what it may not store is refused by every writer, and the standing, counts and gate judge
// them against the files of the version read.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "llmchecklist/backing.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/expectation_rule.hpp"
#include "llmchecklist/files.hpp"
#include "llmchecklist/gate.hpp"
#include "llmchecklist/merge.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/project.hpp"
#include "llmchecklist/receipts.hpp"
#include "llmchecklist/standing.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/state_diff.hpp"
#include "llmchecklist/state_io.hpp"

namespace fs = std::filesystem;
using namespace llmchecklist;

namespace {

const std::string k_blob_a = "7ee7e736a668f7726a912ad7a01ec3fc8b598243";
const std::string k_blob_b = "46d3f28d9747a0c8fe0b30f4a8b6a09a1e1f3c55";

Checklist two_items()
{
  Checklist checklist;
  checklist.add_phase(Phase{"p", "P", "", false, {}});
  checklist.add_item(Item{"a", "A", "", "", Severity::required, {}, {}, 1, "", 0, 0});
  checklist.add_item(Item{"b", "B", "", "", Severity::required, {}, {}, 1, "", 0, 0});
  return checklist;
}

Mark mark_with(std::vector<Receipt> receipts)
{
  Mark mark{"Ada <ada@example.org>", "2026-11-28T12:00:00Z", ""};
  mark.evidence = std::move(receipts);
  return mark;
}

ExpectationRule junit_rule()
{
  ExpectationRule rule;
  rule.file = "evals/junit.xml";
  rule.reader = ExpectationReader::junit;
  rule.max_failures = 0;
  return rule;
}

} // namespace

TEST_SUITE("backing")
{
  TEST_CASE("receipts and expectations are written one per line and read back as written")
  {
    const Checklist checklist = two_items();
    State state;
    check_item(state, checklist.items()[0], Status::done,
               mark_with({{"docs/model card.md", k_blob_a}, {"docs/b.md", k_blob_b}}));
    CHECK(add_expectation(state, checklist.items()[0], junit_rule()));
    CHECK_FALSE(add_expectation(state, checklist.items()[0], junit_rule()));
    record_expectation(state, checklist.items()[0], 0, true, "40 of 40 passed", k_blob_b,
                       "2026-11-29T10:00:00Z");
    const std::string text = serialize_state(state, checklist);
    CHECK(text.find("  { path = \"docs/model card.md\", blob = \"" + k_blob_a + "\" },\n") !=
          std::string::npos);
    CHECK(text.find("reader = \"junit\", max_failures = 0, result = \"pass\"") !=
          std::string::npos);
    const State back = parse_state(text, ".llmchecklist");
    REQUIRE(back.find("a") != nullptr);
    CHECK(back.find("a")->evidence == state.find("a")->evidence);
    CHECK(back.find("a")->expectations == state.find("a")->expectations);
    CHECK(serialize_state(back, checklist) == text);
  }

  TEST_CASE("every writer refuses receipts and rules the reader would refuse")
  {
    const Checklist checklist = two_items();
    for (const std::string& path : {"../secret", "/etc/passwd", "docs/../x", "a//b", "", "a\nb"}) {
      State state;
      CHECK_THROWS_AS(
          check_item(state, checklist.items()[0], Status::done, mark_with({{path, k_blob_a}})),
          Error);
      CHECK(state.find("a") == nullptr);
      ExpectationRule rule = junit_rule();
      rule.file = path;
      CHECK_THROWS_AS(add_expectation(state, checklist.items()[0], rule), UsageError);
    }
    State state;
    CHECK_THROWS_AS(check_item(state, checklist.items()[0], Status::done,
                               mark_with({{"docs/a.md", "not-a-blob"}})),
                    Error);
    ExpectationRule wrong = junit_rule();
    wrong.jq = ".x";
    CHECK_THROWS_AS(add_expectation(state, checklist.items()[0], wrong), UsageError);
    ExpectationRule no_condition = junit_rule();
    no_condition.max_failures.reset();
    CHECK_THROWS_AS(add_expectation(state, checklist.items()[0], no_condition), UsageError);
    ExpectationRule fraction = junit_rule();
    fraction.max_failures = 0.5;
    CHECK_THROWS_AS(add_expectation(state, checklist.items()[0], fraction), UsageError);
    REQUIRE(add_expectation(state, checklist.items()[0], junit_rule()));
    CHECK_THROWS_AS(record_expectation(state, checklist.items()[0], 0, true, "two\nlines", k_blob_a,
                                       "2026-11-29T10:00:00Z"),
                    UsageError);
    CHECK(state.find("a")->expectations[0].result.empty());
  }

  TEST_CASE("a hand-edited receipt or rule is a located error")
  {
    const std::string head = "format = 1\nchecklist = \"builtin:llm-deployment\"\n[items.a]\n"
                             "status = \"done\"\n";
    CHECK_THROWS_WITH_AS(
        parse_state(head + "evidence = [\n  { path = \"../x\", blob = \"" + k_blob_a + "\" },\n]\n",
                    "S"),
        doctest::Contains("outside the repository"), DataError);
    try {
      parse_state(head + "expect = [\n  { file = \"r.xml\", reader = \"junit\" },\n]\n", "S");
      FAIL("no error");
    } catch (const DataError& error) {
      CHECK(error.location().line == 6);
      CHECK(std::string(error.what()).find("needs a condition") != std::string::npos);
    }
    CHECK_THROWS_AS(parse_state(head + "expect = [\n  { file = \"r.xml\", reader = \"xml\", "
                                       "max_failures = 0 },\n]\n",
                                "S"),
                    DataError);
  }

  TEST_CASE("the standing, counts and gate see changed evidence only once the files are known")
  {
    const Checklist checklist = two_items();
    State state;
    check_item(state, checklist.items()[0], Status::done, mark_with({{"docs/a.md", k_blob_a}}));
    Gate gate;
    gate.evidence_current = true;
    // Unknown files: nothing can be said to have changed, and nothing is backed.
    CHECK_FALSE(standing_of(state, checklist.items()[0]).evidence_changed);
    CHECK(evaluate_gate(checklist, state, gate).empty());
    CHECK_FALSE(is_backed(state, checklist.items()[0]));

    state.files_known = true;
    state.current_files = {{"docs/a.md", k_blob_a}};
    CHECK(is_backed(state, checklist.items()[0]));
    CHECK(evaluate_gate(checklist, state, gate).empty());

    state.current_files = {{"docs/a.md", k_blob_b}};
    const Standing changed = standing_of(state, checklist.items()[0]);
    CHECK(changed.evidence_changed);
    REQUIRE(changed.findings.size() == 1);
    CHECK(changed.findings[0].kind == FindingKind::evidence_changed);
    CHECK(changed.findings[0].level == FindingLevel::note);
    CHECK(changed.findings[0].message.find("git diff 7ee7e73 46d3f28") != std::string::npos);
    CHECK(compute_progress(checklist, state).overall.evidence_changed == 1);
    CHECK(evaluate_gate(checklist, state, gate).size() == 1);

    state.current_files = {{"docs/a.md", ""}}; // deleted or renamed
    CHECK(receipts_of(state, *state.find("a"))[0].gone);
    CHECK_FALSE(is_backed(state, checklist.items()[0]));
  }

  TEST_CASE("a recorded result counts only for the content it was read from")
  {
    const Checklist checklist = two_items();
    State state;
    check_item(state, checklist.items()[0], Status::done, mark_with({}));
    add_expectation(state, checklist.items()[0], junit_rule());
    state.files_known = true;
    state.current_files = {{"evals/junit.xml", k_blob_a}};
    CHECK(expectation_state(state, state.find("a")->expectations[0]) == ExpectationState::not_run);
    record_expectation(state, checklist.items()[0], 0, false, "3 failed", k_blob_a,
                       "2026-11-29T10:00:00Z");
    CHECK(expectation_state(state, state.find("a")->expectations[0]) == ExpectationState::fail);
    const Standing failing = standing_of(state, checklist.items()[0]);
    REQUIRE_FALSE(failing.findings.empty());
    CHECK(failing.findings[0].kind == FindingKind::expectation_failing);
    CHECK(failing.findings[0].level == FindingLevel::error);

    record_expectation(state, checklist.items()[0], 0, true, "40 of 40 passed", k_blob_a,
                       "2026-11-29T11:00:00Z");
    CHECK(is_backed(state, checklist.items()[0]));
    Gate gate;
    gate.backed = {"a", "b"};
    const std::vector<std::string> reasons = evaluate_gate(checklist, state, gate);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0].find("  2 b") != std::string::npos);
    CHECK(reasons[0].find("1 a") == std::string::npos);

    state.current_files = {{"evals/junit.xml", k_blob_b}}; // a new run wrote another file
    CHECK_FALSE(is_backed(state, checklist.items()[0]));
    Gate share;
    share.backed_min = 50;
    CHECK(evaluate_gate(checklist, state, share).size() == 1);
  }

  TEST_CASE("a merge keeps both sides' rules, and the failing reading of the same rule")
  {
    const Checklist checklist = two_items();
    State base;
    add_expectation(base, checklist.items()[0], junit_rule());
    State ours = base;
    State theirs = base;
    record_expectation(ours, checklist.items()[0], 0, true, "ok", k_blob_a, "2026-11-29T10:00:00Z");
    record_expectation(theirs, checklist.items()[0], 0, false, "3 failed", k_blob_b,
                       "2026-11-29T09:00:00Z");
    const StateMerge merged = merge_states(base, ours, theirs);
    CHECK(merged.clean());
    REQUIRE(merged.state.find("a") != nullptr);
    CHECK(merged.state.find("a")->expectations[0].result == "fail");
    // A rule added on each side is a conflict only when the lists cannot be told apart.
    State mine = base;
    ExpectationRule other = junit_rule();
    other.file = "evals/other.xml";
    add_expectation(mine, checklist.items()[0], other);
    CHECK(merge_states(base, mine, base).state.find("a")->expectations.size() == 2);
  }

  TEST_CASE("diff names expectations added and removed")
  {
    const Checklist checklist = two_items();
    State before;
    State after;
    add_expectation(after, checklist.items()[1], junit_rule());
    const std::vector<CommandChange> changes = diff_expectations(before, after, checklist);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].kind() == std::string_view("added"));
    CHECK(changes[0].after == "evals/junit.xml (junit): max_failures = 0");
  }

  TEST_CASE("blob ids are git's")
  {
    // `printf 'hello\n' | git hash-object --stdin`
    CHECK(blob_id("hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a");
    CHECK(blob_id("") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  }
}
