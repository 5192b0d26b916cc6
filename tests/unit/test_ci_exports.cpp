#include <doctest/doctest.h>

#include <string>

#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/gate.hpp"
#include "llmchecklist/project.hpp"

using namespace llmchecklist;

namespace {

Checklist forty_items()
{
  std::string text = "[checklist]\nid = \"forty\"\ntitle = \"Forty\"\n\n[[phases]]\nid = \"p\"\n"
                     "title = \"P\"\n";
  for (int i = 1; i <= 40; ++i) {
    text += "\n[[phases.items]]\nid = \"item-" + std::to_string(i) + "\"\ntitle = \"Item " +
            std::to_string(i) + "\"\ndone_when = \"Done.\"\nseverity = \"required\"\n";
  }
  return parse_checklist(text, "forty.toml");
}

State with_done(const Checklist& checklist, int count)
{
  State state;
  for (int i = 0; i < count; ++i) {
    check_item(state, checklist.items()[static_cast<std::size_t>(i)], Status::done,
               Mark{"Ada", "2026-11-28T12:00:00Z", ""});
  }
  return state;
}

std::size_t lines_in(const std::string& text)
{
  std::size_t count = 0;
  for (const char c : text) {
    count += c == '\n' ? 1 : 0;
  }
  return count;
}

} // namespace

TEST_SUITE("ci exports")
{
  TEST_CASE("item tables are found by line, quoted keys and comments included")
  {
    const auto lines = item_table_lines("format = 1\n\n[items.alpha]\nstatus = \"done\"\r\n"
                                        "  [ items . \"we ird\" ]  # a comment\n"
                                        "[[items.not-a-table]]\n[itemsx.beta]\n[items.'lit']\n");
    CHECK(lines.size() == 3);
    CHECK(lines.at("alpha") == 3);
    CHECK(lines.at("we ird") == 5);
    CHECK(lines.at("lit") == 8);
    StateFileLines where;
    where.items = lines;
    where.fallback = 2;
    CHECK(where.line_of("alpha") == 3);
    CHECK(where.line_of("missing") == 2);
  }

  TEST_CASE("an annotation stays one line whatever the text holds")
  {
    const Checklist checklist = parse_checklist(R"toml(
[checklist]
id = "h"
title = "H"

[[phases]]
id = "p"
title = "P"

[[phases.items]]
id = "a"
title = "50% ::add-mask::x, y: z"
done_when = "d"
severity = "required"
)toml",
                                                "h.toml");
    State state;
    Entry& entry = state.entry("a");
    entry.verify = "false\n::error::fake\r\n%0A";
    entry.verify_result = "fail";
    ExportOptions options;
    options.lines.path = "dir,x:y/.llmchecklist";
    const std::string out = render_github(checklist, state, options);
    CHECK(lines_in(out) == 2);
    CHECK(out.find('\r') == std::string::npos);
    CHECK(out.rfind("::error file=dir%2Cx%3Ay/.llmchecklist,line=1,title=Required item open%3A "
                    "1. a::50%25 ::add-mask::x, y: z%0ADone when: d\n",
                    0) == 0);
    CHECK(out.find("false%0A::error::fake%0D%0A%250A\n") != std::string::npos);
  }

  TEST_CASE("max-drop passes a drop of exactly the allowance and fails beyond it")
  {
    const Checklist checklist = forty_items();
    const State then = with_done(checklist, 20);
    const State two_fewer = with_done(checklist, 18); // 50 % -> 45 %: 5 points
    CHECK(regressions_since(checklist, then, two_fewer, "main", 5.0).empty());
    const auto reasons = regressions_since(checklist, then, two_fewer, "main", 4.9);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0] == "progress fell 5.0 points since main (50.0 % then, 45.0 % now), more "
                        "than the 4.9 allowed");
    // Without an allowance, any step back fails, with the items named.
    CHECK(regressions_since(checklist, then, two_fewer, "main").size() == 2);
    // Progress going up is never a regression.
    CHECK(regressions_since(checklist, two_fewer, then, "main", 0.0).empty());
  }

  TEST_CASE("the summary states the change and keeps whole items under the limit")
  {
    std::string text = "[checklist]\nid = \"big\"\ntitle = \"Big\"\n\n[[phases]]\nid = \"p\"\n"
                       "title = \"P\"\n";
    for (int i = 1; i <= 3000; ++i) {
      text += "\n[[phases.items]]\nid = \"item-" + std::to_string(i) +
              "\"\ntitle = \"A long title for item " + std::to_string(i) +
              " that takes up some room in the summary\"\ndone_when = \"Done.\"\n";
    }
    const Checklist checklist = parse_checklist(text, "big.toml");
    const State before;
    State after;
    for (const Item& item : checklist.items()) {
      check_item(after, item, Status::done, Mark{"Ada", "2026-11-28T12:00:00Z", "evidence"});
    }
    ExportOptions options;
    options.since = Baseline{"main", &before, &checklist};
    const std::string summary = render_summary(checklist, after, options);
    CHECK(summary.size() <= k_summary_limit);
    CHECK(summary.rfind("### Big: 100 % (+100)\n", 0) == 0);
    CHECK(summary.find("since main: 3000 checked, 0 unchecked, 0 waived") != std::string::npos);
    CHECK(summary.find("<details><summary>Checked in this change (3000)</summary>") !=
          std::string::npos);
    CHECK(summary.find("more: `llmchecklist diff main` lists them all") != std::string::npos);
    // The last item line shown is whole.
    const std::size_t more = summary.find("- … and ");
    REQUIRE(more != std::string::npos);
    const std::size_t last = summary.rfind("\n- **", more - 2);
    CHECK(summary.substr(last, more - last).find("in the summary (item-") != std::string::npos);

    // A small change is listed in full, with no folding.
    State one = before;
    check_item(one, checklist.items()[0], Status::done, Mark{"Ada", "2026-11-28T12:00:00Z", ""});
    const std::string small = render_summary(checklist, one, options);
    CHECK(small.find("<details>") == std::string::npos);
    CHECK(small.find("**Checked in this change (1)**") != std::string::npos);
  }
}
