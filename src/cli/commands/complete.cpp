// llmchecklist __complete: candidates for the shell completion scripts (completions/). Hidden
// from --help. Asking the binary keeps completion in step with the real options and with the
// checklist in use, custom ones included.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/fleet.hpp"
#include "llmchecklist/history.hpp"
#include "output.hpp"
#include "render.hpp"

namespace llmchecklist::cli {
namespace {

struct CompleteOptions
{
  std::string what;
  std::string argument;
  // For values: the subcommand they are for, where it changes them (fleet's and history's
  // formats).
  std::string command;
};

// One candidate per line, "word<TAB>description": fish shows the description, zsh can, and
// the bash script keeps the first field.
void candidate(std::string_view word, std::string_view description = {})
{
  if (description.empty()) {
    print_out(fmt::format("{}\n", word));
  } else {
    print_out(fmt::format("{}\t{}\n", word, printable(description)));
  }
}

void print_options(const CLI::App& app)
{
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) {
      candidate("--" + name, option->get_description());
    }
    for (const std::string& name : option->get_snames()) {
      candidate("-" + name, option->get_description());
    }
  }
}

int run_complete(const Context& context, const CLI::App& root, const CompleteOptions& options)
{
  if (options.what == "commands") {
    for (const CLI::App* sub :
         root.get_subcommands([](const CLI::App* app) { return !app->get_group().empty(); })) {
      candidate(sub->get_name(), sub->get_description());
    }
  } else if (options.what == "options") {
    print_options(root);
    if (!options.argument.empty()) {
      print_options(*root.get_subcommand(options.argument));
    }
  } else if (options.what == "values") {
    // Option names come without dashes ("format"): CLI11 would read "--format" as an option.
    if (options.argument == "format") {
      // Each family's formats from its one table, with what each is for.
      const auto offer = [&](auto formats, bool with_text) {
        if (with_text) {
          candidate("text", "for a terminal");
        }
        for (const auto& format : formats) {
          candidate(format.name, format.help);
        }
      };
      if (options.command == "fleet") {
        offer(fleet_formats(), true);
      } else if (options.command == "history") {
        offer(history_formats(), true);
      } else {
        offer(export_formats(), false);
      }
    } else if (options.argument == "status") {
      for (const std::string& status : k_status_names) {
        candidate(status);
      }
    } else if (options.argument == "color") {
      for (const char* mode : {"auto", "always", "never"}) {
        candidate(mode);
      }
    } else if (options.argument == "phase") {
      const Project& project = context.open();
      for (const Phase& phase : project.checklist.phases()) {
        candidate(phase.id, phase.title);
      }
    }
  } else if (options.what == "items") {
    const Project& project = context.open();
    for (const Item& item : project.checklist.items()) {
      candidate(item.id, fmt::format("{}. {}", item.number, item.title));
    }
    for (const Item& item : project.checklist.items()) {
      candidate(fmt::format("{}", item.number), item.title);
    }
  } else {
    throw CLI::ValidationError("__complete: expected commands, options, values or items");
  }
  return k_exit_ok;
}

} // namespace

Command register_complete(CLI::App& app, Context& context)
{
  auto options = std::make_shared<CompleteOptions>();
  CLI::App* sub = app.add_subcommand("__complete", "Print completion candidates")->group("");
  sub->add_option(
         "what", options->what,
         "commands, options [COMMAND], values format|status|color|phase [COMMAND], or items")
      ->required();
  sub->add_option("argument", options->argument, "A command or an option");
  sub->add_option("command", options->command, "With values: the command they are for");
  return {sub, [&context, &app, options] { return run_complete(context, app, *options); }};
}

} // namespace llmchecklist::cli
