#include "app.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <new>

#include <fmt/format.h>

#include "command.hpp"
#include "diagnostics.hpp"
#include "exit_codes.hpp"
#include "failure.hpp"
#include "help.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/version.hpp"
#include "output.hpp"

namespace llmchecklist::cli {
namespace {

// Every subcommand, in the order `--help` lists them; help and dispatch both come from here.
struct Registration
{
  std::string_view name;
  RegisterCommand add;
};
constexpr Registration k_commands[] = {
    {"list", register_list},
    {"show", register_show},
    {"check", register_check},
    {"uncheck", register_uncheck},
    {"progress", register_progress},
    {"export", register_export},
    {"init", register_init},
    {"lint", register_lint},
    {"verify", register_verify},
    {"expect", register_expect},
    {"diff", register_diff},
    {"merge-driver", register_merge_driver},
    {"checklists", register_checklists},
    {"upgrade", register_upgrade},
    {"prune", register_prune},
    {"ui", register_ui},
    {"fleet", register_fleet},
    {"history", register_history},
    {"__complete", register_complete},
};

std::string version_text()
{
  return fmt::format("llmchecklist {} (checklist definition format {}, state format {})", k_version,
                     k_definition_format, k_state_format);
}

// The index of the first word that is not an option or an option's value: where the
// subcommand's name belongs; argc when there is none. Which options take a value is read from
// the app's own options, so that this can never drift from what CLI11 parses.
int command_index(const CLI::App& app, int argc, char** argv)
{
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word.empty() || word[0] != '-') {
      return i;
    }
    if (word == "--" || word.find('=') != std::string_view::npos) {
      continue; // "--file=PATH" carries its value
    }
    const CLI::Option* option = app.get_option_no_throw(std::string(word));
    const bool short_with_value = word.size() > 2 && word[1] != '-'; // "-Cdir"
    if (option != nullptr && option->get_expected_min() > 0 && !short_with_value) {
      ++i; // the option's value, not a command
    }
  }
  return argc;
}

// When the command line names a subcommand (and no --help or --version comes before it), it
// is the only one registered: building every subcommand's options was a fifth of a run of
// list or progress. __complete lists the others, so it needs them all.
bool registers_alone(int argc, char** argv, int command)
{
  if (command >= argc) {
    return false;
  }
  for (int i = 1; i < command; ++i) {
    const std::string_view word = argv[i];
    if (word == "-h" || word == "--help" || word == "--version") {
      return false;
    }
  }
  const std::string_view name = argv[command];
  return name != "__complete" &&
         std::any_of(std::begin(k_commands), std::end(k_commands),
                     [&](const Registration& registration) { return registration.name == name; });
}

// The first word that is not an option, when it names no subcommand: "did you mean".
int unknown_command(const CLI::App& app, int argc, char** argv)
{
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  if (const int i = command_index(app, argc, argv); i < argc) {
    const std::string word = argv[i];
    if (std::find(names.begin(), names.end(), word) != names.end()) {
      return -1;
    }
    const std::vector<std::string> near = closest_matches(word, names);
    print_error(
        near.empty()
            ? fmt::format("unknown command '{}'; run 'llmchecklist --help' for the list", word)
            : fmt::format("unknown command '{}'; did you mean '{}'?", word, near.front()));
    return k_exit_usage;
  }
  return -1;
}

// CLI11's messages said our way: lower case after "error:", and what to do.
std::string usage_message(std::string message)
{
  for (const std::string_view prefix : {"The following argument was not expected: ",
                                        "The following arguments were not expected: "}) {
    if (message.rfind(prefix, 0) == 0) {
      return fmt::format("unexpected {} '{}'; --help lists what the command takes",
                         prefix.find("arguments") != std::string_view::npos ? "arguments"
                                                                            : "argument",
                         message.substr(prefix.size()));
    }
  }
  // "--note: 1 required TEXT missing": the option was given without its value.
  if (const std::size_t at = message.find(": 1 required ");
      at != std::string::npos && message.size() > 8 && message.ends_with(" missing")) {
    return fmt::format("{} needs a value", message.substr(0, at));
  }
  if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z') {
    message[0] = static_cast<char>(message[0] - 'A' + 'a');
  }
  return message;
}

} // namespace

int run(int argc, char** argv)
{
  CLI::App app{"llmchecklist: an LLM deployment checklist for the terminal, git and CI.\n"
               "Progress lives in .llmchecklist at the root of the repository, committed with "
               "the code.",
               "llmchecklist"};
  app.formatter(std::make_shared<HelpFormatter>());
  Context context;
  app.set_version_flag("--version", version_text(), "Print the version and the formats it reads");
  app.add_option("--file", context.options.file,
                 "State file to use (default: $LLMCHECKLIST_FILE, else the nearest .llmchecklist "
                 "found walking up)")
      ->option_text("PATH");
  app.add_option("-C", context.options.directory, "Run as if started in DIR")->option_text("DIR");
  app.add_option("--color", context.options.color, "Colour output: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->option_text("WHEN");
  app.add_flag("-q,--quiet", context.options.quiet, "Print nothing on success");
  app.require_subcommand(1);
  app.fallthrough();

  std::vector<Command> commands;
  const int command = command_index(app, argc, argv);
  const bool alone = registers_alone(argc, argv, command);
  for (const Registration& registration : k_commands) {
    if (!alone || registration.name == argv[command]) {
      commands.push_back(registration.add(app, context));
    }
  }

  if (argc <= 1) {
    print_err(app.help());
    return k_exit_usage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    // --help and --version: CLI11 prints them and gives exit code 0.
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    // A word where a command belongs: say which command was meant.
    const bool misplaced = dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr ||
                           dynamic_cast<const CLI::RequiredError*>(&error) != nullptr;
    if (const int code = misplaced ? unknown_command(app, argc, argv) : -1; code >= 0) {
      return code;
    }
    print_error(usage_message(error.what()));
    return k_exit_usage;
  }

  try {
    context.prepare();
    for (const Command& command : commands) {
      if (command.app->parsed()) {
        return command.run();
      }
    }
    return k_exit_usage;
  } catch (...) {
    return report_failure(std::current_exception());
  }
}

} // namespace llmchecklist::cli
