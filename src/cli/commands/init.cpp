// llmchecklist init: create the state file explicitly, naming its checklist; with --git, also
// have git merge it with `llmchecklist merge-driver`.

#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/git.hpp"
#include "llmchecklist/state_file.hpp"
#include "output.hpp"
#include "render.hpp"
#include "terminal.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::cli {
namespace {

struct InitOptions
{
  std::string checklist = pinned_builtin_reference(k_default_builtin);
  CLI::Option* checklist_option = nullptr;
  bool force = false;
  bool git = false;
};

// The reference as the state file stores it: built-in names as given, paths relative to the
// state file's directory so that the repository can move.
std::string stored_reference(const std::string& source, const fs::path& state_path)
{
  if (source.rfind(k_builtin_prefix, 0) == 0) {
    // Pin the version, so that the state follows what the team signed off against.
    return source.find('@') == std::string::npos
               ? pinned_builtin_reference(std::string_view(source).substr(k_builtin_prefix.size()))
               : source;
  }
  const fs::path base = fs::absolute(state_path).parent_path();
  return fs::absolute(source).lexically_normal().lexically_relative(base).generic_string();
}

void create_state_file(const Context& context, const InitOptions& options, const fs::path& path)
{
  const std::string reference = stored_reference(options.checklist, path);
  std::size_t items = 0;
  std::error_code ec;
  const bool existed = fs::exists(fs::symlink_status(path, ec));
  // Load the checklist first so that a bad one is reported before anything is written.
  try {
    load_checklist_reference(reference, fs::absolute(path).parent_path(), {}, context.settings());
  } catch (const DataError& error) {
    if (!error.location().path.empty()) {
      throw; // a problem inside the checklist, at its place
    }
    throw UsageError(fmt::format("--checklist {}: {}", options.checklist, error.what()));
  }
  update_project(
      path,
      [&](Project& project) {
        // Moving to another checklist: entries that record nothing (todo, never checked) are only
        // the old checklist's layout; they would come back as orphans by the dozen. Anything
        // recorded stays, as orphans where the new checklist lacks the item.
        if (reference != project.state.checklist) {
          std::erase_if(project.state.entries, [](const Entry& entry) { return entry.blank(); });
          project.state.reindex();
        }
        // Re-initialising on the same checklist file keeps its pin: moving to the file's new
        // version is `upgrade`'s reviewable step, and the write is refused until it is taken.
        const bool same = project.exists && reference == project.state.checklist;
        project.state.checklist = reference;
        project.checklist = load_checklist_reference(reference, fs::absolute(path).parent_path(),
                                                     {}, context.settings());
        // A checklist file has no "@VERSION": the version it has now is recorded beside it.
        if (reference.rfind(k_builtin_prefix, 0) == 0) {
          project.state.checklist_version.clear();
        } else if (!same || project.state.checklist_version.empty()) {
          project.state.checklist_version = project.checklist.version;
        }
        items = project.checklist.items().size();
      },
      context.settings(), Creation::always);
  if (!context.options.quiet) {
    print_out(
        fitted_lines(context.out(),
                     fmt::format("{} {} ({} items from {})", existed ? "re-initialised" : "created",
                                 printable(path.string()), items, printable(reference))));
  }
  if (const auto ignored = ignore_transient_files(path);
      ignored && !ignored->added.empty() && !context.options.quiet) {
    print_out(
        fitted_lines(context.out(), fmt::format("added {} to {} (a killed writer's leftovers stay "
                                                "out of git status)",
                                                fmt::join(ignored->added, " and "),
                                                printable(ignored->file.string()))));
  }
}

void set_up_git(const Context& context, const fs::path& path)
{
  const MergeDriverSetup setup = setup_merge_driver(path);
  if (context.options.quiet) {
    return;
  }
  print_out(fmt::format("{} `{}` {} {}\n", setup.attributes_added ? "added" : "kept",
                        printable(setup.attribute_line), setup.attributes_added ? "to" : "in",
                        printable(setup.attributes.string())));
  print_out(fmt::format("set git config merge.{}.driver to `{}`\n", k_merge_driver_name,
                        k_merge_driver_command));
  print_out("commit .gitattributes; each clone runs `llmchecklist init --git` once, with "
            "llmchecklist on its PATH\n");
}

int run_init(const Context& context, const InitOptions& options)
{
  // Without --file, init creates the file where check would: at the top of the git work tree.
  const fs::path path = context.named_state_path().value_or(
      default_state_directory(fs::current_path()) / k_state_file_name);
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  // `init --git` in a clone whose state file is committed only sets up git; naming a checklist
  // as well would re-initialise the file, which takes --force.
  const bool git_only = options.git && options.checklist_option->count() == 0;
  if (exists && !options.force && !git_only) {
    throw UsageError(fmt::format("{} already exists; pass --force to re-initialise it (recorded "
                                 "entries are kept)",
                                 path.string()));
  }
  if (options.git && !git_work_tree(fs::absolute(path).parent_path())) {
    // Before anything is written: on any error, nothing is.
    throw UsageError(fmt::format("--git: {} is not in a git repository", path.string()));
  }
  if (!exists || options.force) {
    create_state_file(context, options, path);
  }
  if (options.git) {
    set_up_git(context, path);
  }
  return k_exit_ok;
}

} // namespace

Command register_init(CLI::App& app, Context& context)
{
  auto options = std::make_shared<InitOptions>();
  CLI::App* sub = app.add_subcommand("init", "Create the state file (.llmchecklist)");
  options->checklist_option =
      sub->add_option("--checklist", options->checklist,
                      "builtin:NAME (default builtin:llm-deployment) or a checklist file")
          ->option_text("SOURCE");
  sub->add_flag("--force", options->force, "Re-initialise an existing state file");
  sub->add_flag("--git", options->git,
                "Have git merge the state file with `llmchecklist merge-driver` (.gitattributes "
                "and git config); on an existing state file, only this");
  return {sub, [&context, options] { return run_init(context, *options); }};
}

} // namespace llmchecklist::cli
