#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "llmchecklist/address.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/checklist.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/error.hpp"

using namespace llmchecklist;

namespace {

const char* const k_minimal = R"(
[checklist]
id = "t"
title = "T"

[[phases]]
id = "p"
title = "P"

[[phases.items]]
id = "a"
title = "Do a"
severity = "required"
revision = 3
tags = ["x", "y"]

[[phases.items]]
id = "b"
title = "Do b"
)";

// The DataError a text raises, for assertions on its location and message.
DataError error_of(const std::string& text)
{
  try {
    parse_checklist(text, "c.toml");
  } catch (const DataError& error) {
    return error;
  }
  FAIL("expected a DataError");
  return DataError({}, "");
}

} // namespace

TEST_SUITE("checklist")
{
  TEST_CASE("a minimal definition parses with defaults filled in")
  {
    const Checklist checklist = parse_checklist(k_minimal, "c.toml");
    REQUIRE(checklist.items().size() == 2);
    CHECK(checklist.id == "t");
    CHECK(checklist.phases().size() == 1);
    const Item& a = checklist.items()[0];
    CHECK(a.number == 1);
    CHECK(a.severity == Severity::required);
    CHECK(a.revision == 3);
    CHECK(a.tags == std::vector<std::string>{"x", "y"});
    const Item& b = checklist.items()[1];
    CHECK(b.number == 2);
    CHECK(b.severity == Severity::recommended);
    CHECK(b.revision == 1);
    CHECK(checklist.find_item("b") == 1);
    CHECK(checklist.find_item("c") == Checklist::npos);
  }

  TEST_CASE("items are numbered across phases in checklist order")
  {
    const Checklist checklist = load_checklist_file(LLMCHECKLIST_FIXTURES "/checklists/small.toml");
    REQUIRE(checklist.items().size() == 5);
    CHECK(checklist.items()[3].id == "gamma");
    CHECK(checklist.items()[3].number == 4);
    CHECK(checklist.items()[3].phase == 1);
    CHECK(checklist.phases()[1].optional);
    CHECK(checklist.phases()[1].items == std::vector<std::size_t>{3, 4});
  }

  TEST_CASE("a syntax error carries the path, line and column")
  {
    const DataError error = error_of("[checklist]\nid = \"t\"\ntitle = \n");
    CHECK(error.location().path == "c.toml");
    CHECK(error.location().line == 3);
    CHECK(error.location().column > 0);
  }

  TEST_CASE("an unknown key is reported at the key")
  {
    const DataError error = error_of(std::string(k_minimal) + "colour = \"red\"\n");
    CHECK(std::string(error.what()).find("unknown key 'colour'") != std::string::npos);
    CHECK(error.location().line == 20);
    CHECK(error.location().column == 1);
  }

  TEST_CASE("a wrong type names what was expected and what was found")
  {
    std::string text = k_minimal;
    text.replace(text.find("revision = 3"), 12, "revision = \"3\"");
    const DataError error = error_of(text);
    CHECK(std::string(error.what()) == "expected an integer for 'revision', found a string");
    CHECK(error.location().line == 14);
  }

  TEST_CASE("a duplicate item id is reported where it is repeated")
  {
    std::string text = k_minimal;
    text.replace(text.find("id = \"b\""), 8, "id = \"a\"");
    const DataError error = error_of(text);
    CHECK(std::string(error.what()).find("duplicate item id 'a'") != std::string::npos);
    CHECK(error.location().line == 18);
  }

  TEST_CASE("empty titles, bad ids and bad severities are errors")
  {
    std::string empty_title = k_minimal;
    empty_title.replace(empty_title.find("\"Do b\""), 6, "\" \"");
    CHECK(std::string(error_of(empty_title).what()) == "'title' is empty");

    std::string bad_id = k_minimal;
    bad_id.replace(bad_id.find("id = \"b\""), 8, "id = \"B b\"");
    CHECK(std::string(error_of(bad_id).what()).find("slug") != std::string::npos);

    std::string bad_severity = k_minimal;
    bad_severity.replace(bad_severity.find("\"required\""), 10, "\"urgent\"");
    CHECK(std::string(error_of(bad_severity).what()).find("severity") != std::string::npos);
  }

  TEST_CASE("an id of digits alone is an error, since it would read as a number")
  {
    std::string text = k_minimal;
    text.replace(text.find("id = \"b\""), 8, "id = \"404\"");
    CHECK(std::string(error_of(text).what()).find("all digits") != std::string::npos);
  }

  TEST_CASE("a title on two lines is an error")
  {
    std::string text = k_minimal;
    text.replace(text.find("\"Do b\""), 6, "\"Do\\nb\"");
    CHECK(std::string(error_of(text).what()) == "'title' must be one line");
  }

  TEST_CASE("a definition without phases is an error")
  {
    const DataError error = error_of("[checklist]\nid = \"t\"\ntitle = \"T\"\n");
    CHECK(std::string(error.what()).find("phase") != std::string::npos);
  }

  TEST_CASE("the built-in checklist has 40 items in six phases in seed order")
  {
    const Checklist checklist = load_builtin_checklist("llm-deployment");
    REQUIRE(checklist.items().size() == 40);
    REQUIRE(checklist.phases().size() == 6);
    const char* const expected[] = {"model-selection", "fine-tuning", "evaluation",
                                    "infrastructure",  "monitoring",  "compliance"};
    for (std::size_t p = 0; p < 6; ++p) {
      CHECK(checklist.phases()[p].id == expected[p]);
      CHECK(checklist.phases()[p].optional == (p == 1));
      CHECK_FALSE(checklist.phases()[p].summary.empty());
    }
    CHECK(checklist.source == "builtin:llm-deployment");
    CHECK(checklist.find_item("fine-tuning-baseline") != Checklist::npos);
  }

  TEST_CASE("an unknown built-in checklist is a lookup error naming the known ones")
  {
    try {
      load_builtin_checklist("nope");
      FAIL("expected a LookupError");
    } catch (const LookupError& error) {
      CHECK(error.candidates() ==
            std::vector<std::string>{"builtin:llm-agents", "builtin:llm-deployment"});
    }
  }

  TEST_CASE("an override of an item the base does not have names the nearest ids")
  {
    const DataError error = error_of(R"([checklist]
id = "ours"
title = "Ours"
extends = "builtin:llm-deployment"

[overrides.adversarial-case]
severity = "recommended"
)");
    CHECK(error.location().line == 6);
    CHECK(error.location().column == 12);
    CHECK(std::string(error.what()) ==
          "[overrides.adversarial-case]: the base checklist has no item 'adversarial-case'; did "
          "you mean adversarial-cases?");
  }

  TEST_CASE("extends may not name a file outside the repository, and the file is not read")
  {
    for (const char* reference : {"/etc/passwd", "../../../etc/passwd"}) {
      CAPTURE(reference);
      const DataError error = error_of(std::string("[checklist]\nid = \"ours\"\ntitle = \"O\"\n"
                                                   "extends = \"") +
                                       reference + "\"\n");
      CHECK(error.location().line == 4);
      CHECK(error.location().column == 11);
      CHECK(std::string(error.what()).find("cannot extend: ") == 0);
      CHECK(std::string(error.what()).find("root:") == std::string::npos);
    }
  }

  TEST_CASE("ids are found without regard to case, and near misses are suggested")
  {
    const Checklist checklist = parse_checklist(k_minimal, "c.toml");
    CHECK(resolve_item(checklist, "A") == 0);
    try {
      resolve_item(checklist, "ZZ");
      FAIL("expected a LookupError");
    } catch (const LookupError& error) {
      CHECK(std::string(error.what()) == "no item 'ZZ'; `llmchecklist list` shows them all");
    }
  }

  TEST_CASE("lookups by id are plain reads, the same from any number of threads")
  {
    const Checklist checklist = load_builtin_checklist("llm-deployment");
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&] {
        for (int round = 0; round < 200; ++round) {
          for (const Item& item : checklist.items()) {
            if (checklist.find_item(item.id) != item.number - 1) {
              ++wrong;
            }
          }
        }
      });
    }
    for (std::thread& thread : threads) {
      thread.join();
    }
    CHECK(wrong == 0);
  }
}
