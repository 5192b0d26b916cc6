// llmchecklist ui: the checklist full screen, item by item, with the web page's click-to-check
// feel, on the same state file with the same guarantees: every change is the library's locked,
// atomic read-modify-write at once, and a change made elsewhere shows within a second.

#include <clocale>
#include <memory>
#include <unistd.h>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/error.hpp"
#include "render.hpp"
#include "ui/screen.hpp"
#include "ui/session.hpp"
#include "ui/view.hpp"

namespace llmchecklist::cli {
namespace {

struct UiOptions
{
  std::string phase;
  std::string status;
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
    ui::Session session(context, screen, view);
    session.set_unicode(context.out().unicode);
    session.run();
    stopped = screen.stop_signal();
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
  sub->footer("Keys: arrows or j/k move, Space or x checks (unchecking asks first), u undoes, n "
              "marks n/a, e edits the note, Enter expands, Tab or 1-6 jump to a phase, / "
              "searches, f filters, E exports, ? shows every key, q quits. The mouse: a click on "
              "a mark checks, on a title expands.");
  return {sub, [&context, options] { return run_ui(context, *options); }};
}

} // namespace llmchecklist::cli
