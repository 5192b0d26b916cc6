#include <doctest/doctest.h>

#include "llmchecklist/address.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/error.hpp"

using namespace llmchecklist;

namespace {

Checklist small()
{
  return load_checklist_file(LLMCHECKLIST_FIXTURES "/checklists/small.toml");
}

std::vector<std::string> candidates_of(const Checklist& checklist, std::string_view reference)
{
  try {
    resolve_item(checklist, reference);
  } catch (const LookupError& error) {
    return error.candidates();
  }
  FAIL("expected a LookupError");
  return {};
}

} // namespace

TEST_SUITE("address")
{
  TEST_CASE("items are found by number, id and unique prefix")
  {
    const Checklist checklist = small();
    CHECK(resolve_item(checklist, "1") == 0);
    CHECK(resolve_item(checklist, "5") == 4);
    CHECK(resolve_item(checklist, "beta") == 2);
    CHECK(resolve_item(checklist, "g") == 3);
    CHECK(resolve_item(checklist, "alph") == 0);
  }

  TEST_CASE("an exact id wins over being the prefix of another id")
  {
    Checklist checklist;
    checklist.add_phase(Phase{"p", "P", "", false, {}});
    Item first;
    first.id = "retry";
    checklist.add_item(first);
    Item second;
    second.id = "retry-budget";
    checklist.add_item(second);
    CHECK(resolve_item(checklist, "retry") == 0);
    CHECK(resolve_item(checklist, "retry-") == 1);
  }

  TEST_CASE("an ambiguous prefix lists the candidates with their numbers")
  {
    CHECK(candidates_of(small(), "al") == std::vector<std::string>{"1 alpha", "2 alpine"});
  }

  TEST_CASE("numbers out of range and unknown ids are lookup errors")
  {
    const Checklist checklist = small();
    CHECK_THROWS_AS(resolve_item(checklist, "0"), LookupError);
    CHECK_THROWS_AS(resolve_item(checklist, "6"), LookupError);
    CHECK_THROWS_AS(resolve_item(checklist, "99999999999999999999999"), LookupError);
    CHECK_THROWS_AS(resolve_item(checklist, ""), LookupError);
    CHECK(candidates_of(checklist, "btea") == std::vector<std::string>{"3 beta"});
  }

  TEST_CASE("a mistyped beginning of a long id suggests it")
  {
    const Checklist checklist = load_builtin_checklist("llm-deployment");
    try {
      resolve_item(checklist, "retyr");
      FAIL("expected a LookupError");
    } catch (const LookupError& error) {
      REQUIRE_FALSE(error.candidates().empty());
      CHECK(error.candidates().front() == "21 retry-backoff");
    }
  }

  TEST_CASE("an unknown item with no near miss points at list")
  {
    try {
      resolve_item(small(), "zzzz");
      FAIL("expected a LookupError");
    } catch (const LookupError& error) {
      CHECK(error.candidates().empty());
      CHECK(std::string(error.what()).find("llmchecklist list") != std::string::npos);
    }
  }

  TEST_CASE("phases are found by number, id and prefix")
  {
    const Checklist checklist = small();
    CHECK(resolve_phase(checklist, "2") == 1);
    CHECK(resolve_phase(checklist, "first") == 0);
    CHECK(resolve_phase(checklist, "sec") == 1);
    CHECK_THROWS_AS(resolve_phase(checklist, "third"), LookupError);
  }

  TEST_CASE("closest matches suggest near misses, nearest first")
  {
    const std::vector<std::string> names = {"list", "lint", "show", "check"};
    const auto near = closest_matches("lsit", names);
    REQUIRE_FALSE(near.empty());
    CHECK(near.front() == "list");
    CHECK(closest_matches("xyzzy", names).empty());
  }
}
