// llmchecklist upgrade: move the state to a newer version of its checklist, deliberately, as
// one reviewable change.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/upgrade.hpp"
#include "output.hpp"
#include "render.hpp"
#include "terminal.hpp"

namespace llmchecklist::cli {
namespace {

struct UpgradeOptions
{
  std::string to;
  bool dry_run = false;
};

struct Target
{
  Checklist checklist;
  std::string reference;
  bool from_known = false;
};

// What to move to: a built-in checklist's chosen (or latest) version, or a checklist file as it
// is now.
Target choose_target(const Project& project, const std::string& to)
{
  const std::string& reference = project.state.checklist;
  Target target;
  if (reference.rfind(k_builtin_prefix, 0) == 0) {
    const std::string name =
        reference.substr(k_builtin_prefix.size(), reference.find('@') - k_builtin_prefix.size());
    const std::vector<std::string> versions = builtin_checklist_versions(name);
    const std::string version = to.empty() ? versions.back() : to;
    const std::string pinned = pinned_version(project.state);
    if (!pinned.empty() && compare_versions(version, pinned) < 0) {
      throw UsageError(fmt::format("upgrade moves forward: the state follows {}, which is newer "
                                   "than {}",
                                   pinned, version));
    }
    target.reference = fmt::format("{}{}@{}", k_builtin_prefix, name, version);
    target.checklist = load_builtin_checklist(target.reference.substr(k_builtin_prefix.size()));
    target.from_known = !pinned.empty();
    return target;
  }
  if (!to.empty() && to != project.checklist.version) {
    throw UsageError(fmt::format("{} is at version {}; a checklist file can only be followed as "
                                 "it is now",
                                 reference, project.checklist.version));
  }
  target.reference = reference;
  target.checklist = project.checklist;
  return target;
}

std::string summary(const Terminal& term, const Project& project, const Target& target,
                    const UpgradePlan& plan)
{
  const std::string pinned = pinned_version(project.state);
  std::string out =
      fmt::format("{} {} -> {}\n",
                  printable(project.state.checklist.substr(0, project.state.checklist.find('@'))),
                  pinned.empty() ? "(not pinned)" : printable(pinned), printable(plan.to_version));
  auto section = [&](const char* heading, const std::vector<std::string>& ids,
                     const Checklist& where) {
    if (ids.empty()) {
      return;
    }
    out += fmt::format("  {} ({}):\n", heading, ids.size());
    for (const std::string& id : ids) {
      const std::size_t i = where.find_item(id);
      out += fitted_lines(term,
                          i == Checklist::npos
                              ? printable(id)
                              : fmt::format("{} {}: {}", where.items()[i].number, printable(id),
                                            printable(where.items()[i].title)),
                          6, {}, Color::bold, 4);
    }
  };
  section("added, as todo", plan.added, target.checklist);
  section("changed, their checks now stale", plan.changed, target.checklist);
  if (!plan.merged.empty()) {
    out += fmt::format("  merged into other items ({}):\n", plan.merged.size());
    for (const UpgradePlan::Merge& merge : plan.merged) {
      const std::size_t i = target.checklist.find_item(merge.into);
      const Entry* old = project.state.find(merge.from);
      const bool recorded = old != nullptr && old->status != Status::todo;
      const std::string what =
          merge.carried ? fmt::format("its {} carried over, stale until re-checked",
                                      old->status == Status::na ? "n/a decision" : "check")
          : recorded    ? "kept as an orphaned entry: the item has a check of its own"
                        : "nothing recorded to carry";
      out += fitted_lines(term,
                          fmt::format("{} -> {} {}: {} ({})", printable(merge.from),
                                      target.checklist.items()[i].number, printable(merge.into),
                                      printable(target.checklist.items()[i].title), what),
                          6, {}, Color::bold, 4);
    }
  }
  section("dropped, kept as orphaned entries", plan.dropped, project.checklist);
  if (plan.added.empty() && plan.changed.empty() && plan.dropped.empty() && plan.merged.empty()) {
    out += "  no item added, changed or dropped\n";
  }
  return out;
}

int run_upgrade(const Context& context, const UpgradeOptions& options)
{
  const Project& project = context.open();
  const Target target = choose_target(project, options.to);
  const std::string pinned = pinned_version(project.state);
  if (target.reference == project.state.checklist && pinned == target.checklist.version) {
    if (!context.options.quiet) {
      print_out(fitted_lines(context.out(), fmt::format("{} already follows {}",
                                                        printable(project.state_path.string()),
                                                        printable(target.reference))));
    }
    return k_exit_ok;
  }
  const UpgradePlan plan =
      plan_upgrade(project.state, target.from_known ? &project.checklist : nullptr,
                   target.checklist, target.reference);
  if (options.dry_run) {
    print_out(fmt::format("{}(dry run: nothing written)\n",
                          summary(context.out(), project, target, plan)));
    return k_exit_ok;
  }
  update_project(
      project.state_path,
      [&](Project& current) {
        apply_upgrade(current.state, plan, target.checklist);
        current.checklist = target.checklist;
      },
      context.settings());
  if (!context.options.quiet) {
    print_out(summary(context.out(), project, target, plan));
  }
  return k_exit_ok;
}

} // namespace

Command register_upgrade(CLI::App& app, Context& context)
{
  auto options = std::make_shared<UpgradeOptions>();
  CLI::App* sub = app.add_subcommand(
      "upgrade", "Move the state to a newer version of its checklist (one reviewable change)");
  sub->add_option("--to", options->to, "The version to move to (default: the newest)")
      ->option_text("VERSION");
  sub->add_flag("--dry-run", options->dry_run, "Say what would change; write nothing");
  return {sub, [&context, options] { return run_upgrade(context, *options); }};
}

} // namespace llmchecklist::cli
