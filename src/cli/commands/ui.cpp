// llmchecklist ui: the checklist full screen, item by item, with the web page's click-to-check
// feel, on the same state file with the same guarantees: every change is the library's locked,
// atomic read-modify-write at once, and a change made elsewhere shows within a second.

#include <clocale>
#include <memory>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "note.hpp"
#include "render.hpp"
#include "terminal.hpp"
#include "ui/draw.hpp"
#include "ui/keys.hpp"
#include "ui/screen.hpp"
#include "ui/view.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/report_output.hpp"
#include "llmchecklist/files.hpp"

namespace llmchecklist::cli {
namespace {

struct UiOptions
{
  std::string phase;
  std::string status;
};

// How often the state file is looked at for changes made elsewhere, and how long a key is
// waited for: changes show within a second.
constexpr int k_poll_ms = 250;

// What stat() says of the state file: a change in any of it means another writer (a `check` in
// another shell, a second `ui`, a `git checkout`) changed the file.
struct Signature
{
  bool exists = false;
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  long long modified = 0;

  friend bool operator==(const Signature&, const Signature&) = default;
};

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

std::string utf8(int code_point)
{
  std::string out;
  const auto c = static_cast<unsigned>(code_point);
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

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

class Session
{
public:
  Session(const Context& context, ui::Screen& screen, ui::View& view)
      : m_context(context), m_screen(screen), m_view(view),
        m_path(context.state_path()), m_signature(signature_of(m_path))
  {
  }

  // Runs until q or a stop signal.
  void run()
  {
    bool rebuild = true;
    int width = -1;
    for (;;) {
      if (width != m_screen.columns()) {
        width = m_screen.columns();
        rebuild = true;
      }
      if (rebuild) {
        m_view.rebuild(width);
        rebuild = false;
      }
      ui::draw(m_screen, m_view, m_footer, m_unicode);
      const int key = m_screen.read_key(k_poll_ms);
      if (ui::Screen::stop_signal() != 0) {
        return;
      }
      if (watch()) {
        rebuild = true;
      }
      if (key == ui::k_key_none) {
        continue;
      }
      // A message stays until the next key.
      if (!m_footer.message.empty() && key != ui::k_key_resize) {
        m_footer.message.clear();
        m_footer.error = m_invalid;
        if (m_invalid) {
          m_footer.message = m_invalid_message;
        }
      }
      if (key == ui::k_key_resize) {
        continue;
      }
      if (key == ui::k_key_mouse) {
        rebuild = mouse() || rebuild;
        continue;
      }
      if (key == ui::k_key_escape && !m_view.query().empty()) {
        m_view.end_search();
        continue;
      }
      const ui::Binding* binding = ui::binding_for(key, !m_view.query().empty());
      if (binding == nullptr) {
        continue;
      }
      if (binding->request == ui::Request::quit) {
        return;
      }
      rebuild = act(binding->request) || rebuild;
    }
  }

  bool unicode() const { return m_unicode; }
  void set_unicode(bool unicode) { m_unicode = unicode; }

private:
  // Looks for a change made elsewhere; true when the view was reloaded.
  bool watch()
  {
    const Signature now = signature_of(m_path);
    if (now == m_signature) {
      return false;
    }
    m_signature = now;
    reload();
    return true;
  }

  void reload()
  {
    try {
      m_view.load(m_context.open());
      if (m_invalid) {
        m_footer.message = "the state file is valid again";
        m_footer.error = false;
      }
      m_invalid = false;
    } catch (const Error& error) {
      // Shown, never overwritten: nothing is written until the file reads again.
      m_invalid = true;
      m_invalid_message = fmt::format("nothing is written until {} is fixed: {}",
                                      m_path.filename().string(), printable(error.what()));
      m_footer.message = m_invalid_message;
      m_footer.error = true;
    }
  }

  // One read-modify-write of the state file, under its lock, then the view from what was
  // written. `change` returns the footer's message.
  bool write(const std::function<std::string(Project&)>& change)
  {
    if (m_invalid) {
      m_footer.message = m_invalid_message;
      m_footer.error = true;
      return false;
    }
    std::string message;
    try {
      update_project(
          m_path, [&](Project& project) { message = change(project); },
          m_context.lock_timeout());
      m_footer.message = message;
      m_footer.error = false;
    } catch (const Error& error) {
      m_footer.message = printable(error.what());
      m_footer.error = true;
    }
    m_signature = signature_of(m_path);
    reload();
    return true;
  }

  // The item under the cursor in a freshly read project, by id.
  static const Item& item_in(const Project& project, const std::string& id)
  {
    const std::size_t index = project.checklist.find_item(id);
    if (index == Checklist::npos) {
      throw LookupError(fmt::format("the checklist no longer has item '{}'", id), {});
    }
    return project.checklist.items()[index];
  }

  std::optional<std::string> current_id() const
  {
    const std::optional<std::size_t> item = m_view.current_item();
    if (!item) {
      return std::nullopt;
    }
    return m_view.project().checklist.items()[*item].id;
  }

  bool toggle()
  {
    const std::optional<std::string> id = current_id();
    if (!id) {
      const std::size_t phase = m_view.current_phase();
      m_view.set_folded(phase, !m_view.folded(phase));
      return true;
    }
    const Mark mark = m_context.mark("");
    return write([&](Project& project) {
      const Item& item = item_in(project, *id);
      if (status_of(project.state, item) == Status::todo) {
        check_item(project.state, item, Status::done, mark);
        return fmt::format("checked {} {}", item.number, item.id);
      }
      uncheck_item(project.state, item);
      return fmt::format("unchecked {} {}", item.number, item.id);
    });
  }

  // Asks for a line in the footer; nullopt when Esc cancels. `typed` sees every change.
  std::optional<std::string> ask(const std::string& prompt, std::string input,
                                 const std::function<void(const std::string&)>& typed = {})
  {
    m_footer.prompt = prompt;
    m_footer.input = input;
    m_footer.message.clear();
    std::optional<std::string> answer;
    for (;;) {
      if (m_screen.columns() != m_width) {
        m_width = m_screen.columns();
        m_view.rebuild(m_width);
      }
      ui::draw(m_screen, m_view, m_footer, m_unicode);
      const int key = m_screen.read_key(k_poll_ms);
      if (ui::Screen::stop_signal() != 0 || key == ui::k_key_escape) {
        break;
      }
      if (key == ui::k_key_enter) {
        answer = m_footer.input;
        break;
      }
      if (key == ui::k_key_backspace) {
        erase_last(m_footer.input);
      } else if (key >= 0x20 && key < 0x110000 && key != 0x7f) {
        m_footer.input += utf8(key);
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

  bool not_applicable()
  {
    const std::optional<std::string> id = current_id();
    if (!id) {
      return false;
    }
    const std::optional<std::string> reason = ask("Not applicable because (Esc cancels): ", "");
    if (!reason) {
      m_footer.message = "cancelled: nothing written";
      return false;
    }
    try {
      const std::string note = validated_note(*reason, "the reason");
      if (note.find_first_not_of(" \t") == std::string::npos) {
        throw UsageError("marking an item not applicable needs a reason: nothing written");
      }
      const Mark mark = m_context.mark(note);
      return write([&](Project& project) {
        const Item& item = item_in(project, *id);
        check_item(project.state, item, Status::na, mark);
        return fmt::format("n/a {} {}", item.number, item.id);
      });
    } catch (const Error& error) {
      m_footer.message = printable(error.what());
      m_footer.error = true;
      return false;
    }
  }

  bool edit_note()
  {
    const std::optional<std::string> id = current_id();
    if (!id) {
      return false;
    }
    const Entry* entry = m_view.project().state.find(*id);
    const std::optional<std::string> note =
        ask("Note (Esc cancels): ", entry != nullptr ? entry->note : std::string());
    if (!note) {
      m_footer.message = "cancelled: nothing written";
      return false;
    }
    try {
      const std::string text = validated_note(*note, "the note");
      return write([&](Project& project) {
        const Item& item = item_in(project, *id);
        Entry& recorded = project.state.entry(item.id);
        if (recorded.status == Status::na && text.find_first_not_of(" \t") == std::string::npos) {
          throw UsageError("a not-applicable item keeps a reason: nothing written");
        }
        recorded.note = text;
        return fmt::format("note of {} {} {}", item.number, item.id,
                           text.empty() ? "removed" : "saved");
      });
    } catch (const Error& error) {
      m_footer.message = printable(error.what());
      m_footer.error = true;
      return false;
    }
  }

  bool export_report()
  {
    const std::optional<std::string> format_name =
        ask("Export format (markdown, json, csv, html, badge, junit): ", "markdown");
    if (!format_name) {
      m_footer.message = "cancelled: nothing written";
      return false;
    }
    const std::optional<ExportFormat> format = parse_export_format(*format_name);
    if (!format) {
      m_footer.message = fmt::format("no export format '{}'", printable(*format_name));
      m_footer.error = true;
      return false;
    }
    const std::optional<std::string> path =
        ask("Export to file (Esc cancels): ", fmt::format("checklist.{}", to_extension(*format)));
    if (!path || path->empty()) {
      m_footer.message = "cancelled: nothing written";
      return false;
    }
    try {
      // The rules of `export -o`: never the state file or its checklist; devices and FIFOs
      // written into; a regular file replaced atomically.
      const Project& project = m_view.project();
      ExportOptions options;
      options.generated_at = m_context.now();
      write_report(*path, render(*format, project.checklist, project.state, options),
                   project_inputs(project));
      m_footer.message = fmt::format("wrote {}", printable(*path));
    } catch (const Error& error) {
      m_footer.message = printable(error.what());
      m_footer.error = true;
    }
    return false;
  }

  static std::string_view to_extension(ExportFormat format)
  {
    switch (format) {
    case ExportFormat::markdown:
      return "md";
    case ExportFormat::badge:
      return "svg";
    case ExportFormat::junit:
      return "xml";
    default:
      return to_string(format);
    }
  }

  void search()
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
      m_footer.message = fmt::format("no item matches '{}'", printable(*query));
      m_view.end_search();
    }
  }

  // Does what a request asks; true when the rows must be laid out again.
  bool act(ui::Request request)
  {
    const int page = std::max(m_screen.rows() - ui::k_header_rows - ui::k_footer_rows - 1, 1);
    switch (request) {
    case ui::Request::up:
      m_view.move(-1);
      return false;
    case ui::Request::down:
      m_view.move(1);
      return false;
    case ui::Request::page_up:
      m_view.move(-page);
      return false;
    case ui::Request::page_down:
      m_view.move(page);
      return false;
    case ui::Request::first:
      m_view.go_to(0);
      return false;
    case ui::Request::last:
      m_view.go_to(m_view.rows().empty() ? 0 : m_view.rows().size() - 1);
      return false;
    case ui::Request::toggle:
      return toggle();
    case ui::Request::not_applicable:
      return not_applicable();
    case ui::Request::edit_note:
      return edit_note();
    case ui::Request::expand:
    case ui::Request::fold:
    case ui::Request::expand_or_fold:
      return expand(request);
    case ui::Request::next_phase: {
      const std::size_t phases = m_view.project().checklist.phases().size();
      m_view.go_to_phase(phases == 0 ? 0 : (m_view.current_phase() + 1) % phases);
      return false;
    }
    case ui::Request::phase_1:
    case ui::Request::phase_2:
    case ui::Request::phase_3:
    case ui::Request::phase_4:
    case ui::Request::phase_5:
    case ui::Request::phase_6:
      m_view.go_to_phase(static_cast<std::size_t>(static_cast<int>(request) -
                                                  static_cast<int>(ui::Request::phase_1)));
      return false;
    case ui::Request::search:
      search();
      return false;
    case ui::Request::next_match:
    case ui::Request::previous_match:
      m_view.next_match(request == ui::Request::next_match);
      return false;
    case ui::Request::filter:
      m_view.filter = static_cast<ui::Filter>((static_cast<int>(m_view.filter) + 1) % 5);
      m_footer.message = fmt::format("showing {} items", ui::to_string(m_view.filter));
      return true;
    case ui::Request::export_report:
      return export_report();
    case ui::Request::help:
      ui::draw_help(m_screen);
      while (m_screen.read_key(k_poll_ms) == ui::k_key_none && ui::Screen::stop_signal() == 0) {
      }
      return false;
    case ui::Request::quit:
      return false;
    }
    return false;
  }

  bool expand(ui::Request request)
  {
    const std::vector<ui::Row>& rows = m_view.rows();
    if (rows.empty()) {
      return false;
    }
    const ui::Row& row = rows[m_view.cursor()];
    if (row.kind == ui::Row::Kind::phase) {
      const bool fold = request == ui::Request::fold ||
                        (request == ui::Request::expand_or_fold && !m_view.folded(row.phase));
      m_view.set_folded(row.phase, fold);
      return true;
    }
    const bool open = request == ui::Request::expand ||
                      (request == ui::Request::expand_or_fold && !m_view.expanded(row.item));
    m_view.set_expanded(row.item, open);
    if (!open) {
      // Back to the item's own row from one of its lines.
      for (std::size_t r = m_view.cursor(); r > 0 && rows[r].kind == ui::Row::Kind::detail; --r) {
        m_view.go_to(r - 1);
      }
    }
    return true;
  }

  // A click on a mark checks, on a title expands; the wheel scrolls.
  bool mouse()
  {
    const ui::MouseEvent& event = m_screen.mouse();
    if (event.kind == ui::MouseEvent::Kind::wheel_up ||
        event.kind == ui::MouseEvent::Kind::wheel_down) {
      m_view.move(event.kind == ui::MouseEvent::Kind::wheel_up ? -3 : 3);
      return false;
    }
    if (event.kind != ui::MouseEvent::Kind::click || event.row < ui::k_header_rows ||
        event.row >= m_screen.rows() - ui::k_footer_rows) {
      return false;
    }
    const std::size_t height =
        static_cast<std::size_t>(m_screen.rows() - ui::k_header_rows - ui::k_footer_rows);
    const std::size_t row = m_view.top(height) + static_cast<std::size_t>(event.row - ui::k_header_rows);
    if (row >= m_view.rows().size()) {
      return false;
    }
    m_view.go_to(row);
    const ui::Row& clicked = m_view.rows()[row];
    if (clicked.kind == ui::Row::Kind::item && event.column >= ui::k_mark_column &&
        event.column < ui::k_mark_column + ui::k_mark_width) {
      return toggle();
    }
    return expand(ui::Request::expand_or_fold);
  }

  const Context& m_context;
  ui::Screen& m_screen;
  ui::View& m_view;
  std::filesystem::path m_path;
  Signature m_signature;
  ui::Footer m_footer;
  bool m_invalid = false;
  std::string m_invalid_message;
  bool m_unicode = false;
  int m_width = -1;
};

int run_ui(const Context& context, const UiOptions& options)
{
  if (::isatty(STDIN_FILENO) == 0 || ::isatty(STDOUT_FILENO) == 0) {
    throw UsageError("ui needs a terminal on standard input and output; in scripts and CI use "
                     "`llmchecklist list`, `llmchecklist show` and `llmchecklist check`");
  }
  // Reading the project first: a bad file is reported as every command reports it, before the
  // screen is taken over.
  ui::View view;
  view.load(context.open());
  if (!options.phase.empty()) {
    view.only_phase = resolve_phase(view.project().checklist, options.phase);
  }
  if (options.status == "todo") {
    view.filter = ui::Filter::todo;
  } else if (options.status == "done") {
    view.filter = ui::Filter::done;
  } else if (options.status == "na") {
    view.filter = ui::Filter::na;
  }
  // curses draws wide characters only with the user's locale loaded.
  std::setlocale(LC_ALL, "");
  int stopped = 0;
  {
    ui::Screen screen(context.out().color);
    Session session(context, screen, view);
    session.set_unicode(context.out().unicode);
    session.run();
    stopped = ui::Screen::stop_signal();
  } // the terminal is restored here, also when an error leaves the loop
  return stopped != 0 ? 128 + stopped : k_exit_ok;
}

} // namespace

Command register_ui(CLI::App& app, Context& context)
{
  auto options = std::make_shared<UiOptions>();
  CLI::App* sub = app.add_subcommand(
      "ui", "Walk through the checklist full screen: check, expand, search, export (keys: ?)");
  sub->add_option("--phase", options->phase, "Only this phase (number, id or id prefix)");
  sub->add_option("--status", options->status, "Start with only the items of this status")
      ->check(CLI::IsMember(k_status_names));
  sub->footer("Keys: arrows or j/k move, Space or x checks, n marks n/a, e edits the note, Enter "
              "expands, Tab or 1-6 jump to a phase, / searches, f filters, E exports, ? shows "
              "every key, q quits. The mouse: a click on a mark checks, on a title expands.");
  return {sub, [&context, options] { return run_ui(context, *options); }};
}

} // namespace llmchecklist::cli
