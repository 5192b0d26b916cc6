// llmchecklist prune: remove the state's orphaned entries (ids the checklist no longer has),
// deliberately, saying what goes.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/state_file.hpp"
#include "output.hpp"
#include "render.hpp"
#include "terminal.hpp"

namespace llmchecklist::cli {
namespace {

struct PruneOptions
{
  bool dry_run = false;
};

std::string describe(const Entry& entry)
{
  std::string text = fmt::format("{} ({}", printable(entry.id), to_string(entry.status));
  if (!entry.by.empty()) {
    text += fmt::format(", by {}", printable(entry.by));
  }
  if (!entry.note.empty()) {
    text += fmt::format(", note \"{}\"", printable(entry.note));
  }
  return text + ")";
}

int run_prune(const Context& context, const PruneOptions& options)
{
  std::vector<Entry> removed;
  if (options.dry_run) {
    const Project& project = context.open();
    for (const Entry* orphan : orphaned_entries(project.state, project.checklist)) {
      removed.push_back(*orphan);
    }
  } else {
    update_project(
        context.state_path(),
        [&](Project& project) {
          removed = remove_orphaned_entries(project.state, project.checklist);
        },
        context.settings());
  }
  if (removed.empty()) {
    if (!context.options.quiet) {
      print_out("no orphaned entries: every entry names an item of the checklist\n");
    }
    return k_exit_ok;
  }
  if (!context.options.quiet || options.dry_run) {
    print_out(fmt::format("{} {} orphaned entr{}:\n", options.dry_run ? "would remove" : "removed",
                          removed.size(), removed.size() == 1 ? "y" : "ies"));
    for (const Entry& entry : removed) {
      print_out(fitted_lines(context.out(), describe(entry), 4, {}, Color::bold, 2));
    }
    if (options.dry_run) {
      print_out("(dry run: nothing written)\n");
    }
  }
  return k_exit_ok;
}

} // namespace

Command register_prune(CLI::App& app, Context& context)
{
  auto options = std::make_shared<PruneOptions>();
  CLI::App* sub = app.add_subcommand(
      "prune", "Remove entries for items the checklist no longer has (orphans), listing them");
  sub->add_flag("--dry-run", options->dry_run, "List what would be removed; write nothing");
  return {sub, [&context, options] { return run_prune(context, *options); }};
}

} // namespace llmchecklist::cli
