#include "ui/session.hpp"

#include <algorithm>
#include <sys/stat.h>

#include <fmt/format.h>

#include "formats.hpp"
#include "llmchecklist/entry_rules.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/report_output.hpp"
#include "llmchecklist/text.hpp"
#include "terminal.hpp"

namespace llmchecklist::cli::ui {
namespace {

// How often the state file is looked at for changes made elsewhere, and how long a key is
// waited for: changes show within a second.
constexpr int k_poll_ms = 250;

// Why a key wrote nothing: the record is not the one on screen, or the file is gone. Thrown
// inside update_project()'s change, so that nothing is written and the lock is let go.
struct Refusal
{
  std::string message;
};

// Removes the last UTF-8 character of `text`.
void erase_last(std::string& text)
{
  while (!text.empty()) {
    const auto byte = static_cast<unsigned char>(text.back());
    text.pop_back();
    if ((byte & 0xC0) != 0x80) {
      return;
    }
  }
}

// A path as one would type it here: relative to the working directory when it is below it.
std::string display_path(const std::filesystem::path& path)
{
  if (!path.is_absolute()) {
    return path.string();
  }
  std::error_code ec;
  const std::filesystem::path relative = std::filesystem::proximate(path, ec);
  if (ec || relative.empty() || *relative.begin() == "..") {
    return path.string();
  }
  return relative.string();
}

// An error for the footer. A DataError keeps its place, first ("path:line:col: message"), so
// that cutting the line to the width keeps it.
std::string shown_error(const Error& error)
{
  if (const auto* data = dynamic_cast<const DataError*>(&error)) {
    SourceLocation location = data->location();
    location.path = display_path(location.path);
    return printable(located_message(location, error.what()));
  }
  return printable(error.what());
}

// The item `id` in a freshly read project.
const Item& item_in(const Project& project, const std::string& id)
{
  const std::size_t index = project.checklist.find_item(id);
  if (index == Checklist::npos) {
    throw LookupError(fmt::format("the checklist no longer has item '{}'", id), {});
  }
  return project.checklist.items()[index];
}

} // namespace

Signature signature_of(const std::filesystem::path& path)
{
  struct stat info
  {
  };
  if (::stat(path.c_str(), &info) != 0) {
    return {};
  }
  return Signature{true, info.st_dev, info.st_ino, info.st_size,
                   static_cast<long long>(info.st_mtim.tv_sec) * 1'000'000'000LL +
                       info.st_mtim.tv_nsec};
}

Session::Session(const Context& context, Display& screen, View& view)
    : m_context(context), m_screen(screen), m_view(view), m_path(context.state_path()),
      m_signature(signature_of(m_path)), m_had_file(m_signature.exists)
{
}

void Session::run()
{
  bool rebuild = true;
  for (;;) {
    if (m_width != m_screen.columns()) {
      m_width = m_screen.columns();
      rebuild = true;
    }
    if (rebuild) {
      m_view.rebuild(m_width);
      rebuild = false;
    }
    draw(m_screen, m_view, m_footer, m_unicode);
    const int key = m_screen.read_key(k_poll_ms);
    if (m_screen.stop_signal() != 0) {
      return;
    }
    if (key != k_key_none && key != k_key_resize) {
      // A message stays until the next key; why writes are refused stays while it holds.
      m_footer.message = m_blocked;
      m_footer.error = !m_blocked.empty();
      // The key acts on the frame the user saw, not on one read since: a write compares that
      // frame's record with the file's under the lock. The file is looked at right after.
      rebuild = dispatch(key) || rebuild;
      if (m_quit) {
        return;
      }
    }
    if (watch()) {
      rebuild = true;
    }
  }
}

bool Session::dispatch(int key)
{
  if (key == k_key_mouse) {
    return mouse();
  }
  if (key == k_key_escape && !m_view.query().empty()) {
    m_view.end_search();
    return false;
  }
  const Binding* binding = binding_for(key, !m_view.query().empty());
  if (binding == nullptr) {
    return false;
  }
  if (binding->item_only && !m_view.current_item()) {
    say(item_only_message(*binding));
    return false;
  }
  return act(binding->request);
}

// Does what a request asks; true when the rows must be laid out again.
bool Session::act(Request request)
{
  const int page = std::max(m_screen.rows() - k_header_rows - k_footer_rows - 1, 1);
  switch (request) {
  case Request::up:
    m_view.move(-1);
    return false;
  case Request::down:
    m_view.move(1);
    return false;
  case Request::page_up:
    m_view.move(-page);
    return false;
  case Request::page_down:
    m_view.move(page);
    return false;
  case Request::first:
    m_view.go_to(0);
    return false;
  case Request::last:
    m_view.go_to(m_view.rows().empty() ? 0 : m_view.rows().size() - 1);
    return false;
  case Request::toggle:
    return toggle();
  case Request::undo:
    return undo();
  case Request::not_applicable:
    return not_applicable();
  case Request::edit_note:
    return edit_note();
  case Request::expand:
  case Request::fold:
  case Request::expand_or_fold:
    return expand(request);
  case Request::next_phase: {
    const std::size_t phases = m_view.project().checklist.phases().size();
    m_view.go_to_phase(phases == 0 ? 0 : (m_view.current_phase() + 1) % phases);
    return false;
  }
  case Request::phase_1:
  case Request::phase_2:
  case Request::phase_3:
  case Request::phase_4:
  case Request::phase_5:
  case Request::phase_6:
    m_view.go_to_phase(
        static_cast<std::size_t>(static_cast<int>(request) - static_cast<int>(Request::phase_1)));
    return false;
  case Request::search:
    search();
    return false;
  case Request::next_match:
  case Request::previous_match:
    return next_match(request == Request::next_match);
  case Request::filter:
    m_view.filter = static_cast<Filter>((static_cast<int>(m_view.filter) + 1) % 5);
    say(fmt::format("showing {} items", to_string(m_view.filter)));
    return true;
  case Request::export_report:
    return export_report();
  case Request::help:
    help();
    return false;
  case Request::quit:
    m_quit = true;
    return false;
  }
  return false;
}

void Session::say(std::string message, bool error)
{
  m_footer.message = std::move(message);
  m_footer.error = error;
}

std::string Session::today() const
{
  return m_context.now().substr(0, 10);
}

std::string Session::shown_path() const
{
  return display_path(m_path);
}

void Session::relayout_if_resized()
{
  if (m_screen.columns() != m_width) {
    m_width = m_screen.columns();
    m_view.rebuild(m_width);
  }
}

// Looks for a change made elsewhere; true when the view was reloaded.
bool Session::watch()
{
  const Signature now = signature_of(m_path);
  if (now == m_signature) {
    return false;
  }
  m_signature = now;
  reload();
  return true;
}

void Session::reload()
{
  std::error_code ec;
  const bool exists = std::filesystem::exists(m_path, ec);
  const auto missing = [&] {
    // Never the built-in checklist instead: the last checklist read stays on screen, and
    // nothing is written (update_project() would start a new file) until the file is back.
    if (m_file_state != FileState::missing) {
      m_file_state = FileState::missing;
      m_blocked = fmt::format("no state file: {} was removed; nothing is written until it is back",
                              shown_path());
      say_error(m_blocked);
    }
  };
  if (!exists && m_had_file) {
    missing();
    return;
  }
  try {
    Project project = m_context.open();
    if (!project.exists && m_had_file) {
      missing();
      return;
    }
    m_had_file = m_had_file || project.exists;
    m_view.load(std::move(project));
    if (m_file_state == FileState::invalid) {
      say("the state file is valid again");
    } else if (m_file_state == FileState::missing) {
      say(fmt::format("{} is back: read again", shown_path()));
    }
    m_file_state = FileState::readable;
    m_blocked.clear();
  } catch (const Error& error) {
    // Shown, never overwritten: nothing is written until the file reads again.
    m_file_state = FileState::invalid;
    m_blocked =
        fmt::format("nothing is written until {} is fixed: {}", shown_path(), shown_error(error));
    say_error(m_blocked);
  }
}

// The record the screen shows of the item under the cursor; nullopt on a phase's row, or when
// writes are refused: refused before any question, so that no answer is asked for in vain.
std::optional<Seen> Session::seen_for_write()
{
  const std::optional<std::size_t> index = m_view.current_item();
  if (!index || refused()) {
    return std::nullopt;
  }
  const Project& project = m_view.project();
  const Item& shown = project.checklist.items()[*index];
  return Seen{shown.id, record_of(project.state, shown), status_of(project.state, shown)};
}

// Whether writes are refused now (and says why).
bool Session::refused()
{
  if (m_file_state == FileState::missing) {
    say_error(fmt::format("nothing written: no state file; git checkout -- {} (or llmchecklist "
                          "init) brings it back",
                          shown_path()));
    return true;
  }
  if (!m_blocked.empty()) {
    say_error(m_blocked);
    return true;
  }
  return false;
}

// Under the lock: a file removed since it was last read is not started anew from the UI.
void Session::require_file(const Project& project) const
{
  if (!project.exists && m_had_file) {
    throw Refusal{fmt::format("nothing written: {0} was removed; git checkout -- {0} (or "
                              "llmchecklist init) brings it back",
                              shown_path())};
  }
}

// One read-modify-write of item `id`'s record under the state file's lock, when the file still
// holds `expected`, the record the screen showed (for an undo, the record this session wrote:
// never a change made elsewhere since is undone); then the view from what the file holds.
// `change` returns the footer's message.
bool Session::write_item(const std::string& id, const Entry& expected, Again again,
                         const std::function<std::string(Project&, const Item&)>& change)
{
  if (refused()) {
    return false;
  }
  const std::string day = today();
  std::string message;
  std::optional<Change> made;
  try {
    update_project(
        m_path,
        [&](Project& project) {
          require_file(project);
          project.state.as_of = day;
          const Item& item = item_in(project, id);
          const Entry now = record_of(project.state, item);
          if (!same_record(now, expected)) {
            throw Refusal{
                changed_message(item, expected, now, status_of(project.state, item), day, again)};
          }
          message = change(project, item);
          made = Change{item.id, now, record_of(project.state, item)};
        },
        m_context.settings());
    if (again == Again::undo) {
      m_undo.pop_back();
    } else if (made && !same_record(made->before, made->after)) {
      m_undo.push_back(std::move(*made));
    }
    say(message);
  } catch (const Refusal& refusal) {
    if (again == Again::undo) {
      m_undo.pop_back();
    }
    say_error(refusal.message);
  } catch (const Error& error) {
    // An undo that failed for a reason of its own (a lock held too long) stays to be tried again.
    say_error(shown_error(error));
  }
  after_write();
  return true;
}

void Session::after_write()
{
  m_signature = signature_of(m_path);
  reload();
}

bool Session::toggle()
{
  const std::optional<std::size_t> index = m_view.current_item();
  if (!index) {
    const std::size_t phase = m_view.current_phase();
    fold_phase(phase, !m_view.folded(phase));
    return true;
  }
  const std::optional<Seen> seen = seen_for_write();
  if (!seen) {
    return false;
  }
  const Item& shown = m_view.project().checklist.items()[*index];
  // A sign-off (who, when, a note or a reason) is never erased by one key.
  if (needs_question(*seen) &&
      !confirm(sign_off_question(shown, *seen, today(),
                                 static_cast<std::size_t>(std::max(m_screen.columns() - 1, 20)),
                                 m_unicode))) {
    say(fmt::format("kept {} {}: nothing written", shown.number, shown.id));
    return false;
  }
  const Mark mark = m_context.mark("");
  return write_item(seen->id, seen->entry, Again::toggle, [&](Project& project, const Item& item) {
    if (status_of(project.state, item) == Status::todo) {
      // A note written before checking (with e) is the evidence: checking keeps it. An expired
      // n/a's reason is not, and goes (the question said so).
      Mark checked = mark;
      if (const Entry* entry = project.state.find(item.id);
          entry != nullptr && entry->status == Status::todo) {
        checked.note = entry->note;
      }
      check_item(project.state, item, Status::done, checked);
      return fmt::format("checked {} {}", item.number, item.id);
    }
    uncheck_item(project.state, item);
    return fmt::format("unchecked {} {} (u undoes it)", item.number, item.id);
  });
}

bool Session::undo()
{
  if (m_undo.empty()) {
    say("nothing to undo: no change made in this session");
    return false;
  }
  const Change change = m_undo.back();
  const std::string day = today();
  return write_item(change.id, change.after, Again::undo, [&](Project& project, const Item& item) {
    project.state.entry(item.id) = change.before;
    return fmt::format("undone: {} {} is {} again", item.number, item.id,
                       describe_record(change.before, day));
  });
}

// Asks for a line in the footer; nullopt when Esc cancels. `typed` sees every change.
std::optional<std::string> Session::ask(const std::string& prompt, std::string input,
                                        const std::function<void(const std::string&)>& typed)
{
  m_footer.prompt = prompt;
  m_footer.input = std::move(input);
  m_footer.message.clear();
  std::optional<std::string> answer;
  for (;;) {
    relayout_if_resized();
    draw(m_screen, m_view, m_footer, m_unicode);
    const int key = m_screen.read_key(k_poll_ms);
    if (m_screen.stop_signal() != 0 || key == k_key_escape) {
      break;
    }
    if (key == k_key_enter) {
      answer = m_footer.input;
      break;
    }
    if (key == k_key_backspace) {
      erase_last(m_footer.input);
    } else if (key >= 0x20 && key < 0x110000 && key != 0x7f && !(key >= 0x80 && key < 0xa0)) {
      append_utf8(m_footer.input, static_cast<char32_t>(key));
    } else {
      continue;
    }
    if (typed) {
      typed(m_footer.input);
    }
  }
  m_footer.prompt.clear();
  m_footer.input.clear();
  return answer;
}

// Asks a y/N question in the footer: only y (or Y) is yes.
bool Session::confirm(const std::string& question)
{
  m_footer.prompt = question;
  m_footer.input.clear();
  m_footer.message.clear();
  bool yes = false;
  for (;;) {
    relayout_if_resized();
    draw(m_screen, m_view, m_footer, m_unicode);
    const int key = m_screen.read_key(k_poll_ms);
    if (m_screen.stop_signal() != 0) {
      break;
    }
    if (key == k_key_none || key == k_key_resize) {
      continue;
    }
    yes = key == 'y' || key == 'Y';
    break;
  }
  m_footer.prompt.clear();
  return yes;
}

bool Session::not_applicable()
{
  const std::optional<Seen> seen = seen_for_write();
  if (!seen) {
    return false;
  }
  const std::optional<std::string> reason = ask("Not applicable because (Esc cancels): ", "");
  if (!reason) {
    say("cancelled: nothing written");
    return false;
  }
  try {
    const std::string& note = *reason;
    require_reason(note, "marking an item not applicable");
    const std::optional<std::string> until =
        ask("Until (YYYY-MM-DD, empty: no expiry; Esc cancels): ", "");
    if (!until) {
      say("cancelled: nothing written");
      return false;
    }
    Mark mark = m_context.mark(note);
    if (!until->empty()) {
      try {
        require_until(*until, today(), "the expiry date");
        mark.until = *until;
      } catch (const UsageError& error) {
        throw UsageError(fmt::format("{}: nothing written", error.what()));
      }
    }
    return write_item(
        seen->id, seen->entry, Again::not_applicable, [&](Project& project, const Item& item) {
          check_item(project.state, item, Status::na, mark);
          return mark.until.empty()
                     ? fmt::format("n/a {} {}", item.number, item.id)
                     : fmt::format("n/a {} {} until {}", item.number, item.id, mark.until);
        });
  } catch (const Error& error) {
    say_error(shown_error(error));
    return false;
  }
}

bool Session::edit_note()
{
  const std::optional<Seen> seen = seen_for_write();
  if (!seen) {
    return false;
  }
  // A note with control characters (a hand edit, a merge) is offered cleaned: as it is, it
  // could neither be shown in the prompt nor saved.
  const std::string cleaned = cleaned_line(seen->entry.note);
  const bool dirty = cleaned != seen->entry.note;
  const std::optional<std::string> note = ask(
      dirty ? "Note (control characters removed; Esc cancels): " : "Note (Esc cancels): ", cleaned);
  if (!note) {
    say("cancelled: nothing written");
    return false;
  }
  try {
    const std::string& text = *note;
    require_one_line(text, "the note");
    return write_item(seen->id, seen->entry, Again::edit_note,
                      [&](Project& project, const Item& item) {
                        set_note(project.state, item, text);
                        return fmt::format("note of {} {} {}", item.number, item.id,
                                           text.empty() ? "removed" : "saved");
                      });
  } catch (const Error& error) {
    say_error(shown_error(error));
    return false;
  }
}

bool Session::export_report()
{
  const std::optional<std::string> format_name = ask("Export format (Esc cancels): ", "markdown");
  if (!format_name) {
    say("cancelled: nothing written");
    return false;
  }
  const std::optional<ExportFormat> format = parse_export_format(*format_name);
  if (!format) {
    say_error(fmt::format("no export format '{}'; the formats are {}", printable(*format_name),
                          fmt::join(format_names(export_formats(), false), ", ")));
    return false;
  }
  const std::optional<std::string> path =
      ask("Export to file (Esc cancels): ",
          fmt::format("checklist.{}", format_info(export_formats(), *format).extension));
  if (!path || path->empty()) {
    say("cancelled: nothing written");
    return false;
  }
  try {
    // The rules of `export -o`: never the state file or its checklist; devices and FIFOs
    // written into; a regular file replaced atomically.
    const Project& project = m_view.project();
    ExportOptions options;
    options.generated_at = m_context.now();
    // As inert as `export -o` writes it: a CI step may print the file.
    const std::string text = render(*format, project.checklist, project.state, options);
    write_report(*path, *format == ExportFormat::github ? text : neutralize_ci_commands(text),
                 project_inputs(project));
    say(fmt::format("wrote {}", printable(*path)));
  } catch (const Error& error) {
    say_error(shown_error(error));
  }
  return false;
}

void Session::search()
{
  const std::size_t start = m_view.cursor();
  const std::optional<std::string> query =
      ask("/", "", [&](const std::string& typed) { m_view.search(typed); });
  if (!query || query->empty()) {
    m_view.end_search();
    m_view.go_to(start);
    return;
  }
  m_view.search(*query);
  if (m_view.matches().empty()) {
    // The search stays, so that n and N say there is nothing to find instead of marking an
    // item n/a.
    say_error(fmt::format("no item matches '{}' (Esc ends the search)", printable(*query)));
  }
}

bool Session::next_match(bool forward)
{
  if (m_view.matches().empty()) {
    say_error(fmt::format("no item matches '{}': nothing to move to (Esc ends the search)",
                          printable(m_view.query())));
    return false;
  }
  if (!m_view.next_match(forward)) {
    say_error(fmt::format("no match of '{}' is shown: the filter or a folded phase hides them",
                          printable(m_view.query())));
  }
  return false;
}

void Session::fold_phase(std::size_t phase, bool fold)
{
  m_view.set_folded(phase, fold);
  const std::vector<Phase>& phases = m_view.project().checklist.phases();
  if (phase < phases.size()) {
    say(fmt::format("{} phase {} {}: Space or Enter {} it", fold ? "folded" : "unfolded", phase + 1,
                    printable(phases[phase].title), fold ? "unfolds" : "folds"));
  }
}

bool Session::expand(Request request)
{
  const std::vector<Row>& rows = m_view.rows();
  if (rows.empty()) {
    return false;
  }
  const Row& row = rows[m_view.cursor()];
  if (row.kind == Row::Kind::phase) {
    const bool fold = request == Request::fold ||
                      (request == Request::expand_or_fold && !m_view.folded(row.phase));
    fold_phase(row.phase, fold);
    return true;
  }
  const bool open = request == Request::expand ||
                    (request == Request::expand_or_fold && !m_view.expanded(row.item));
  m_view.set_expanded(row.item, open);
  if (!open) {
    // Back to the item's own row from one of its lines.
    for (std::size_t r = m_view.cursor(); r > 0 && rows[r].kind == Row::Kind::detail; --r) {
      m_view.go_to(r - 1);
    }
  }
  return true;
}

// A click on a mark checks, on a title expands; the wheel scrolls.
bool Session::mouse()
{
  const MouseEvent& event = m_screen.mouse();
  if (event.kind == MouseEvent::Kind::wheel_up || event.kind == MouseEvent::Kind::wheel_down) {
    m_view.move(event.kind == MouseEvent::Kind::wheel_up ? -3 : 3);
    return false;
  }
  if (event.kind != MouseEvent::Kind::click || event.row < k_header_rows ||
      event.row >= m_screen.rows() - k_footer_rows) {
    return false;
  }
  const std::size_t height =
      static_cast<std::size_t>(m_screen.rows() - k_header_rows - k_footer_rows);
  const std::size_t row = m_view.top(height) + static_cast<std::size_t>(event.row - k_header_rows);
  if (row >= m_view.rows().size()) {
    return false;
  }
  m_view.go_to(row);
  const Row& clicked = m_view.rows()[row];
  if (clicked.kind == Row::Kind::item && event.column >= k_mark_column &&
      event.column < k_mark_column + k_mark_width) {
    return toggle();
  }
  return expand(Request::expand_or_fold);
}

// The help screen, scrolled with the keys that move in the list, closed by q, Esc or ?.
void Session::help()
{
  std::size_t offset = 0;
  for (;;) {
    const std::vector<HelpLine> lines = help_lines(m_screen.columns());
    const std::size_t rows = static_cast<std::size_t>(help_rows(m_screen));
    const std::size_t last = lines.size() > rows ? lines.size() - rows : 0;
    const std::size_t page = std::max<std::size_t>(rows - 1, 1);
    offset = std::min(offset, last);
    draw_help(m_screen, lines, offset);
    const int key = m_screen.read_key(k_poll_ms);
    if (m_screen.stop_signal() != 0 || key == k_key_escape) {
      return;
    }
    const Binding* binding = key == k_key_none ? nullptr : binding_for(key, false);
    if (binding == nullptr) {
      continue;
    }
    const Request request = binding->request;
    if (request == Request::help || request == Request::quit) {
      return;
    }
    offset = request == Request::down        ? std::min(offset + 1, last)
             : request == Request::up        ? (offset > 0 ? offset - 1 : 0)
             : request == Request::page_down ? std::min(offset + page, last)
             : request == Request::page_up   ? (offset > page ? offset - page : 0)
             : request == Request::first     ? 0
             : request == Request::last      ? last
                                             : offset;
  }
}

} // namespace llmchecklist::cli::ui
