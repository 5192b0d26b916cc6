// `llmchecklist ui` without a terminal: a real Session on a real state file in a temporary
// directory, keys from a script (scripted_screen.hpp), and the frames it shows and the file it
// leaves asserted exactly (ui_session_fixture.hpp sets them up). The tmux tests
// (tests/e2e/test_ui.sh) prove the real terminal: resize, mouse, signals, restore on exit.

#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "ui/draw.hpp"
#include "ui/keys.hpp"
#include "ui_session_fixture.hpp"

using namespace llmchecklist;
using namespace llmchecklist::cli::ui;

namespace fs = std::filesystem;

TEST_SUITE("ui_session")
{
  TEST_CASE("the first screen shows the title, the counts, the items with their marks and the "
            "keys")
  {
    UiSession ui;
    SHOW_SCREENS(ui);
    const std::string before = ui.file();
    ui.run();
    CHECK(ui.screen.row(0) == "Launch Checklist 1");
    CHECK(ui.screen.row(1) == "[####..........................]  14 %  1 done, 0 n/a, 6 todo");
    CHECK(ui.screen.row(2) ==
          "- Build                                             [####............]  25 % 1/4");
    CHECK(ui.screen.row(3) ==
          "  [x] 1 Set a measurable quality bar                                required");
    CHECK(ui.screen.row(4) ==
          "  [ ] 2 Forecast the cost per request at scale                      recommended");
    CHECK(ui.screen.row(7) ==
          "- Operate                                           [................]   0 % 0/3");
    CHECK(ui.screen.row(10) ==
          "  [ ] 7 Write the incident response plan                            required");
    CHECK(ui.screen.row(11).empty());
    // The cursor starts on the first phase's header, where Space and Enter fold.
    CHECK(ui.screen.cursor_row() == 2);
    CHECK(ui.screen.row(23) ==
          "Space/Enter fold  u undo  / search  f filter:all  E export  ? help  q quit");
    CHECK(ui.screen.style(0, 0) == Style::bar);
    CHECK(ui.screen.style(3, 2) == Style::done);
    CHECK(ui.screen.style(4, 2) == Style::todo);
    CHECK(ui.screen.text_cursor_row() == -1);
    // Nothing is written by looking.
    CHECK(ui.file() == before);
  }

  TEST_CASE("moving and checking one item writes exactly that item")
  {
    UiSession ui;
    SHOW_SCREENS(ui);
    const std::string before = ui.file();
    ui.screen.type("jjj").save_display().press(' ');
    ui.run();
    CHECK(line(ui.screen.saved().at(0), 23) ==
          "Space check  n n/a  e note  u undo  Enter details  / search  ? help  q quit");
    CHECK(ui.screen.cursor_row() == 5);
    CHECK(ui.screen.row(5) ==
          "  [x] 3 Check that long inputs fit the model's context              required");
    CHECK(ui.screen.row(1) == "[########......................]  28 %  2 done, 0 n/a, 5 todo");
    CHECK(ui.screen.row(2).ends_with(" 50 % 2/4"));
    CHECK(ui.screen.row(23) == "checked 3 context-length");
    CHECK(changed_lines(before, ui.file()) == "< status = \"todo\"\n"
                                              "> status = \"done\"\n"
                                              "> revision = 1\n"
                                              "> by = \"Ada Lovelace <ada@example.org>\"\n"
                                              "> at = 2026-11-28T12:00:00Z\n");
    CHECK(ui.file().find("[items.context-length]\nstatus = \"done\"") != std::string::npos);
  }

  TEST_CASE("Space on a done item asks first, and only y unchecks it")
  {
    UiSession ui;
    SHOW_SCREENS(ui);
    const std::string before = ui.file();
    std::string after_no;
    ui.screen.type("j ").save_display().press('n').then([&] { after_no = ui.file(); });
    ui.screen.type(" ").press(k_key_escape).type(" ").save_display().press('y');
    ui.run();
    const std::vector<std::string>& saved = ui.screen.saved();
    REQUIRE(saved.size() == 2);
    CHECK(line(saved[0], 23) ==
          "uncheck 1 quality-bar (checked by Ada Lovelace at 12:00 UTC)? y/N");
    // The question keeps the row as it was.
    CHECK(line(saved[0], 3).starts_with("  [x] 1 Set a measurable quality bar"));
    CHECK(after_no == before);
    // Esc is no too: the question comes again, and y unchecks.
    CHECK(line(saved[1], 23) == line(saved[0], 23));
    CHECK(ui.screen.row(23) == "unchecked 1 quality-bar (u undoes it)");
    CHECK(ui.screen.row(3).starts_with("  [ ] 1 Set a measurable quality bar"));
    CHECK(changed_lines(before, ui.file()) == "< status = \"done\"\n"
                                              "< revision = 1\n"
                                              "< by = \"Ada Lovelace <ada@example.org>\"\n"
                                              "< at = 2026-11-28T12:00:00Z\n"
                                              "> status = \"todo\"\n");
  }

  TEST_CASE("n asks a reason then an expiry date, and Esc at either writes nothing")
  {
    UiSession ui;
    SHOW_SCREENS(ui);
    const std::string before = ui.file();
    std::vector<std::string> files;
    const auto keep_file = [&] { files.push_back(ui.file()); };
    // Esc while the reason is typed.
    ui.screen.type("jjn").save_display().type("no costs").save_display();
    // The text cursor stands after what is typed.
    int cursor_row = -1;
    int cursor_column = -1;
    ui.screen.then([&] {
      cursor_row = ui.screen.text_cursor_row();
      cursor_column = ui.screen.text_cursor_column();
    });
    ui.screen.press(k_key_escape);
    ui.screen.save_display().then(keep_file);
    // Esc at the expiry date.
    ui.screen.type("nthe free tier covers us").press(k_key_enter).save_display();
    ui.screen.press(k_key_escape).save_display().then(keep_file);
    // An empty reason is refused, as on the command line.
    ui.screen.press('n').press(k_key_enter).save_display().then(keep_file);
    // Both answered.
    ui.screen.type("nthe free tier covers us").press(k_key_enter).type("2027-03-31");
    ui.screen.press(k_key_enter);
    ui.run();
    const std::vector<std::string>& saved = ui.screen.saved();
    REQUIRE(saved.size() == 6);
    CHECK(line(saved[0], 23) == "Not applicable because (Esc cancels):");
    CHECK(line(saved[1], 23) == "Not applicable because (Esc cancels): no costs");
    CHECK(cursor_row == 23);
    CHECK(cursor_column == 46);
    CHECK(line(saved[2], 23) == "cancelled: nothing written");
    CHECK(line(saved[3], 23) == "Until (YYYY-MM-DD, empty: no expiry; Esc cancels):");
    CHECK(line(saved[4], 23) == "cancelled: nothing written");
    CHECK(line(saved[5], 23).find("needs a reason") != std::string::npos);
    REQUIRE(files.size() == 3);
    for (const std::string& file : files) {
      CHECK(file == before);
    }
    CHECK(ui.screen.row(23) == "n/a 2 cost-at-scale until 2027-03-31");
    CHECK(ui.screen.row(4) ==
          "  [-] 2 Forecast the cost per request at ...  recommended [n/a until 2027-03-31]");
    CHECK(ui.screen.row(1) == "[#####.........................]  16 %  1 done, 1 n/a, 5 todo");
    CHECK(changed_lines(before, ui.file()) == "< status = \"todo\"\n"
                                              "> status = \"na\"\n"
                                              "> revision = 1\n"
                                              "> by = \"Ada Lovelace <ada@example.org>\"\n"
                                              "> at = 2026-11-28T12:00:00Z\n"
                                              "> note = \"the free tier covers us\"\n"
                                              "> until = 2027-03-31\n");
  }

  TEST_CASE("a search shows which match of how many, and n and N move between them")
  {
    UiSession ui;
    SHOW_SCREENS(ui);
    // "model" is in the titles of items 3, 4 and 6.
    ui.screen.press('/').type("mod").save_display().type("el").press(k_key_enter).save_display();
    ui.screen.press('n').save_display().press('n').save_display().press('N').save_display();
    ui.screen.press(k_key_escape);
    ui.run();
    const std::vector<std::string>& saved = ui.screen.saved();
    REQUIRE(saved.size() == 5);
    // As it is typed, the cursor goes to the first match.
    CHECK(line(saved[0], 23) == "/mod");
    CHECK(line(saved[1], 23).starts_with("/model  1 of 3  n next  N prev"));
    CHECK(line(saved[1], 5).starts_with("  [ ] 3 Check that long inputs"));
    CHECK(line(saved[2], 23).starts_with("/model  2 of 3  n next  N prev"));
    CHECK(line(saved[3], 23).starts_with("/model  3 of 3  n next  N prev"));
    CHECK(line(saved[4], 23).starts_with("/model  2 of 3  n next  N prev"));
    // Esc ends the search; the cursor stays on the match.
    CHECK(ui.screen.row(23) ==
          "Space check  n n/a  e note  u undo  Enter details  / search  ? help  q quit");
    CHECK(ui.screen.cursor_row() == 6);
  }

  TEST_CASE("the search highlights the matches it does not stand on")
  {
    UiSession ui;
    SHOW_SCREENS(ui);
    int cursor = -1;
    ui.screen.press('/').type("model").press(k_key_enter).then([&] {
      cursor = ui.screen.cursor_row();
      CHECK(ui.screen.style(6, 8) == Style::bold);
      CHECK(ui.screen.style(9, 8) == Style::bold);
      CHECK(ui.screen.style(4, 8) == Style::normal);
    });
    ui.run();
    CHECK(cursor == 5);
  }

  TEST_CASE("f shows all, todo, done, n/a and stale items in turn")
  {
    UiSession ui;
    SHOW_SCREENS(ui);
    for (int i = 0; i < 5; ++i) {
      ui.screen.press('f').save_display();
    }
    ui.run();
    const std::vector<std::string>& saved = ui.screen.saved();
    REQUIRE(saved.size() == 5);
    CHECK(line(saved[0], 23) == "showing todo items");
    CHECK(saved[0].find("[x]") == std::string::npos);
    CHECK(line(saved[0], 3).starts_with("  [ ] 2 Forecast the cost"));
    CHECK(line(saved[1], 23) == "showing done items");
    CHECK(line(saved[1], 3).starts_with("  [x] 1 Set a measurable quality bar"));
    CHECK(saved[1].find("[ ]") == std::string::npos);
    CHECK(line(saved[2], 23) == "showing n/a items");
    CHECK(line(saved[2], 2) == "  no n/a items");
    CHECK(line(saved[3], 23) == "showing stale items");
    CHECK(line(saved[3], 2) == "  no stale items");
    CHECK(line(saved[4], 23) == "showing all items");
    CHECK(line(saved[4], 10).starts_with("  [ ] 7 Write the incident response plan"));
  }

  TEST_CASE("? shows every key, scrolls to the last, and q closes it without quitting")
  {
    UiSession ui;
    SHOW_SCREENS(ui);
    ui.screen.press('?').save_display().press('G').save_display().press('k').save_display();
    ui.screen.press('g').save_display().press('q').type("jj");
    ui.run();
    const std::vector<std::string>& saved = ui.screen.saved();
    REQUIRE(saved.size() == 4);
    const std::vector<HelpLine> help = help_lines(80);
    const std::size_t total = help.size();
    // 21 rows of lines at 80x24: more than fit, so the footer says where they are.
    REQUIRE(total > 21);
    CHECK(line(saved[0], 0) == "Keys of llmchecklist ui");
    CHECK(line(saved[0], 2) == " j, Down            move down");
    CHECK(line(saved[0], 23) ==
          "lines 1-21 of " + std::to_string(total) + "  j/k, PgDn/PgUp scroll  q, Esc or ? closes");
    CHECK(line(saved[1], 23) == "lines " + std::to_string(total - 20) + "-" +
                                    std::to_string(total) + " of " + std::to_string(total) +
                                    "  j/k, PgDn/PgUp scroll  q, Esc or ? closes");
    CHECK(line(saved[1], 22).starts_with(" Mouse: a click on a mark checks"));
    CHECK(line(saved[2], 23)
              .starts_with("lines " + std::to_string(total - 21) + "-" + std::to_string(total - 1) +
                           " of "));
    CHECK(line(saved[3], 2) == line(saved[0], 2));
    // Every key of the table is on one of the two pages.
    for (const HelpLine& help_line : help) {
      if (!help_line.keys.empty()) {
        CHECK_MESSAGE((saved[0].find(help_line.keys) != std::string::npos ||
                       saved[1].find(help_line.keys) != std::string::npos),
                      help_line.keys);
      }
    }
    // q closed help only: j moved in the list afterwards.
    CHECK(ui.screen.row(0) == "Launch Checklist 1");
    CHECK(ui.screen.cursor_row() == 4);
  }

  TEST_CASE("u undoes this session's changes one after another")
  {
    UiSession ui;
    SHOW_SCREENS(ui);
    const std::string before = ui.file();
    ui.screen.type("jjj j ").save_display().press('u').save_display().press('u').save_display();
    ui.screen.press('u');
    ui.run();
    const std::vector<std::string>& saved = ui.screen.saved();
    REQUIRE(saved.size() == 3);
    CHECK(line(saved[0], 23) == "checked 4 model-pin");
    CHECK(line(saved[0], 1).find("3 done") != std::string::npos);
    CHECK(line(saved[1], 23) == "undone: 4 model-pin is unchecked again");
    CHECK(line(saved[1], 6).starts_with("  [ ] 4 Pin the model version"));
    CHECK(line(saved[2], 23) == "undone: 3 context-length is unchecked again");
    CHECK(ui.screen.row(23) == "nothing to undo: no change made in this session");
    CHECK(ui.file() == before);
  }

  TEST_CASE("a key on an item changed elsewhere since the frame writes nothing and says who")
  {
    // Wide enough for the whole message.
    UiSession ui(24, 120);
    SHOW_SCREENS(ui);
    std::string changed;
    const auto grace_checks = [&] {
      ui.check_elsewhere("context-length", Status::done, "Grace Hopper <grace@example.org>",
                         "2026-11-28T12:05:00Z", "load test #12");
      changed = ui.file();
    };

    SUBCASE("Space")
    {
      // Between the frame and the key: the frame still shows item 3 todo.
      ui.screen.type("jjj").then(grace_checks).save_display().press(' ');
      ui.run();
      REQUIRE(ui.screen.saved().size() == 1);
      CHECK(line(ui.screen.saved()[0], 5).starts_with("  [ ] 3 Check"));
      CHECK(ui.screen.row(23) ==
            "3 context-length was checked by Grace Hopper at 12:05 UTC; press again to uncheck");
      CHECK(ui.screen.style(23, 0) == Style::error);
      // The screen shows the file as it is now, and the key wrote nothing.
      CHECK(ui.screen.row(5).starts_with("  [x] 3 Check"));
      CHECK(ui.file() == changed);
    }

    SUBCASE("an answer given after the item changed")
    {
      ui.screen.type("jjjnno longer needed").press(k_key_enter).then(grace_checks);
      ui.screen.press(k_key_enter);
      ui.run();
      CHECK(ui.screen.row(23) == "3 context-length was checked by Grace Hopper at 12:05 UTC; "
                                 "nothing written; press n again to mark it n/a");
      CHECK(ui.file() == changed);
    }
  }

  TEST_CASE("a check made elsewhere shows when the session next looks at the file")
  {
    UiSession ui;
    SHOW_SCREENS(ui);
    ui.screen.then([&] {
      ui.check_elsewhere("rate-limits", Status::done, "Grace Hopper <grace@example.org>",
                         "2026-11-28T12:05:00Z");
    });
    ui.screen.wait();
    ui.run();
    CHECK(ui.screen.row(8).starts_with("  [x] 5 Respect the provider's rate limits"));
    CHECK(ui.screen.row(1) == "[########......................]  28 %  2 done, 0 n/a, 5 todo");
  }

  TEST_CASE("a state file removed while open shows no state file and writes nothing")
  {
    UiSession ui(24, 120);
    SHOW_SCREENS(ui);
    std::string kept;
    bool exists_after_key = true;
    ui.screen.then([&] {
      kept = ui.file();
      fs::remove(ui.state);
    });
    ui.screen.wait().save_display().type("jjj ").save_display();
    ui.screen.then([&] {
      exists_after_key = fs::exists(ui.state);
      write_file(ui.state, kept);
    });
    ui.screen.wait().save_display().press(' ');
    ui.run();
    const std::vector<std::string>& saved = ui.screen.saved();
    REQUIRE(saved.size() == 3);
    CHECK(line(saved[0], 23) ==
          "no state file: .llmchecklist was removed; nothing is written until it is back");
    // The last checklist read stays on screen.
    CHECK(line(saved[0], 3).starts_with("  [x] 1 Set a measurable quality bar"));
    CHECK(line(saved[1], 23) == "nothing written: no state file; git checkout -- .llmchecklist "
                                "(or llmchecklist init) brings it back");
    CHECK(line(saved[1], 5).starts_with("  [ ] 3 Check"));
    CHECK_FALSE(exists_after_key);
    // Back: read again, and writes work again.
    CHECK(line(saved[2], 23) == ".llmchecklist is back: read again");
    CHECK(ui.screen.row(23) == "checked 3 context-length");
  }

  TEST_CASE("a resize lays the screen out again at 40x15")
  {
    UiSession ui;
    SHOW_SCREENS(ui);
    ui.screen.type("jj").resize(15, 40).save_display().press(' ');
    ui.run();
    REQUIRE(ui.screen.saved().size() == 1);
    const std::string& small = ui.screen.saved()[0];
    CHECK(lines_of(small).size() == 15);
    CHECK(line(small, 0) == "Launch Checklist 1");
    CHECK(line(small, 1) == "[#......]  14 %  1 done, 0 n/a, 6 todo");
    CHECK(line(small, 2) == "- Build               [#.....]  25 % 1/4");
    // Titles cut to the width, severities short.
    CHECK(line(small, 3).starts_with("  [x] 1 Set a measurable quality..."));
    CHECK(line(small, 3).ends_with(" req"));
    CHECK(line(small, 6) == "  [ ] 4 Pin the model version       req");
    CHECK(line(small, 9).ends_with(" rec"));
    CHECK(line(small, 14) == "Space check  n n/a  ? help  q quit");
    // The cursor stayed on the item, and keys act on it.
    CHECK(ui.screen.cursor_row() == 4);
    CHECK(ui.screen.row(4).starts_with("  [x] 2 Forecast the cost"));
    CHECK(ui.screen.row(14) == "checked 2 cost-at-scale");
    CHECK(ui.screen.rows() == 15);
    CHECK(ui.screen.columns() == 40);
  }

  TEST_CASE("a click on a mark checks the item, and on a title expands it")
  {
    UiSession ui;
    SHOW_SCREENS(ui);
    const std::string before = ui.file();
    ui.screen.mouse_at(5, 3).save_display().mouse_at(6, 12);
    ui.run();
    REQUIRE(ui.screen.saved().size() == 1);
    CHECK(line(ui.screen.saved()[0], 5).starts_with("  [x] 3 Check"));
    CHECK(
        changed_lines(before, ui.file()).starts_with("< status = \"todo\"\n> status = \"done\"\n"));
    CHECK(ui.screen.text().find("Done when:") != std::string::npos);
    CHECK(ui.screen.text().find("The version is pinned.") != std::string::npos);
  }

  TEST_CASE("with Unicode the bars are blocks and a phase's fold is a triangle")
  {
    UiSession ui;
    SHOW_SCREENS(ui);
    ui.unicode = true;
    ui.screen.press(' ');
    ui.run();
    // A column per code point, as the layout counts them.
    CHECK(ui.screen.row(1) == "████░░░░░░░░░░░░░░░░░░░░░░░░░░  14 %  1 done, 0 n/a, 6 todo");
    CHECK(ui.screen.row(2).starts_with("▸ Build"));
    CHECK(ui.screen.row(2).ends_with("████░░░░░░░░░░░░  25 % 1/4"));
    // Folded: the next phase follows at once.
    CHECK(ui.screen.row(3).starts_with("▾ Operate"));
    CHECK(ui.screen.row(23) == "folded phase 1 Build: Space or Enter unfolds it");
  }
}
