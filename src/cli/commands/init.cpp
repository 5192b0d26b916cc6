// llmchecklist init: create the state file explicitly, naming its checklist.

#include <memory>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/state_file.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::cli {
namespace {

struct InitOptions
{
  std::string checklist = std::string(k_default_checklist);
  bool force = false;
};

// The reference as the state file stores it: built-in names as given, paths relative to the
// state file's directory so that the repository can move.
std::string stored_reference(const std::string& source, const fs::path& state_path)
{
  if (source.rfind(k_builtin_prefix, 0) == 0) {
    return source;
  }
  const fs::path base = fs::absolute(state_path).parent_path();
  return fs::absolute(source).lexically_normal().lexically_relative(base).generic_string();
}

int run_init(const Context& context, const InitOptions& options)
{
  // Without --file, init creates the file where check would: at the top of the git work tree.
  const fs::path path = context.named_state_path().value_or(
      default_state_directory(fs::current_path()) / k_state_file_name);
  std::error_code ec;
  if (fs::exists(path, ec) && !options.force) {
    throw UsageError(fmt::format("{} already exists; pass --force to re-initialise it (recorded "
                                 "entries are kept)",
                                 path.string()));
  }
  const std::string reference = stored_reference(options.checklist, path);
  std::size_t items = 0;
  // Load the checklist first so that a bad one is reported before anything is written.
  load_checklist_reference(reference, fs::absolute(path).parent_path());
  update_project(
      path,
      [&](Project& project) {
        // Moving to another checklist: entries that record nothing (todo, never checked) are only
        // the old checklist's layout; they would come back as orphans by the dozen. Anything
        // recorded stays, as orphans where the new checklist lacks the item.
        if (reference != project.state.checklist) {
          std::erase_if(project.state.entries, [](const Entry& entry) { return entry.blank(); });
        }
        project.state.checklist = reference;
        project.checklist = load_checklist_reference(reference, fs::absolute(path).parent_path());
        items = project.checklist.items().size();
      },
      context.lock_timeout());
  if (!context.options.quiet) {
    fmt::print("created {} ({} items from {})\n", path.string(), items, reference);
  }
  return k_exit_ok;
}

} // namespace

Command register_init(CLI::App& app, Context& context)
{
  auto options = std::make_shared<InitOptions>();
  CLI::App* sub = app.add_subcommand("init", "Create the state file (.llmchecklist)");
  sub->add_option("--checklist", options->checklist,
                  "builtin:NAME (default builtin:llm-deployment) or a checklist file")
      ->option_text("SOURCE");
  sub->add_flag("--force", options->force, "Re-initialise an existing state file");
  return {sub, [&context, options] { return run_init(context, *options); }};
}

} // namespace llmchecklist::cli
