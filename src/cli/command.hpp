#pragma once
// The shape every subcommand file shares: register_X() adds the subcommand and its options to
// the app and returns what runs it once parsing is done.

#include <functional>

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace llmchecklist::cli {

/// A registered subcommand.
struct Command
{
  CLI::App* app = nullptr;
  /// Runs the command; returns its exit code. Errors are thrown and mapped by main.
  std::function<int()> run;
};

using RegisterCommand = Command (*)(CLI::App& app, Context& context);

Command register_list(CLI::App& app, Context& context);
Command register_show(CLI::App& app, Context& context);
Command register_check(CLI::App& app, Context& context);
Command register_uncheck(CLI::App& app, Context& context);
Command register_progress(CLI::App& app, Context& context);
Command register_export(CLI::App& app, Context& context);
Command register_init(CLI::App& app, Context& context);
Command register_lint(CLI::App& app, Context& context);
Command register_verify(CLI::App& app, Context& context);
Command register_expect(CLI::App& app, Context& context);
Command register_checklists(CLI::App& app, Context& context);
Command register_upgrade(CLI::App& app, Context& context);
Command register_prune(CLI::App& app, Context& context);
Command register_ui(CLI::App& app, Context& context);
Command register_fleet(CLI::App& app, Context& context);
Command register_history(CLI::App& app, Context& context);
Command register_diff(CLI::App& app, Context& context);
Command register_merge_driver(CLI::App& app, Context& context);
Command register_complete(CLI::App& app, Context& context);

} // namespace llmchecklist::cli
