// Text as every rendering shows it: what is revealed and what is made inert.

#include <doctest/doctest.h>

#include <string>

#include "llmchecklist/text.hpp"

using namespace llmchecklist;

TEST_SUITE("text")
{
  TEST_CASE("a line starting with :: after blanks gets a backslash")
  {
    CHECK(neutralize_ci_commands("::error::x") == "\\::error::x");
    CHECK(neutralize_ci_commands("    ::warning file=a::x") == "    \\::warning file=a::x");
    CHECK(neutralize_ci_commands("\t::notice::x") == "\t\\::notice::x");
    // The no-break space and the other blanks .NET's TrimStart removes.
    CHECK(neutralize_ci_commands("\xC2\xA0::error::x") == "\xC2\xA0\\::error::x");
    CHECK(neutralize_ci_commands("\xE2\x80\x83::error::x") == "\xE2\x80\x83\\::error::x");
    CHECK(neutralize_ci_commands("a\n::b\r::c") == "a\n\\::b\r\\::c");
  }

  TEST_CASE("the older command form and Azure's are made inert anywhere in a line")
  {
    CHECK(neutralize_ci_commands("see ##[group]x") == "see #\\#[group]x");
    CHECK(neutralize_ci_commands("##vso[task.setvariable]x") == "#\\#vso[task.setvariable]x");
    CHECK(neutralize_ci_commands("###[x") == "##\\#[x");
  }

  TEST_CASE("text that no runner would obey is unchanged, and a second pass changes nothing")
  {
    for (const std::string text :
         {"plain", "a :: b", "x::y", "# heading", "## [link]", "#\\#[x", "\\::e", ""}) {
      CHECK(neutralize_ci_commands(text) == text);
    }
    for (const std::string text : {"::a", " ##[b", "\xC2\xA0::c\n##vso[d"}) {
      const std::string once = neutralize_ci_commands(text);
      CHECK(neutralize_ci_commands(once) == once);
    }
  }

  TEST_CASE("the line and paragraph separators are shown as code points")
  {
    CHECK(reveal_invisible("a\xE2\x80\xA8"
                           "b\xE2\x80\xA9"
                           "c") == "a<U+2028>b<U+2029>c");
    CHECK(reveal_invisible("\xE2\x80\xAE") == "<U+202E>");
    CHECK(reveal_invisible("\xE2\x80\xA7") ==
          "\xE2\x80\xA7"); // U+2027 is a visible hyphenation point
  }
}
