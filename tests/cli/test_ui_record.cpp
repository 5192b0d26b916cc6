// What `llmchecklist ui` decides from an item's record as the screen showed it, and the pieces
// of its screen that need no terminal: the help lines, the search position, the details.

#include <algorithm>
#include <string>

#include <doctest/doctest.h>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/error.hpp"
#include "terminal.hpp"
#include "ui/draw.hpp"
#include "ui/keys.hpp"
#include "ui/record.hpp"
#include "ui/view.hpp"

using namespace llmchecklist;
using namespace llmchecklist::cli;

namespace {

constexpr const char* k_checklist = R"(
[checklist]
id = "small"
title = "Small"
version = "1"

[[phases]]
id = "first"
title = "First phase"

[[phases.items]]
id = "context-length"
title = "Check that worst-case inputs fit the context window and that quality holds at length"
details = "Measure the longest inputs. Rollback plans too."
done_when = "The longest input fits."

[[phases.items]]
id = "rollback"
title = "Rehearse a rollback"
details = "Practise it."
done_when = "Rehearsed."

[[phases.items]]
id = "other"
title = "Something else"
details = "Nothing to find here."
done_when = "Done."
)";

Item item_numbered(std::size_t number, std::string id)
{
  Item item;
  item.number = number;
  item.id = std::move(id);
  return item;
}

Entry checked(std::string by, std::string at, std::string note = {})
{
  Entry entry;
  entry.id = "cost-at-scale";
  entry.status = Status::done;
  entry.revision = 1;
  entry.by = std::move(by);
  entry.at = std::move(at);
  entry.note = std::move(note);
  return entry;
}

Entry blank()
{
  Entry entry;
  entry.id = "cost-at-scale";
  return entry;
}

} // namespace

TEST_SUITE("ui_record")
{
  TEST_CASE("an item without an entry has a blank record with its id")
  {
    const State state;
    const Entry record = ui::record_of(state, item_numbered(2, "cost-at-scale"));
    CHECK(record.id == "cost-at-scale");
    CHECK(record.blank());
    CHECK(ui::same_record(record, blank()));
  }

  TEST_CASE("a record differs in anything a key could undo")
  {
    const Entry base = checked("Ada Lovelace <ada@example.org>", "2026-11-28T09:14:00Z", "ok");
    Entry other = base;
    CHECK(ui::same_record(base, other));
    other.note = "changed";
    CHECK_FALSE(ui::same_record(base, other));
    other = base;
    other.at = "2026-11-28T09:15:00Z";
    CHECK_FALSE(ui::same_record(base, other));
    other = base;
    other.verify_result = "fail";
    CHECK_FALSE(ui::same_record(base, other));
  }

  TEST_CASE("a record reads with the name, and the time today or the date before")
  {
    const Entry today = checked("Ada Lovelace <ada@example.org>", "2026-11-28T09:14:00Z");
    CHECK(ui::describe_record(today, "2026-11-28") == "checked by Ada Lovelace at 09:14 UTC");
    CHECK(ui::describe_record(today, "2026-11-29") == "checked by Ada Lovelace on 2026-11-28");
    Entry na = today;
    na.status = Status::na;
    na.by = "bot";
    CHECK(ui::describe_record(na, "2026-11-28") == "marked n/a by bot at 09:14 UTC");
    CHECK(ui::describe_record(blank(), "2026-11-28") == "unchecked");
  }

  TEST_CASE("a check made elsewhere names who and when, and what the next press does")
  {
    const Item item = item_numbered(2, "cost-at-scale");
    const Entry now = checked("Ada Lovelace <ada@example.org>", "2026-11-28T09:14:00Z");
    CHECK(ui::changed_message(item, blank(), now, Status::done, "2026-11-28", ui::Again::toggle) ==
          "2 cost-at-scale was checked by Ada Lovelace at 09:14 UTC; press again to uncheck");
    CHECK(ui::changed_message(item, blank(), now, Status::done, "2026-11-28",
                              ui::Again::not_applicable) ==
          "2 cost-at-scale was checked by Ada Lovelace at 09:14 UTC; nothing written; press n "
          "again to mark it n/a");
  }

  TEST_CASE("an uncheck made elsewhere says the next press checks")
  {
    const Item item = item_numbered(2, "cost-at-scale");
    const Entry seen = checked("Ada Lovelace <ada@example.org>", "2026-11-28T09:14:00Z");
    CHECK(ui::changed_message(item, seen, blank(), Status::todo, "2026-11-28", ui::Again::toggle) ==
          "2 cost-at-scale was unchecked elsewhere; press again to check");
  }

  TEST_CASE("a change of the note alone is named, and undo says it did not undo")
  {
    const Item item = item_numbered(2, "cost-at-scale");
    const Entry seen = checked("A <a@b>", "2026-11-28T09:14:00Z");
    const Entry now = checked("A <a@b>", "2026-11-28T09:14:00Z", "signed off");
    CHECK(ui::changed_message(item, seen, now, Status::done, "2026-11-28", ui::Again::undo) ==
          "2 cost-at-scale changed elsewhere (its note); not undone");
  }

  TEST_CASE("only a sign-off needs the question")
  {
    ui::Seen seen{"cost-at-scale", blank(), Status::todo};
    CHECK_FALSE(ui::needs_question(seen));
    seen.entry.note = "a note on a todo item is kept by a check";
    CHECK_FALSE(ui::needs_question(seen));
    seen.entry = checked("A <a@b>", "2026-11-28T09:14:00Z");
    seen.status = Status::done;
    CHECK(ui::needs_question(seen));
    // An expired n/a shows as todo, but checking it replaces its reason.
    seen.entry.status = Status::na;
    seen.status = Status::todo;
    CHECK(ui::needs_question(seen));
  }

  TEST_CASE("the question names the note and keeps its end when cut to the width")
  {
    const Item item = item_numbered(3, "context-length");
    const ui::Seen seen{"context-length",
                        checked("Ada Lovelace <ada@example.org>", "2026-11-28T09:14:00Z",
                                "fits 128k with the longest contract"),
                        Status::done};
    CHECK(ui::sign_off_question(item, seen, "2026-11-28", 200, true) ==
          "uncheck 3 context-length (checked by Ada Lovelace at 09:14 UTC, note: fits 128k "
          "with the longest contract)? y/N");
    const std::string cut = ui::sign_off_question(item, seen, "2026-11-28", 60, true);
    CHECK(cut.starts_with("uncheck 3 context-length (checked by"));
    CHECK(cut.ends_with("…)? y/N"));
    CHECK(display_width(cut) == 60);
  }

  TEST_CASE("an expired n/a asks to check the item instead")
  {
    const Item item = item_numbered(2, "cost-at-scale");
    Entry na = checked("Ada Lovelace <ada@example.org>", "2026-01-02T09:14:00Z", "free tier");
    na.status = Status::na;
    const ui::Seen seen{"cost-at-scale", na, Status::todo};
    CHECK(ui::sign_off_question(item, seen, "2026-11-28", 200, true) ==
          "check 2 cost-at-scale, replacing its expired n/a (marked n/a by Ada Lovelace on "
          "2026-01-02, reason: free tier)? y/N");
  }
}

TEST_SUITE("ui_keys")
{
  TEST_CASE("help lists every key of the table, at 80 columns too")
  {
    const std::vector<ui::HelpLine> lines = ui::help_lines(80);
    std::string keys;
    for (const ui::HelpLine& line : lines) {
      keys += line.keys + ", ";
    }
    for (const ui::Binding& binding : ui::bindings()) {
      CHECK_MESSAGE(keys.find(ui::key_name(binding.key) + ",") != std::string::npos,
                    ui::key_name(binding.key));
    }
    CHECK(std::any_of(lines.begin(), lines.end(),
                      [](const ui::HelpLine& line) { return line.text.starts_with("Mouse:"); }));
  }

  TEST_CASE("n marks n/a, or moves to the next match while searching")
  {
    REQUIRE(ui::binding_for('n', false) != nullptr);
    CHECK(ui::binding_for('n', false)->request == ui::Request::not_applicable);
    CHECK(ui::binding_for('n', false)->item_only);
    CHECK(ui::binding_for('n', true)->request == ui::Request::next_match);
    CHECK(ui::binding_for('u', false)->request == ui::Request::undo);
  }

  TEST_CASE("a key of an item says so on a phase header")
  {
    CHECK(ui::item_only_message(*ui::binding_for('e', false)) ==
          "e: edit the item's note (one with control characters is offered cleaned); move to an "
          "item first");
  }
}

TEST_SUITE("ui_view")
{
  TEST_CASE("the search knows which match the cursor is on")
  {
    Project project;
    project.checklist = parse_checklist(k_checklist, "small.toml");
    ui::View view;
    view.load(project);
    view.rebuild(80);
    view.search("rollback");
    REQUIRE(view.matches().size() == 2);
    CHECK(view.match_position() == std::optional<std::size_t>(0));
    CHECK(view.next_match(true));
    CHECK(view.match_position() == std::optional<std::size_t>(1));
    view.go_to(0);
    CHECK_FALSE(view.match_position());
  }

  TEST_CASE("an expanded item starts with its full title, wrapped")
  {
    Project project;
    project.checklist = parse_checklist(k_checklist, "small.toml");
    ui::View view;
    view.load(project);
    view.set_expanded(0, true);
    view.rebuild(40);
    REQUIRE(view.rows().size() > 3);
    CHECK(view.rows()[2].kind == ui::Row::Kind::detail);
    CHECK(view.rows()[2].heading);
    std::string title;
    for (std::size_t r = 2; r < view.rows().size() && view.rows()[r].heading; ++r) {
      title += view.rows()[r].text.substr(4) + " ";
    }
    CHECK(title == project.checklist.items()[0].title + " ");
  }
}
