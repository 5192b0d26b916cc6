// The expectation readers (issue 24): real-shaped result files, every condition passing and
// failing, and hostile files refused before or while they are read.

#include <doctest/doctest.h>

#include <string>

#include "evidence/jq_reader.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/expectation.hpp"

using namespace llmchecklist;

namespace {

const char* const k_pytest_junit = R"(<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" errors="0" failures="1" skipped="2" tests="42" time="3.1" timestamp="2026-12-04T10:00:00.000000" hostname="ci">
<testcase classname="tests.test_eval" name="test_refusal[case-1]" time="0.01" />
<testcase classname="tests.test_eval" name="test_answer" time="0.02"><failure message="assert 0.8 &gt;= 0.9">def test_answer():
&gt;       assert score &gt;= 0.9
E       assert 0.8 &gt;= 0.9</failure></testcase>
<testcase classname="tests.test_eval" name="test_skip" time="0.0"><skipped type="pytest.skip" message="no GPU">/tests/test_eval.py:12: no GPU</skipped></testcase>
<!-- a comment -->
<testcase classname='tests.test_eval' name='quotes &#x41;&#66;'><system-out><![CDATA[<not markup> & raw]]></system-out></testcase>
</testsuite></testsuites>
)";

ExpectationRule junit_rule()
{
  ExpectationRule rule;
  rule.file = "evals/junit.xml";
  rule.reader = ExpectationReader::junit;
  return rule;
}

ExpectationRule rule_for(ExpectationReader reader)
{
  ExpectationRule rule;
  rule.file = "result";
  rule.reader = reader;
  return rule;
}

const char* const k_promptfoo = R"({
  "evalId": "eval-2026-12-04T10:00:00",
  "results": {
    "version": 3,
    "timestamp": "2026-12-04T10:00:00.000Z",
    "prompts": [{"raw": "Answer: {{question}}", "label": "v1", "provider": "openai:gpt-4o-mini"}],
    "results": [{"success": true, "score": 1, "vars": {"question": "2+2"}}],
    "stats": {"successes": 30, "failures": 1, "errors": 1,
              "tokenUsage": {"total": 1200, "prompt": 800, "completion": 400, "cached": 0}}
  },
  "config": {"description": "support bot"},
  "shareableUrl": null
})";

const char* const k_inspect = R"({
  "version": 2,
  "status": "success",
  "eval": {"task": "theory_of_mind", "model": "openai/gpt-4o", "dataset": {"samples": 100}},
  "plan": {"name": "plan", "steps": [{"solver": "generate", "params": {}}]},
  "results": {
    "total_samples": 100,
    "completed_samples": 100,
    "scores": [
      {"name": "model_graded_fact", "scorer": "model_graded_fact", "params": {},
       "metrics": {"accuracy": {"name": "accuracy", "value": 0.91, "params": {}},
                   "stderr": {"name": "stderr", "value": 0.028, "params": {}}}},
      {"name": "match", "scorer": "match", "params": {},
       "metrics": {"mean": {"name": "mean", "value": 0.75, "params": {}}}}
    ]
  },
  "stats": {"started_at": "2026-12-04T10:00:00", "completed_at": "2026-12-04T10:05:00"}
})";

const char* const k_sarif = R"({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [{
    "tool": {"driver": {"name": "garak", "rules": [
      {"id": "R1", "defaultConfiguration": {"level": "error"}},
      {"id": "R2"}]}},
    "results": [
      {"ruleId": "R1", "message": {"text": "prompt injection succeeded"}},
      {"ruleId": "R2", "message": {"text": "no level: warning"}},
      {"ruleId": "R2", "level": "error", "message": {"text": "explicit"}},
      {"ruleId": "R2", "level": "note", "message": {"text": "a note"}},
      {"ruleId": "R2", "kind": "pass", "message": {"text": "passed, level none"}}
    ]
  }]
})";

} // namespace

TEST_SUITE("expectation")
{
  TEST_CASE("reader names read back and conditions are described in a line")
  {
    for (const auto reader :
         {ExpectationReader::junit, ExpectationReader::promptfoo, ExpectationReader::inspect,
          ExpectationReader::sarif, ExpectationReader::json}) {
      CHECK(parse_expectation_reader(to_string(reader)) == reader);
    }
    CHECK_FALSE(parse_expectation_reader("xml").has_value());
    ExpectationRule rule = junit_rule();
    rule.max_failures = 0;
    CHECK(describe_condition(rule) == "max_failures = 0");
    rule.max_failures.reset();
    rule.min_pass_rate = 95;
    CHECK(describe_condition(rule) == "min_pass_rate = 95");
    ExpectationRule inspect = rule_for(ExpectationReader::inspect);
    CHECK(describe_condition(inspect) == "status success");
    inspect.score = "accuracy";
    inspect.min_score = 0.9;
    CHECK(describe_condition(inspect) == "accuracy >= 0.9");
    ExpectationRule sarif = rule_for(ExpectationReader::sarif);
    CHECK(describe_condition(sarif) == "no error results");
    sarif.level = "warning";
    sarif.max_results = 3;
    CHECK(describe_condition(sarif) == "at most 3 warning or error results");
    ExpectationRule json = rule_for(ExpectationReader::json);
    json.jq = ".metrics.accuracy >= 0.9";
    CHECK(describe_condition(json) == "jq: .metrics.accuracy >= 0.9");
  }

  TEST_CASE("pytest's junit xml is counted from its testsuite attributes")
  {
    ExpectationRule rule = junit_rule();
    rule.max_failures = 1;
    ExpectationOutcome outcome = evaluate_expectation(rule, k_pytest_junit, "junit.xml");
    CHECK(outcome.pass);
    CHECK(outcome.value == "39 of 40 passed (1 failed, 2 skipped)");
    rule.max_failures = 0;
    CHECK_FALSE(evaluate_expectation(rule, k_pytest_junit, "junit.xml").pass);
    rule.max_failures.reset();
    rule.min_pass_rate = 97.5;
    outcome = evaluate_expectation(rule, k_pytest_junit, "junit.xml");
    CHECK(outcome.pass);
    CHECK(outcome.value == "39 of 40 passed, 97.5 % (1 failed, 2 skipped)");
    rule.min_pass_rate = 98;
    CHECK_FALSE(evaluate_expectation(rule, k_pytest_junit, "junit.xml").pass);
  }

  TEST_CASE("junit suites are summed, and test cases counted where a suite has no counts")
  {
    const std::string xml = "<testsuites>"
                            "<testsuite name='a' tests='3' failures='1' errors='1'/>"
                            "<testsuite name='b'><testcase name='x'/><testcase name='y'>"
                            "<error message='boom'/></testcase><testcase name='z'><skipped/>"
                            "</testcase></testsuite></testsuites>";
    ExpectationRule rule = junit_rule();
    rule.max_failures = 3;
    const ExpectationOutcome outcome = evaluate_expectation(rule, xml, "junit.xml");
    CHECK(outcome.pass);
    CHECK(outcome.value == "2 of 5 passed (3 failed, 1 skipped)");
  }

  TEST_CASE("a junit rule without a condition, or with another reader's, is a usage error")
  {
    CHECK_THROWS_AS(evaluate_expectation(junit_rule(), k_pytest_junit, "junit.xml"), UsageError);
    ExpectationRule rule = junit_rule();
    rule.max_failures = 0;
    rule.jq = ".";
    CHECK_THROWS_AS(evaluate_expectation(rule, k_pytest_junit, "junit.xml"), UsageError);
    rule = junit_rule();
    rule.min_pass_rate = 101;
    CHECK_THROWS_AS(evaluate_expectation(rule, k_pytest_junit, "junit.xml"), UsageError);
  }

  TEST_CASE("a DTD and entities are refused at their place, so a billion laughs never expands")
  {
    const std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                               " <!ENTITY lol \"lol\">\n"
                               " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n"
                               "<testsuite tests=\"&lol2;\"/>";
    ExpectationRule rule = junit_rule();
    rule.max_failures = 0;
    try {
      evaluate_expectation(rule, laughs, "junit.xml");
      FAIL("not refused");
    } catch (const DataError& error) {
      CHECK(error.location().path == "junit.xml");
      CHECK(error.location().line == 2);
      CHECK(error.location().column == 1);
      CHECK(std::string(error.what()).find("<!DOCTYPE") != std::string::npos);
    }
    try {
      evaluate_expectation(rule, "<testsuite tests=\"1\">\n  <x a='&ext;'/></testsuite>", "j");
      FAIL("not refused");
    } catch (const DataError& error) {
      CHECK(error.location().line == 2);
      CHECK(error.location().column == 9);
    }
    CHECK_THROWS_AS(evaluate_expectation(rule, "<testsuite><!ENTITY x 'y'></testsuite>", "j"),
                    DataError);
  }

  TEST_CASE("xml that is not well formed is refused with a line and column")
  {
    ExpectationRule rule = junit_rule();
    rule.max_failures = 0;
    const auto refused_at = [&](const std::string& xml, unsigned line, unsigned column) {
      try {
        evaluate_expectation(rule, xml, "j.xml");
        FAIL("not refused: " << xml);
      } catch (const DataError& error) {
        CHECK_MESSAGE(error.location().line == line, xml << ": " << error.what());
        CHECK_MESSAGE(error.location().column == column, xml << ": " << error.what());
      }
    };
    refused_at("<testsuite>\n</testsuites>", 2, 1);
    refused_at("<testsuite tests='x'/>", 1, 12);
    refused_at("<testsuite tests='1' tests='2'/>", 1, 22);
    refused_at("<testsuite a=\"1 < 2\"/>", 1, 17);
    refused_at("<testsuite/>\n<testsuite/>", 2, 1);
    refused_at("<testsuite>", 1, 1);
    refused_at("<results/>", 1, 1);
    refused_at("<testsuite tests='1' failures='2'/>", 1, 1);
  }

  TEST_CASE("xml nested 100000 deep is refused at level 257")
  {
    std::string xml;
    for (int i = 0; i < 100000; ++i) {
      xml += "<a>";
    }
    ExpectationRule rule = junit_rule();
    rule.max_failures = 0;
    try {
      evaluate_expectation(rule, xml, "j.xml");
      FAIL("not refused");
    } catch (const DataError& error) {
      CHECK(error.location().column == 256 * 3 + 1);
      CHECK(std::string(error.what()).find("256") != std::string::npos);
    }
  }

  TEST_CASE("promptfoo's stats decide, errors counting as failed")
  {
    ExpectationRule rule = rule_for(ExpectationReader::promptfoo);
    rule.max_failures = 2;
    ExpectationOutcome outcome = evaluate_expectation(rule, k_promptfoo, "results.json");
    CHECK(outcome.pass);
    CHECK(outcome.value == "30 of 32 passed (2 failed)");
    rule.max_failures = 1;
    CHECK_FALSE(evaluate_expectation(rule, k_promptfoo, "results.json").pass);
    rule.max_failures.reset();
    rule.min_pass_rate = 93;
    outcome = evaluate_expectation(rule, k_promptfoo, "results.json");
    CHECK(outcome.pass);
    CHECK(outcome.value == "30 of 32 passed, 93.7 % (2 failed)");
    rule.min_pass_rate = 95;
    CHECK_FALSE(evaluate_expectation(rule, k_promptfoo, "results.json").pass);
    CHECK_THROWS_AS(evaluate_expectation(rule, R"({"results": {}})", "r.json"), DataError);
    CHECK_THROWS_AS(
        evaluate_expectation(rule, R"({"results": {"stats": {"successes": -1, "failures": 0}}})",
                             "r.json"),
        DataError);
  }

  TEST_CASE("two equal keys in a result file are refused at the second")
  {
    ExpectationRule rule = rule_for(ExpectationReader::promptfoo);
    rule.max_failures = 0;
    const std::string json =
        "{\"results\": {\"stats\": {\"successes\": 3, \"failures\": 5,\n  \"failures\": 0}}}";
    try {
      evaluate_expectation(rule, json, "r.json");
      FAIL("not refused");
    } catch (const DataError& error) {
      CHECK(error.location().line == 2);
      CHECK(error.location().column == 3);
      CHECK(std::string(error.what()).find("duplicate key 'failures'") == 0);
    }
  }

  TEST_CASE("json nested 100000 deep is refused with its place")
  {
    std::string json(100000, '[');
    json += std::string(100000, ']');
    ExpectationRule rule = rule_for(ExpectationReader::sarif);
    try {
      evaluate_expectation(rule, json, "deep.json");
      FAIL("not refused");
    } catch (const DataError& error) {
      CHECK(error.location().line == 1);
      CHECK(error.location().column == 257);
    }
  }

  TEST_CASE("a file over the size limit is refused before it is parsed")
  {
    // 100 MB of something no reader could parse quickly: refused by its size alone.
    const std::string huge(100'000'000, '[');
    for (const auto reader :
         {ExpectationReader::junit, ExpectationReader::promptfoo, ExpectationReader::json}) {
      ExpectationRule rule = rule_for(reader);
      if (reader == ExpectationReader::json) {
        rule.jq = "true";
      } else {
        rule.max_failures = 0;
      }
      try {
        evaluate_expectation(rule, huge, "huge");
        FAIL("not refused");
      } catch (const DataError& error) {
        CHECK(std::string(error.what()).find("at most 64 MiB") != std::string::npos);
      }
    }
  }

  TEST_CASE("invalid utf-8 is refused at its byte")
  {
    ExpectationRule rule = rule_for(ExpectationReader::promptfoo);
    rule.max_failures = 0;
    try {
      evaluate_expectation(rule, "{\n  \"a\": \"x\xC3\x28\"}", "r.json");
      FAIL("not refused");
    } catch (const DataError& error) {
      CHECK(error.location().line == 2);
      CHECK(error.location().column == 10);
    }
    ExpectationRule junit = junit_rule();
    junit.max_failures = 0;
    CHECK_THROWS_AS(evaluate_expectation(junit, "<testsuite name='\xFF'/>", "j"), DataError);
  }

  TEST_CASE("an inspect log passes on its status, or on a named metric")
  {
    ExpectationRule rule = rule_for(ExpectationReader::inspect);
    ExpectationOutcome outcome = evaluate_expectation(rule, k_inspect, "log.json");
    CHECK(outcome.pass);
    CHECK(outcome.value == "status success");
    rule.score = "accuracy";
    rule.min_score = 0.9;
    outcome = evaluate_expectation(rule, k_inspect, "log.json");
    CHECK(outcome.pass);
    CHECK(outcome.value == "accuracy 0.91");
    rule.min_score = 0.95;
    CHECK_FALSE(evaluate_expectation(rule, k_inspect, "log.json").pass);
    rule.score = "match/mean";
    rule.min_score = 0.7;
    outcome = evaluate_expectation(rule, k_inspect, "log.json");
    CHECK(outcome.pass);
    CHECK(outcome.value == "match/mean 0.75");

    std::string failed = k_inspect;
    failed.replace(failed.find("\"success\""), 9, "\"error\"");
    outcome = evaluate_expectation(rule, failed, "log.json");
    CHECK_FALSE(outcome.pass);
    CHECK(outcome.value == "status error");
    CHECK_FALSE(evaluate_expectation(rule_for(ExpectationReader::inspect), failed, "l").pass);
  }

  TEST_CASE("an inspect score that is missing or ambiguous says what there is")
  {
    ExpectationRule rule = rule_for(ExpectationReader::inspect);
    rule.score = "f1";
    rule.min_score = 0.5;
    try {
      evaluate_expectation(rule, k_inspect, "log.json");
      FAIL("not refused");
    } catch (const DataError& error) {
      CHECK(std::string(error.what())
                .find("model_graded_fact/accuracy, model_graded_fact/stderr, "
                      "match/mean") != std::string::npos);
    }
    std::string two = k_inspect;
    const std::string mean = "\"mean\": {\"name\": \"mean\"";
    two.replace(two.find(mean), mean.size(), "\"accuracy\": {\"name\": \"accuracy\"");
    rule.score = "accuracy";
    try {
      evaluate_expectation(rule, two, "log.json");
      FAIL("not refused");
    } catch (const UsageError& error) {
      CHECK(std::string(error.what()).find("model_graded_fact/accuracy, match/accuracy") !=
            std::string::npos);
    }
    rule.score = "match/accuracy";
    CHECK(evaluate_expectation(rule, two, "log.json").value == "match/accuracy 0.75");
    rule.min_score.reset();
    CHECK_THROWS_AS(evaluate_expectation(rule, two, "log.json"), UsageError);
  }

  TEST_CASE("sarif results are counted at or above the level, with the spec's defaults")
  {
    ExpectationRule rule = rule_for(ExpectationReader::sarif);
    ExpectationOutcome outcome = evaluate_expectation(rule, k_sarif, "scan.sarif");
    CHECK_FALSE(outcome.pass);
    CHECK(outcome.value == "2 errors, 1 warning, 1 note");
    rule.max_results = 2;
    CHECK(evaluate_expectation(rule, k_sarif, "scan.sarif").pass);
    rule.level = "warning";
    CHECK_FALSE(evaluate_expectation(rule, k_sarif, "scan.sarif").pass);
    rule.max_results = 3;
    CHECK(evaluate_expectation(rule, k_sarif, "scan.sarif").pass);
    rule.level = "note";
    CHECK_FALSE(evaluate_expectation(rule, k_sarif, "scan.sarif").pass);
    rule.level = "fatal";
    CHECK_THROWS_AS(evaluate_expectation(rule, k_sarif, "scan.sarif"), UsageError);

    ExpectationRule clean = rule_for(ExpectationReader::sarif);
    outcome = evaluate_expectation(clean, R"({"version": "2.1.0", "runs": [{"results": []}]})",
                                   "scan.sarif");
    CHECK(outcome.pass);
    CHECK(outcome.value == "0 errors, 0 warnings");
    CHECK_THROWS_AS(evaluate_expectation(clean, R"({"version": "2.1.0"})", "s"), DataError);
  }

  TEST_CASE("text from a file is shown without control characters")
  {
    ExpectationRule rule = rule_for(ExpectationReader::inspect);
    const ExpectationOutcome outcome =
        evaluate_expectation(rule, R"({"status": "err\u001b[31mor"})", "log.json");
    CHECK(outcome.value.find('\x1b') == std::string::npos);
    CHECK(outcome.value == "status err\xEF\xBF\xBD[31mor");
  }
}

TEST_SUITE("expectation.jq")
{
  // Short limits, so that the runaway programs end in about a second each.
  const detail::JqLimits k_short{std::size_t{128} << 20, 1, std::chrono::milliseconds(3000)};

  ExpectationOutcome jq(const std::string& program, const std::string& json = R"({"a": 1})")
  {
    return detail::run_jq(program, json, "result.json", k_short);
  }

  TEST_CASE("the first output decides: true passes, anything else fails and is shown")
  {
    const std::string metrics = R"({"metrics": {"accuracy": 0.91, "f1": 0.87}})";
    ExpectationRule rule = rule_for(ExpectationReader::json);
    rule.jq = ".metrics.accuracy >= 0.9";
    ExpectationOutcome outcome = evaluate_expectation(rule, metrics, "m.json");
    CHECK(outcome.pass);
    CHECK(outcome.value == "jq: true");
    rule.jq = ".metrics.f1 >= 0.9";
    outcome = evaluate_expectation(rule, metrics, "m.json");
    CHECK_FALSE(outcome.pass);
    CHECK(outcome.value == "jq: false");
    rule.jq = ".metrics.f1";
    CHECK(evaluate_expectation(rule, metrics, "m.json").value == "jq: 0.87");
    rule.jq = "empty";
    CHECK(evaluate_expectation(rule, metrics, "m.json").value == "jq: no output");
    rule.jq = "[range(100)] | map(tostring) | join(\"\\u0007\")";
    const std::string long_value = evaluate_expectation(rule, metrics, "m.json").value;
    CHECK(long_value.find('\x07') == std::string::npos);
    CHECK(long_value.size() < 300);
    CHECK(long_value.substr(long_value.size() - 3) == "...");
    CHECK_THROWS_AS(evaluate_expectation(rule_for(ExpectationReader::json), metrics, "m"),
                    UsageError);
  }

  TEST_CASE("a program that does not compile is a usage error")
  {
    CHECK_THROWS_WITH_AS(jq(".a ==="), doctest::Contains("does not compile"), UsageError);
  }

  TEST_CASE("a program that fails on the file is a data error")
  {
    CHECK_THROWS_WITH_AS(jq(".a.b"), doctest::Contains("Cannot index number"), DataError);
  }

  TEST_CASE("the environment is empty to the program")
  {
    CHECK(jq("env").value == "jq: {}");
    CHECK(jq("$ENV").value == "jq: {}");
    CHECK(jq("env | length == 0").pass);
  }

  TEST_CASE("input finds nothing, and debug and stderr reach no stream of ours")
  {
    CHECK_THROWS_WITH_AS(jq("input"), doctest::Contains("No more inputs"), DataError);
    CHECK_THROWS_WITH_AS(jq("[inputs]"), doctest::Contains("No more inputs"), DataError);
    CHECK(jq("debug | stderr | .a == 1").pass);
  }

  TEST_CASE("modules are refused before anything runs")
  {
    CHECK_THROWS_WITH_AS(jq("import \"x\" as x; ."), doctest::Contains("modules"), UsageError);
    CHECK_THROWS_AS(jq("include \"x\"; ."), UsageError);
    CHECK_THROWS_AS(jq("\"x\" | modulemeta"), UsageError);
    CHECK_THROWS_AS(jq("\"\\(import \"x\" as x; 1)\""), UsageError);
    // The words as data, a field or in a comment are not imports.
    CHECK(jq(R"(("import" | length) == 6)").pass);
    CHECK(jq(".import == null # include").pass);
  }

  TEST_CASE("a runaway program ends with a clear error")
  {
    CHECK_THROWS_WITH_AS(jq("def f: f; f"), doctest::Contains("ran out of time"), UsageError);
    CHECK_THROWS_WITH_AS(jq("[range(1e10)]"), doctest::Contains("ran out of"), UsageError);
    CHECK_THROWS_WITH_AS(jq("[repeat(.)]"), doctest::Contains("ran out of"), UsageError);
    // repeat's first output is its input: the first output decides, and the rest never runs.
    CHECK(jq("repeat(.)").value == R"(jq: {"a":1})");
  }

  TEST_CASE("the json reader refuses what every json reader refuses")
  {
    CHECK_THROWS_AS(jq("true", R"({"a": 1, "a": 2})"), DataError);
    CHECK_THROWS_AS(jq("true", std::string(300, '[') + std::string(300, ']')), DataError);
    CHECK_THROWS_AS(jq("true", "{"), DataError);
  }
}
