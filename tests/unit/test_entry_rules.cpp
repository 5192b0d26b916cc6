// The state's rules live in the library: every public writer refuses what the reader would
// refuse (or what no person should be able to type), changes nothing then, and the file on
// disk still reads afterwards.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "llmchecklist/entry_rules.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/files.hpp"
#include "llmchecklist/project.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/state_io.hpp"

namespace fs = std::filesystem;
using namespace llmchecklist;

namespace {

struct TempDir
{
  fs::path path;
  TempDir()
  {
    std::string pattern = (fs::temp_directory_path() / "llmchecklist-rules-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

Mark good_mark(std::string note = "docs/evidence.md")
{
  return Mark{"Ada Lovelace <ada@example.org>", "2026-11-28T12:00:00Z", std::move(note)};
}

// The invalid values a caller might hand a writer.
const std::vector<std::string> k_bad_lines = {std::string("bad \xFF byte"),
                                              "two\nlines",
                                              "carriage\rreturn",
                                              "escape \x1b[2J",
                                              "bell\a",
                                              "tab\there",
                                              std::string("nul\0byte", 8)};

// Runs `change` through update_project on a state file holding one check, and proves that it
// was refused, that the file's bytes are unchanged, and that it still reads.
void refused_and_file_intact(const std::function<void(Project&)>& change)
{
  TempDir dir;
  const fs::path path = dir.path / ".llmchecklist";
  update_project(
      path,
      [](Project& project) {
        check_item(project.state, project.checklist.items()[0], Status::done, good_mark());
      },
      ProjectSettings{}, Creation::always);
  const std::string before = read_file(path);
  CHECK_THROWS_AS(update_project(path, change), Error);
  CHECK(read_file(path) == before);
  const Project reopened = open_project(path);
  CHECK(reopened.state.find(reopened.checklist.items()[0].id)->status == Status::done);
}

} // namespace

TEST_SUITE("entry_rules")
{
  TEST_CASE("check_item refuses every invalid note, reason, who, when and end date")
  {
    for (const std::string& bad : k_bad_lines) {
      refused_and_file_intact([&](Project& project) {
        check_item(project.state, project.checklist.items()[1], Status::done, good_mark(bad));
      });
      refused_and_file_intact([&](Project& project) {
        check_item(project.state, project.checklist.items()[1], Status::na, good_mark(bad));
      });
      refused_and_file_intact([&](Project& project) {
        Mark mark = good_mark();
        mark.by = bad;
        check_item(project.state, project.checklist.items()[1], Status::done, mark);
      });
    }
    for (const std::string& until : {"not-a-date", "2027-02-30", "2027-3-31", "2026-11-27", "x"}) {
      refused_and_file_intact([&](Project& project) {
        Mark mark = good_mark("no users in the EU");
        mark.until = until;
        check_item(project.state, project.checklist.items()[1], Status::na, mark);
      });
    }
    for (const std::string& at : {"", "yesterday", "2026-11-28 12:00", "2026-13-01T00:00:00Z"}) {
      refused_and_file_intact([&](Project& project) {
        Mark mark = good_mark();
        mark.at = at;
        check_item(project.state, project.checklist.items()[1], Status::done, mark);
      });
    }
    // na without a reason, and an end date on a done item.
    refused_and_file_intact([&](Project& project) {
      check_item(project.state, project.checklist.items()[1], Status::na, good_mark("  "));
    });
    refused_and_file_intact([&](Project& project) {
      Mark mark = good_mark();
      mark.until = "2027-03-31";
      check_item(project.state, project.checklist.items()[1], Status::done, mark);
    });
  }

  TEST_CASE("a refused check changes nothing in memory either")
  {
    State state;
    Checklist checklist;
    checklist.add_phase(Phase{"p", "P", "", false, {}});
    checklist.add_item(Item{"a", "A", "", "", Severity::required, {}, {}, 1, "", 0, 0});
    CHECK_THROWS_AS(check_item(state, checklist.items()[0], Status::done, good_mark("a\nb")),
                    UsageError);
    CHECK(state.find("a") == nullptr);
  }

  TEST_CASE("set_note and set_verify_command refuse what is not one line")
  {
    for (const std::string& bad : k_bad_lines) {
      refused_and_file_intact(
          [&](Project& project) { set_note(project.state, project.checklist.items()[0], bad); });
      refused_and_file_intact([&](Project& project) {
        set_verify_command(project.state, project.checklist.items()[0], bad);
      });
    }
    // A not-applicable item keeps a reason.
    refused_and_file_intact([&](Project& project) {
      check_item(project.state, project.checklist.items()[1], Status::na, good_mark("no EU"));
      set_note(project.state, project.checklist.items()[1], "");
    });
  }

  TEST_CASE("fields set directly are refused by the writer when the reader would refuse them")
  {
    const std::vector<std::function<void(Entry&)>> breakages = {
        [](Entry& e) { e.note = "bad \xFF byte"; },
        [](Entry& e) { e.by = "bad \xC3"; },
        [](Entry& e) { e.until = "not-a-date"; },
        [](Entry& e) { e.at = "yesterday"; },
        [](Entry& e) { e.revision = -1; },
        [](Entry& e) { e.verify_result = "maybe"; },
        [](Entry& e) {
          e.status = Status::na;
          e.note.clear();
        },
    };
    for (const auto& breakage : breakages) {
      refused_and_file_intact([&](Project& project) {
        breakage(project.state.entry(project.checklist.items()[0].id));
      });
    }
  }

  TEST_CASE("what a hand edit left is written back, not refused")
  {
    // The reader takes control characters in a note (escaped in TOML); a rewrite keeps them.
    State state = parse_state("format = 1\nchecklist = \"builtin:llm-deployment\"\n"
                              "[items.quality-bar]\nstatus = \"done\"\nnote = \"a\\u0007b\"\n",
                              "hand.llmchecklist");
    const Entry& entry = *state.find("quality-bar");
    CHECK(entry.note == "a\ab");
    CHECK_NOTHROW(require_readable(entry));
    CHECK(cleaned_line(entry.note) == "ab");
  }

  TEST_CASE("the rules' messages name what was given")
  {
    CHECK_THROWS_WITH_AS(require_one_line("a\tb", "--note"),
                         "--note must be one line of text without control characters", UsageError);
    CHECK_THROWS_WITH_AS(require_reason(" ", "--na"),
                         "--na needs a reason: why the item does not apply", UsageError);
    CHECK_THROWS_WITH_AS(require_until("2027-02-30", "2026-11-28", "--until"),
                         "--until needs a date like 2027-03-31, got \"2027-02-30\"", UsageError);
    CHECK_THROWS_WITH_AS(require_until("2026-11-27", "2026-11-28", "--until"),
                         "--until 2026-11-27 is already past (today is 2026-11-28); give the last "
                         "day the decision should hold",
                         UsageError);
    CHECK_NOTHROW(require_until("2026-11-28", "2026-11-28", "--until"));
  }
}
