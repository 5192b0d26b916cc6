#include <doctest/doctest.h>

#include <string>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/merge.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/state_io.hpp"

using namespace llmchecklist;

namespace {

Checklist small()
{
  return load_checklist_file(LLMCHECKLIST_FIXTURES "/checklists/small.toml");
}

// A state file on the small checklist with these item tables after its header.
std::string state(const std::string& items)
{
  return "format = 1\nchecklist = \"small.toml\"\n" + items;
}

const std::string k_alpha_done_noon = "[items.alpha]\nstatus = \"done\"\nrevision = 1\n"
                                      "by = \"Ada\"\nat = 2026-11-28T12:00:00Z\n";
const std::string k_alpha_done_one = "[items.alpha]\nstatus = \"done\"\nrevision = 1\n"
                                     "by = \"Bob\"\nat = 2026-11-28T13:00:00Z\nnote = \"later\"\n";
const std::string k_alpha_na = "[items.alpha]\nstatus = \"na\"\nrevision = 1\nby = \"Bob\"\n"
                               "at = 2026-11-28T13:00:00Z\nnote = \"does not apply\"\n";
const std::string k_beta_done = "[items.beta]\nstatus = \"done\"\nrevision = 2\nby = \"Cy\"\n"
                                "at = 2026-11-28T09:00:00Z\n";

StateMerge merge_texts(const std::string& base, const std::string& ours, const std::string& theirs)
{
  return merge_states(parse_merge_version(base, "base"), parse_merge_version(ours, "ours"),
                      parse_merge_version(theirs, "theirs"));
}

} // namespace

TEST_SUITE("merge")
{
  TEST_CASE("an item changed on one side only takes that side")
  {
    const StateMerge merge = merge_texts(state(""), state(k_alpha_done_noon), state(""));
    REQUIRE(merge.clean());
    REQUIRE(merge.state.find("alpha") != nullptr);
    CHECK(merge.state.find("alpha")->status == Status::done);
    CHECK(merge.state.find("alpha")->by == "Ada");

    const StateMerge mirrored = merge_texts(state(""), state(""), state(k_alpha_done_noon));
    REQUIRE(mirrored.clean());
    CHECK(mirrored.state.find("alpha")->by == "Ada");
  }

  TEST_CASE("changes to different items on the two sides are both kept")
  {
    const StateMerge merge = merge_texts(state(""), state(k_alpha_done_noon), state(k_beta_done));
    REQUIRE(merge.clean());
    CHECK(merge.state.find("alpha")->status == Status::done);
    CHECK(merge.state.find("beta")->status == Status::done);
  }

  TEST_CASE("an uncheck on one side wins over no change on the other")
  {
    const StateMerge merge =
        merge_texts(state(k_alpha_done_noon), state("[items.alpha]\nstatus = \"todo\"\n"),
                    state(k_alpha_done_noon + k_beta_done));
    REQUIRE(merge.clean());
    CHECK(merge.state.find("alpha")->status == Status::todo);
    CHECK(merge.state.find("beta")->status == Status::done);
  }

  TEST_CASE("when both sides set the same status the later check wins, whichever side it is on")
  {
    const StateMerge ours_later =
        merge_texts(state(""), state(k_alpha_done_one), state(k_alpha_done_noon));
    REQUIRE(ours_later.clean());
    CHECK(ours_later.state.find("alpha")->by == "Bob");
    CHECK(ours_later.state.find("alpha")->note == "later");

    const StateMerge theirs_later =
        merge_texts(state(""), state(k_alpha_done_noon), state(k_alpha_done_one));
    REQUIRE(theirs_later.clean());
    CHECK(theirs_later.state.find("alpha")->by == "Bob");
    CHECK(theirs_later.state.find("alpha")->at == "2026-11-28T13:00:00Z");
  }

  TEST_CASE("a fraction of a second makes a check later")
  {
    CHECK(compare_times("2026-11-28T12:00:00.5Z", "2026-11-28T12:00:00Z") > 0);
    CHECK(compare_times("2026-11-28T12:00:00Z", "2026-11-28T12:00:00.25Z") < 0);
    CHECK(compare_times("2026-11-28T12:00:00.25Z", "2026-11-28T12:00:00.250Z") == 0);
    CHECK(compare_times("2026-11-28T12:00:01Z", "2026-11-28T12:00:00.9Z") > 0);
    CHECK(compare_times("", "2026-11-28T12:00:00Z") < 0);
  }

  TEST_CASE("different statuses on the two sides are a conflict that keeps both entries")
  {
    const StateMerge merge = merge_texts(state(""), state(k_alpha_done_noon), state(k_alpha_na));
    CHECK_FALSE(merge.clean());
    REQUIRE(merge.entries.size() == 1);
    CHECK(merge.entries[0].ours.status == Status::done);
    CHECK(merge.entries[0].theirs.status == Status::na);
    CHECK(merge.entries[0].theirs.note == "does not apply");
    CHECK(merge.state.find("alpha")->status == Status::done);
  }

  TEST_CASE("conflict markers surround the conflicting item's table alone")
  {
    const StateMerge merge =
        merge_texts(state(""), state(k_alpha_done_noon), state(k_alpha_na + k_beta_done));
    const std::string text = serialize_merge(merge, small());
    const std::string expected_block = "# 1. Do the alpha thing\n<<<<<<< ours\n" +
                                       k_alpha_done_noon + "=======\n" + k_alpha_na +
                                       ">>>>>>> theirs\n\n# 2. Do the alpine thing\n"
                                       "[items.alpine]\nstatus = \"todo\"\n";
    CHECK(text.find(expected_block) != std::string::npos);
    CHECK(text.find("<<<<<<<") == text.rfind("<<<<<<<"));
    // Everything else is what the writer writes: beta came from theirs without a conflict.
    CHECK(text.find("\n# 3. Do the beta thing\n" + k_beta_done) != std::string::npos);
    CHECK_THROWS_AS(parse_state(text, "merged"), DataError);
  }

  TEST_CASE("a clean merge is byte for byte what the writer writes for the merged state")
  {
    const StateMerge merge =
        merge_texts(state(k_beta_done), state(k_alpha_done_noon + k_beta_done), state(""));
    REQUIRE(merge.clean());
    CHECK(merge.state.find("beta") == nullptr);
    CHECK(serialize_merge(merge, small()) == serialize_state(merge.state, small()));
  }

  TEST_CASE("orphaned entries of either side survive, with the same rules")
  {
    const std::string gone = "[items.gone]\nstatus = \"na\"\nby = \"Ada\"\n"
                             "at = 2026-01-02T03:04:05Z\nnote = \"dropped\"\n";
    const std::string old = "[items.old]\nstatus = \"done\"\nby = \"Ada\"\n"
                            "at = 2026-01-02T03:04:05Z\n";
    const StateMerge merge =
        merge_texts(state(old), state(old + k_alpha_done_noon), state(old + gone));
    REQUIRE(merge.clean());
    REQUIRE(merge.state.find("gone") != nullptr);
    CHECK(merge.state.find("gone")->note == "dropped");
    REQUIRE(merge.state.find("old") != nullptr);
    const std::string text = serialize_merge(merge, small());
    CHECK(text.find("# Orphaned: the checklist no longer has this item; kept as recorded.\n" +
                    old) != std::string::npos);
    CHECK(text.find("# Orphaned: the checklist no longer has this item; kept as recorded.\n" +
                    gone) != std::string::npos);
  }

  TEST_CASE("an orphan one side removed and the other left alone is dropped")
  {
    const std::string old = "[items.old]\nstatus = \"done\"\nby = \"Ada\"\n";
    const StateMerge merge = merge_texts(state(old), state(""), state(old + k_beta_done));
    REQUIRE(merge.clean());
    CHECK(merge.state.find("old") == nullptr);
    CHECK(merge.state.find("beta") != nullptr);
  }

  TEST_CASE("a verify command attached on one side and a check on the other do not conflict")
  {
    const StateMerge merge =
        merge_texts(state(""), state("[items.alpha]\nstatus = \"todo\"\nverify = \"true\"\n"),
                    state(k_alpha_done_noon));
    REQUIRE(merge.clean());
    const Entry* alpha = merge.state.find("alpha");
    REQUIRE(alpha != nullptr);
    CHECK(alpha->status == Status::done);
    CHECK(alpha->verify == "true");
  }

  TEST_CASE("two different verify commands for one item are a conflict")
  {
    const StateMerge merge =
        merge_texts(state(""), state("[items.alpha]\nstatus = \"todo\"\nverify = \"true\"\n"),
                    state("[items.alpha]\nstatus = \"todo\"\nverify = \"false\"\n"));
    CHECK_FALSE(merge.clean());
    CHECK(merge.entries.size() == 1);
  }

  TEST_CASE("the same command passing on one side and failing on the other records a failure")
  {
    const std::string base = "[items.alpha]\nstatus = \"todo\"\nverify = \"make test\"\n";
    const StateMerge merge = merge_texts(state(base), state(base + "verify_result = \"pass\"\n"),
                                         state(base + "verify_result = \"fail\"\n"));
    REQUIRE(merge.clean());
    CHECK(merge.state.find("alpha")->verify_result == "fail");
  }

  TEST_CASE("the checklist changed on one side takes that side and changed on both is a conflict")
  {
    const std::string ours = "format = 1\nchecklist = \"ours.toml\"\n";
    const std::string theirs = "format = 1\nchecklist = \"theirs.toml\"\n";
    const StateMerge one = merge_texts(state(""), state(""), theirs);
    REQUIRE(one.clean());
    CHECK(one.state.checklist == "theirs.toml");

    const StateMerge both = merge_texts(state(""), ours, theirs);
    CHECK_FALSE(both.clean());
    CHECK(both.state.checklist == "ours.toml");
    REQUIRE(both.theirs_checklist.has_value());
    const std::string text = serialize_merge(both, small());
    CHECK(text.find("format = 1\n<<<<<<< ours\nchecklist = \"ours.toml\"\n=======\n"
                    "checklist = \"theirs.toml\"\n>>>>>>> theirs\n\n# 1. Do the alpha thing\n") !=
          std::string::npos);
  }

  TEST_CASE("a checklist file's pinned version merges with its reference as one value")
  {
    const std::string pinned = "format = 1\nchecklist = \"small.toml\"\nchecklist_version = ";
    const StateMerge upgraded =
        merge_texts(pinned + "\"1\"\n", pinned + "\"2\"\n", pinned + "\"1\"\n" + k_beta_done);
    REQUIRE(upgraded.clean());
    CHECK(upgraded.state.checklist_version == "2");
    CHECK(upgraded.state.find("beta") != nullptr);

    const StateMerge apart =
        merge_texts(pinned + "\"1\"\n", pinned + "\"2\"\n", pinned + "\"3\"\n");
    CHECK_FALSE(apart.clean());
    CHECK(apart.state.checklist_version == "2");
    CHECK(serialize_merge(apart, small())
              .find("<<<<<<< ours\nchecklist = \"small.toml\"\nchecklist_version = \"2\"\n"
                    "=======\nchecklist = \"small.toml\"\nchecklist_version = \"3\"\n"
                    ">>>>>>> theirs\n") != std::string::npos);
  }

  TEST_CASE("gate keys changed on different sides merge and the same key changed twice conflicts")
  {
    const std::string min80 = state("[gate]\nmin = 80\n");
    const std::string stale = state("[gate]\nno_stale = true\n");
    const StateMerge merge = merge_texts(state(""), min80, stale);
    REQUIRE(merge.clean());
    CHECK(merge.state.gate.min == 80);
    CHECK(merge.state.gate.no_stale);

    const StateMerge both = merge_texts(state(""), min80, state("[gate]\nmin = 90\n"));
    CHECK_FALSE(both.clean());
    CHECK(both.state.gate.min == 80);
    const std::string text = serialize_merge(both, small());
    CHECK(text.find("applies it.\n<<<<<<< ours\n[gate]\nmin = 80\n=======\n[gate]\nmin = 90\n"
                    ">>>>>>> theirs\n") != std::string::npos);
  }

  TEST_CASE("without a common ancestor, both sides count as changes")
  {
    const StateMerge same = merge_texts("", state(k_alpha_done_noon), state(k_alpha_done_noon));
    REQUIRE(same.clean());
    CHECK(same.state.checklist == "small.toml");

    const StateMerge apart = merge_texts("", state(k_alpha_done_noon), state(k_alpha_na));
    CHECK_FALSE(apart.clean());
  }

  TEST_CASE("the line ending and byte-order mark are ours")
  {
    std::string ours = "\xEF\xBB\xBF"
                       "format = 1\r\nchecklist = \"small.toml\"\r\n";
    const StateMerge merge = merge_texts(state(""), ours, state(k_alpha_done_noon));
    REQUIRE(merge.clean());
    const std::string text = serialize_merge(merge, small());
    CHECK(text.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(text.find("[items.alpha]\r\nstatus = \"done\"\r\n") != std::string::npos);
  }

  TEST_CASE("a version that is not a valid state file is a data error")
  {
    CHECK_THROWS_AS(merge_texts(state(""), "format = 1\n[items.a]\nstatus = \"x\"\n", state("")),
                    DataError);
  }

  TEST_CASE("serialize_entry writes the table the whole file writes")
  {
    const State parsed = parse_state(state(k_alpha_done_one), "s");
    CHECK(serialize_entry(*parsed.find("alpha")) == k_alpha_done_one);
    CHECK(serialize_state(parsed, small()).find("\n# 1. Do the alpha thing\n" + k_alpha_done_one) !=
          std::string::npos);
  }
}
