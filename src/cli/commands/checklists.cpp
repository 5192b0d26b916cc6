// llmchecklist checklists: the built-in checklists, and the one this project follows.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/documents.hpp"
#include "output.hpp"
#include "terminal.hpp"

namespace llmchecklist::cli {
namespace {

struct ChecklistsOptions
{
  bool json = false;
};

int run_checklists(const Context& context, const ChecklistsOptions& options)
{
  const Project& project = context.open();
  std::vector<Checklist> builtins;
  for (const std::string& name : builtin_checklist_names()) {
    builtins.push_back(load_builtin_checklist(name));
  }
  if (options.json) {
    print_out(render_checklists_json(builtins, project.checklist,
                                     project.exists ? project.state_path.string() : std::string()));
    return k_exit_ok;
  }
  print_out("Built-in checklists:\n");
  for (const Checklist& checklist : builtins) {
    print_out(fmt::format("  {}  {} (version {}, {} items){}\n", checklist.source,
                          printable(checklist.title), printable(checklist.version),
                          checklist.items().size(),
                          checklist.source == project.checklist.source ||
                                  project.checklist.source.rfind(checklist.source + "@", 0) == 0
                              ? "  <- in use"
                              : ""));
  }
  print_out(fmt::format("In use: {}  {} (version {}, {} items), {}\n",
                        printable(project.checklist.source), printable(project.checklist.title),
                        printable(project.checklist.version), project.checklist.items().size(),
                        project.exists ? fmt::format("followed by {}", project.state_path.string())
                                       : std::string("no state file yet")));
  return k_exit_ok;
}

} // namespace

Command register_checklists(CLI::App& app, Context& context)
{
  auto options = std::make_shared<ChecklistsOptions>();
  CLI::App* sub =
      app.add_subcommand("checklists", "List the built-in checklists and the one in use");
  sub->add_flag("--json", options->json, "Print JSON");
  return {sub, [&context, options] { return run_checklists(context, *options); }};
}

} // namespace llmchecklist::cli
