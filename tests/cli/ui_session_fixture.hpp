#pragma once
// What the tests of a running `llmchecklist ui` share (test_ui_session.cpp): a temporary project
// with a checklist of its own, a scripted screen, a real Session on them, and the file and the
// frames to compare afterwards.
//
//     UiSession ui;                      // item 1 done, the rest todo; 80x24
//     ui.screen.type("jjj ");            // to item 3, and check it
//     ui.run();
//     ui.screen.row(23)                  // "checked 3 context-length"
//     changed_lines(before, ui.file())   // the lines of item 3, before and after

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "context.hpp"
#include "llmchecklist/state.hpp"
#include "scripted_screen.hpp"

namespace llmchecklist::cli::ui {

/// The time every test runs at ($LLMCHECKLIST_NOW).
inline constexpr const char* k_test_now = "2026-11-28T12:00:00Z";

/// Sets an environment variable (nullopt: unsets it) for the life of the object, then puts the
/// old value back.
class ScopedEnv
{
public:
  ScopedEnv(const char* name, std::optional<std::string> value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
  const char* m_name;
  std::optional<std::string> m_old;
};

/// A file's bytes; throws std::runtime_error when it cannot be read.
std::string read_file(const std::filesystem::path& path);
/// Replaces a file's bytes; throws std::runtime_error when it cannot be written.
void write_file(const std::filesystem::path& path, const std::string& text);
/// The lines of a text, without their line feeds.
std::vector<std::string> lines_of(const std::string& text);
/// The lines that differ between two files, "< " before and "> " after, with what both share
/// at the start and the end left out (as `diff before after | grep '^[<>]'` shows one change).
std::string changed_lines(const std::string& before, const std::string& after);
/// Row `row` (0-based) of a frame kept by save_display(); empty past the last.
std::string line(const std::string& frame, int row);

/// A temporary directory, the working directory while the object lives, holding
/// checklist.toml (two phases: 1 quality-bar, 2 cost-at-scale, 3 context-length, 4 model-pin in
/// Build; 5 rate-limits, 6 fallback, 7 incident-response in Operate; "model" in the titles of
/// 3, 4 and 6) and .llmchecklist on it, whose item 1 Ada Lovelace checked at k_test_now, written
/// by the library; and a screen to script. run() runs a real Session on them, as
/// `llmchecklist --file .llmchecklist ui` in that directory would.
class UiSession
{
public:
  explicit UiSession(int rows = 24, int columns = 80);
  ~UiSession();
  UiSession(const UiSession&) = delete;
  UiSession& operator=(const UiSession&) = delete;

  /// Runs the session until the script ends; then the whole script must have been played,
  /// and nothing drawn past the right edge.
  void run();

  /// The state file's bytes.
  std::string file() const;
  /// Every frame save_display() kept, numbered: for a failing test's message.
  std::string saved_frames() const;

  /// A change made by another process (`llmchecklist check` in another shell): `status` done
  /// or na (with `note`), or todo to uncheck.
  void check_elsewhere(const std::string& id, Status status, const std::string& by,
                       const std::string& at, const std::string& note = {});

  // The same for every test: a fixed clock, and who checks (git's answer from the
  // environment, whatever the machine's configuration).
  ScopedEnv now{"LLMCHECKLIST_NOW", k_test_now};
  ScopedEnv name{"GIT_COMMITTER_NAME", "Ada Lovelace"};
  ScopedEnv email{"GIT_COMMITTER_EMAIL", "ada@example.org"};
  ScopedEnv no_system{"GIT_CONFIG_NOSYSTEM", "1"};
  ScopedEnv global{"GIT_CONFIG_GLOBAL", "/dev/null"};
  ScopedEnv file_env{"LLMCHECKLIST_FILE", std::nullopt};
  ScopedEnv lock_env{"LLMCHECKLIST_LOCK_TIMEOUT", std::nullopt};
  // Nothing in the user's cache of compiled checklists (chosen once per process, so that a
  // directory of each test's own would not do).
  ScopedEnv no_cache{"LLMCHECKLIST_NO_CACHE", "1"};

  std::filesystem::path dir;
  /// The state file, absolute.
  std::filesystem::path state;
  Context context;
  ScriptedScreen screen;
  /// Whether the session draws with Unicode (bars of blocks, folds as triangles).
  bool unicode = false;

private:
  std::filesystem::path m_previous_directory;
};

} // namespace llmchecklist::cli::ui

/// On a failure, the last frame and every saved one, printed whole.
#define SHOW_SCREENS(ui)                                                                           \
  INFO((ui).screen.dump());                                                                        \
  INFO((ui).saved_frames())
