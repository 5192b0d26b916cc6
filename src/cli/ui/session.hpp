#pragma once
// A running `llmchecklist ui`: keys in, the view and the state file changed, frames out. Every
// key acts on what the screen showed: a write compares the item's record as shown with the
// file's, under the file's lock, and writes nothing when another process changed it meanwhile;
// undoing a sign-off asks first, and `u` undoes this session's changes. A state file that turns
// invalid or disappears stops every write until it reads again.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

#include "context.hpp"
#include "ui/display.hpp"
#include "ui/draw.hpp"
#include "ui/keys.hpp"
#include "ui/record.hpp"
#include "ui/view.hpp"

namespace llmchecklist::cli::ui {

/// What stat() says of the state file: a change in any of it means another writer (a `check` in
/// another shell, a second `ui`, a `git checkout`) changed the file.
struct Signature
{
  bool exists = false;
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  long long modified = 0;

  friend bool operator==(const Signature&, const Signature&) = default;
};

/// The signature of the file at `path` (exists = false when there is none).
Signature signature_of(const std::filesystem::path& path);

/// The interface's loop over one state file.
class Session
{
public:
  /// `view` holds the project as first read; the session keeps it current. `screen` is the
  /// terminal (ui::Screen), or a screen in memory that plays a script of keys in tests.
  Session(const Context& context, Display& screen, View& view);

  /// Runs until q or a stop signal.
  void run();

  void set_unicode(bool unicode) { m_unicode = unicode; }

private:
  enum class FileState
  {
    readable,
    invalid,
    missing,
  };

  bool dispatch(int key);
  bool act(Request request);
  bool watch();
  void reload();
  void relayout_if_resized();

  void say(std::string message, bool error = false);
  void say_error(std::string message) { say(std::move(message), true); }
  std::string today() const;
  std::string shown_path() const;

  std::optional<Seen> seen_for_write();
  bool refused();
  void require_file(const Project& project) const;
  bool write_item(const std::string& id, const Entry& expected, Again again,
                  const std::function<std::string(Project&, const Item&)>& change);
  void after_write();

  bool toggle();
  bool undo();
  bool not_applicable();
  bool edit_note();
  bool export_report();
  void search();
  bool next_match(bool forward);
  bool expand(Request request);
  void fold_phase(std::size_t phase, bool fold);
  bool mouse();
  void help();

  std::optional<std::string> ask(const std::string& prompt, std::string input,
                                 const std::function<void(const std::string&)>& typed = {});
  bool confirm(const std::string& question);

  const Context& m_context;
  Display& m_screen;
  View& m_view;
  std::filesystem::path m_path;
  Signature m_signature;
  /// Whether the state file existed at some point of the session: once it has, its
  /// disappearance stops writes instead of starting a new file on the built-in checklist.
  bool m_had_file = false;
  FileState m_file_state = FileState::readable;
  /// Why writes are refused (shown after every key while it holds); empty when they are not.
  std::string m_blocked;
  Footer m_footer;
  std::vector<Change> m_undo;
  bool m_quit = false;
  bool m_unicode = false;
  int m_width = -1;
};

} // namespace llmchecklist::cli::ui
