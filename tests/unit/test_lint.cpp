#include <doctest/doctest.h>

#include <string>

#include "llmchecklist/builtin.hpp"
#include "llmchecklist/lint.hpp"

using namespace llmchecklist;

TEST_SUITE("lint")
{
  TEST_CASE("every problem is reported, not just the first")
  {
    const char* const text = R"([checklist]
id = "t"
title = "T"

[[phases]]
id = "empty"
title = "Empty"

[[phases]]
id = "p"
title = "P"

[[phases.items]]
id = "a"
title = "A"
details = "too short"

[[phases.items]]
id = "a"
title = "Again"
done_when = "x"
bogus = 1
)";
    LintOptions options;
    options.min_details_words = 3;
    const std::vector<Diagnostic> problems = lint_checklist(text, "t.toml", options);
    std::string all;
    for (const Diagnostic& problem : problems) {
      all += std::to_string(problem.location.line) + ":" + problem.message + "\n";
    }
    CHECK(all.find("5:phase has no items") != std::string::npos);
    CHECK(all.find("16:item 'a' details have 2 words, fewer than 3") != std::string::npos);
    CHECK(all.find("item 'a' has no done_when") != std::string::npos);
    CHECK(all.find("19:duplicate item id 'a'") != std::string::npos);
    CHECK(all.find("22:unknown key 'bogus'") != std::string::npos);
    CHECK(problems.front().location.path == "t.toml");
  }

  TEST_CASE("a syntax error is one diagnostic at its place")
  {
    const auto problems = lint_checklist("[checklist\n", "bad.toml");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location.line == 1);
  }

  TEST_CASE("the built-in checklist is clean at 80 to 220 words of details")
  {
    LintOptions options;
    options.min_details_words = 80;
    options.max_details_words = 220;
    for (const std::string& name : builtin_checklist_names()) {
      const auto problems =
          lint_checklist(builtin_checklist_source(name), "builtin:" + name, options);
      for (const Diagnostic& problem : problems) {
        MESSAGE(problem.location.line << ": " << problem.message);
      }
      CHECK(problems.empty());
    }
  }
}
