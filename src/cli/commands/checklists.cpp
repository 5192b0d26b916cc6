// llmchecklist checklists: the built-in checklists, and the one this project follows.

#include <memory>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/terminal.hpp"
#include "exports/json_writer.hpp"
#include "llmchecklist/builtin.hpp"

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
    detail::JsonWriter json;
    json.begin_object();
    json.key("builtin").begin_array();
    for (const Checklist& checklist : builtins) {
      json.begin_object();
      json.key("source").value(checklist.source);
      json.key("id").value(checklist.id);
      json.key("title").value(checklist.title);
      json.key("version").value(checklist.version);
      json.key("items").value(checklist.items().size());
      json.end_object();
    }
    json.end_array();
    json.key("in_use").begin_object();
    json.key("source").value(project.checklist.source);
    json.key("id").value(project.checklist.id);
    json.key("title").value(project.checklist.title);
    json.key("version").value(project.checklist.version);
    json.key("items").value(project.checklist.items().size());
    json.key("state_file").value(project.exists ? project.state_path.string() : std::string());
    json.end_object();
    json.end_object();
    fmt::print("{}", json.finish());
    return k_exit_ok;
  }
  fmt::print("Built-in checklists:\n");
  for (const Checklist& checklist : builtins) {
    fmt::print("  {}  {} (version {}, {} items){}\n", checklist.source, printable(checklist.title),
               printable(checklist.version), checklist.items().size(),
               checklist.source == project.checklist.source ||
                       project.checklist.source.rfind(checklist.source + "@", 0) == 0
                   ? "  <- in use"
                   : "");
  }
  fmt::print("In use: {}  {} (version {}, {} items), {}\n", printable(project.checklist.source),
             printable(project.checklist.title), printable(project.checklist.version),
             project.checklist.items().size(),
             project.exists ? fmt::format("followed by {}", project.state_path.string())
                            : std::string("no state file yet"));
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
