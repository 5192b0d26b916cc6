// llmchecklist uncheck: set items back to todo.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/state_file.hpp"
#include "output.hpp"
#include "render.hpp"
#include "targets.hpp"
#include "terminal.hpp"

namespace llmchecklist::cli {
namespace {

struct UncheckOptions
{
  std::vector<std::string> items;
  std::vector<std::string> phases;
};

int run_uncheck(const Context& context, const UncheckOptions& options)
{
  context.require_named_state_file();
  std::vector<std::string> done;
  update_project(
      context.state_path(),
      [&](Project& project) {
        if (!project.exists) {
          throw UsageError(fmt::format("no {} found in this directory or any parent, so nothing is "
                                       "checked; run `llmchecklist init` or pass --file",
                                       k_state_file_name));
        }
        for (const std::size_t i :
             resolve_targets(project.checklist, options.items, options.phases)) {
          const Item& item = project.checklist.items()[i];
          // Saying "unchecked" of an item that was never checked would read as if something
          // had been undone.
          if (status_of(project.state, item) == Status::todo) {
            done.push_back(fmt::format("nothing changed: {} {} is todo already: {}", item.number,
                                       item.id, printable(item.title)));
            continue;
          }
          uncheck_item(project.state, item);
          done.push_back(
              fmt::format("unchecked {} {}: {}", item.number, item.id, printable(item.title)));
        }
      },
      context.settings());
  if (!context.options.quiet) {
    for (const std::string& line : done) {
      print_out(fitted_lines(context.out(), line, 4));
    }
  }
  return k_exit_ok;
}

} // namespace

Command register_uncheck(CLI::App& app, Context& context)
{
  auto options = std::make_shared<UncheckOptions>();
  CLI::App* sub = app.add_subcommand("uncheck", "Set items back to todo");
  sub->add_option("items", options->items, "Item numbers, ids or unique id prefixes");
  // One value per --phase, so that item arguments after it stay items.
  sub->add_option("--phase", options->phases, "Every item of this phase (repeatable)")
      ->allow_extra_args(false);
  sub->callback([options] {
    if (options->items.empty() && options->phases.empty()) {
      throw CLI::ValidationError("uncheck needs an ITEM or --phase");
    }
  });
  return {sub, [&context, options] { return run_uncheck(context, *options); }};
}

} // namespace llmchecklist::cli
