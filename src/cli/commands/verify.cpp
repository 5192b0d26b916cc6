// llmchecklist verify: run the evidence commands attached to items, report each pass or fail,
// and with --update record the results; --set and --unset edit an item's command.

#include <memory>
#include <thread>

#include <fmt/format.h>

#include "command.hpp"
#include "diagnostics.hpp"
#include "exit_codes.hpp"
#include "expectation_report.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/documents.hpp"
#include "llmchecklist/entry_rules.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/verify.hpp"
#include "output.hpp"
#include "render.hpp"
#include "targets.hpp"
#include "validators.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::cli {
namespace {

struct VerifyCommandOptions
{
  std::vector<std::string> items;
  bool update = false;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  double timeout = 300;
  bool json = false;
  std::string set;
  bool unset = false;
  bool dry_run = false;
  bool no_exec = false;
  CLI::Option* set_option = nullptr;
};

int edit_command(const Context& context, const VerifyCommandOptions& options)
{
  if (options.items.size() != 1) {
    throw UsageError("--set and --unset take exactly one item");
  }
  const bool set = options.set_option->count() > 0;
  const std::string command = set ? options.set : std::string();
  // The library's rule, named by the option that broke it.
  require_one_line(command, "--set");
  if (set && command.find_first_not_of(" \t") == std::string::npos) {
    throw UsageError("--set needs a command; use --unset to remove one");
  }
  std::string message;
  update_project(
      context.state_path(),
      [&](Project& project) {
        const Item& item =
            project.checklist.items()[resolve_item(project.checklist, options.items.front())];
        const Entry* existing = project.state.find(item.id);
        if (!set && (existing == nullptr || existing->verify.empty())) {
          message = item.verify.empty()
                        ? fmt::format("{} {} has no verify command; nothing removed", item.number,
                                      item.id)
                        : fmt::format("{} {} has no verify command of its own; the checklist's "
                                      "default applies and stays: {}",
                                      item.number, item.id, item.verify);
          return;
        }
        set_verify_command(project.state, item, command);
        message = set ? fmt::format("verify command of {} {} set", item.number, item.id)
                      : fmt::format("verify command of {} {} removed", item.number, item.id);
        if (!set && !item.verify.empty()) {
          message += fmt::format("; the checklist's default still applies: {}", item.verify);
        }
      },
      context.settings());
  if (!context.options.quiet) {
    print_out(fitted_lines(context.out(), printable(message)));
  }
  return k_exit_ok;
}

void print_report(const Context& context, const Checklist& checklist,
                  const std::vector<VerifyResult>& results, double timeout)
{
  const Terminal& term = context.out();
  std::size_t passed = 0;
  for (const VerifyResult& result : results) {
    const Item& item = checklist.items()[result.item];
    const double seconds = static_cast<double>(result.duration.count()) / 1000.0;
    switch (result.outcome) {
    case VerifyOutcome::pass:
      ++passed;
      print_out(fitted_lines(term, fmt::format("{} {}  ({:.2f} s)", item.number, item.id, seconds),
                             8, "pass   ", Color::green));
      continue;
    case VerifyOutcome::fail:
      print_out(fitted_lines(term,
                             fmt::format("{} {}  exit {} ({:.2f} s): {}", item.number, item.id,
                                         result.exit_code, seconds, printable(result.command)),
                             8, "FAIL   ", Color::red));
      break;
    case VerifyOutcome::timeout:
      print_out(fitted_lines(term,
                             fmt::format("{} {}  killed at the {:g} s limit: {}", item.number,
                                         item.id, timeout, printable(result.command)),
                             8, "TIMEOUT", Color::red));
      break;
    }
    // The end of what it printed, line by line, made safe for a terminal.
    const std::string tail = last_lines(result.output_tail, 10);
    std::size_t start = 0;
    while (!tail.empty() && start <= tail.size()) {
      const std::size_t end = std::min(tail.find('\n', start), tail.size());
      print_out(fitted_lines(term, printable(std::string_view(tail).substr(start, end - start)), 6,
                             "|", Color::dim, 4));
      start = end + 1;
    }
  }
  print_err(fmt::format("verify: {} of {} command{} passed\n", passed, results.size(),
                        results.size() == 1 ? "" : "s"));
}

// The commands to run: those of the items named, or of every item that has one.
std::vector<VerifyJob> verify_jobs(const Project& project, const std::vector<std::string>& items)
{
  const Checklist& checklist = project.checklist;
  std::vector<VerifyJob> jobs;
  if (items.empty()) {
    for (std::size_t i = 0; i < checklist.items().size(); ++i) {
      const std::string_view command = verify_command(project.state, checklist.items()[i]);
      if (!command.empty()) {
        jobs.push_back(VerifyJob{i, std::string(command)});
      }
    }
    return jobs;
  }
  for (const std::size_t i : resolve_targets(checklist, items, {})) {
    const Item& item = checklist.items()[i];
    const std::string_view command = verify_command(project.state, item);
    const Entry* entry = project.state.find(item.id);
    if (command.empty() && (entry == nullptr || entry->expectations.empty())) {
      throw UsageError(fmt::format("item {} {} has no verify command or expectation; attach "
                                   "one with `llmchecklist verify {} --set COMMAND` or "
                                   "`llmchecklist expect {} --file PATH --reader READER ...`",
                                   item.number, item.id, item.id, item.id));
    }
    if (!command.empty()) {
      jobs.push_back(VerifyJob{i, std::string(command)});
    }
  }
  return jobs;
}

// What would run, and where, without running it: a command arrives with a merge like any
// other line, and this is how a reviewer reads them all before CI does.
void print_dry_run(const Context& context, const Project& project,
                   const std::vector<VerifyJob>& jobs)
{
  const fs::path directory = fs::absolute(project.state_path).parent_path();
  print_out(fitted_lines(context.out(),
                         fmt::format("would run in {}:", printable(directory.string())), 2));
  for (const VerifyJob& job : jobs) {
    const Item& item = project.checklist.items()[job.item];
    const Entry* entry = project.state.find(item.id);
    const bool own = entry != nullptr && !entry->verify.empty();
    print_out(fitted_lines(context.out(),
                           fmt::format("{} {} ({}): {}", item.number, item.id,
                                       own ? "the state file's command" : "the checklist's default",
                                       printable(job.command)),
                           4, {}, Color::bold, 2));
  }
}

// Commands ran outside the lock (they may take minutes); the results are applied to the
// state as it is now, under the lock, by item id. Returns what changed, a line each.
std::vector<std::string> record_results(const Context& context, const Project& project,
                                        const std::vector<VerifyResult>& results)
{
  // Commands ran outside the lock (they may take minutes); the results are applied to the
  // state as it is now, under the lock, by item id.
  const std::string at = context.now();
  std::vector<std::string> changes;
  update_project(
      project.state_path,
      [&](Project& current) {
        for (const VerifyResult& result : results) {
          const std::size_t index =
              current.checklist.find_item(project.checklist.items()[result.item].id);
          if (index == Checklist::npos) {
            continue;
          }
          const Item& item = current.checklist.items()[index];
          switch (record_verification(current.state, item, result, at)) {
          case VerifyChange::checked:
            changes.push_back(fmt::format("checked {} {} (verified)", item.number, item.id));
            break;
          case VerifyChange::unchecked:
            changes.push_back(
                fmt::format("unchecked {} {} (its verify command failed)", item.number, item.id));
            break;
          case VerifyChange::none:
            break;
          }
        }
      },
      context.settings());
  return changes;
}

// The items named, or every item.
std::vector<std::size_t> selected_items(const Project& project,
                                        const std::vector<std::string>& items)
{
  if (!items.empty()) {
    return resolve_targets(project.checklist, items, {});
  }
  std::vector<std::size_t> all(project.checklist.items().size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    all[i] = i;
  }
  return all;
}

// What the commands and the readings found, printed, and recorded with --update.
void report(const Context& context, const VerifyCommandOptions& options, const Project& project,
            const std::vector<VerifyResult>& results, const std::vector<ExpectationCheck>& checks,
            const std::vector<std::size_t>& reading)
{
  if (options.json) {
    print_out(render_verify_json(project.checklist, results, checks));
  } else if (!context.options.quiet) {
    if (!results.empty()) {
      print_report(context, project.checklist, results, options.timeout);
    }
    print_expectation_report(context, project, checks, reading);
  }
  if (!options.update) {
    return;
  }
  if (!checks.empty()) {
    record_expectation_checks(context, project, checks);
  }
  if (!results.empty()) {
    const std::vector<std::string> changes = record_results(context, project, results);
    if (!context.options.quiet && !options.json) {
      for (const std::string& change : changes) {
        print_out(fitted_lines(context.out(), change));
      }
    }
  }
}

int run_verify(const Context& context, const VerifyCommandOptions& options)
{
  if (options.set_option->count() > 0 || options.unset) {
    return edit_command(context, options);
  }
  const Project& project = context.open();
  std::vector<VerifyJob> jobs = verify_jobs(project, options.items);
  const std::vector<std::size_t> reading =
      items_with_expectations(project, selected_items(project, options.items));
  if (options.items.empty() && jobs.empty() && reading.empty()) {
    print_warning("no item has a verify command or an expectation; attach one with "
                  "`llmchecklist verify ITEM --set COMMAND` or `llmchecklist expect ITEM "
                  "--file PATH --reader READER ...`");
    return k_exit_ok;
  }
  if (options.no_exec && !jobs.empty()) {
    // A fork's pull request may have written any command: with --no-exec none runs.
    print_err(fmt::format("verify: --no-exec: {} command{} not run\n", jobs.size(),
                          jobs.size() == 1 ? "" : "s"));
    jobs.clear();
  }
  if (options.dry_run) {
    print_dry_run(context, project, jobs);
    return k_exit_ok;
  }
  // Result files are read first: nothing a command does can change what they said before it.
  const std::vector<ExpectationCheck> checks = read_expectations(project, reading);
  std::vector<VerifyResult> results;
  if (!jobs.empty()) {
    VerifyOptions run;
    run.jobs = options.jobs;
    run.timeout = std::chrono::milliseconds(static_cast<long long>(options.timeout * 1000));
    results = run_verifications(jobs, fs::absolute(project.state_path).parent_path(), run);
  }
  report(context, options, project, results, checks, reading);
  const bool all_passed =
      std::all_of(results.begin(), results.end(),
                  [](const VerifyResult& r) { return r.outcome == VerifyOutcome::pass; }) &&
      std::all_of(checks.begin(), checks.end(), [](const ExpectationCheck& c) { return c.pass; });
  return all_passed ? k_exit_ok : k_exit_gate_failed;
}

} // namespace

Command register_verify(CLI::App& app, Context& context)
{
  auto options = std::make_shared<VerifyCommandOptions>();
  CLI::App* sub =
      app.add_subcommand("verify", "Run commands and read result files; --update records");
  sub->add_option("items", options->items,
                  "Items to verify (default: every item with a command or an expectation)");
  CLI::Option* update =
      sub->add_flag("--update", options->update,
                    "Check items whose command passes; uncheck those verify checked that fail");
  sub->add_option("--jobs,-j", options->jobs, "Commands to run at once (default: CPUs)")
      ->check(number_between(1, 256, "a whole number of commands", true));
  sub->add_option("--timeout", options->timeout,
                  "Seconds before a command's process group is killed (default 300)")
      ->check(number_between(0.001, 86400, "a number of seconds"))
      ->option_text("SECONDS");
  CLI::Option* json = sub->add_flag("--json", options->json, "Print the results as JSON");
  options->set_option = sub->add_option("--set", options->set,
                                        "Attach COMMAND to ITEM (run from the state file's "
                                        "directory; success means the evidence holds)")
                            ->option_text("COMMAND");
  CLI::Option* unset = sub->add_flag("--unset", options->unset, "Remove ITEM's command");
  CLI::Option* dry_run = sub->add_flag("--dry-run", options->dry_run,
                                       "List the commands that would run, per item; run nothing");
  options->set_option->excludes(unset)->excludes(update)->excludes(json)->excludes(dry_run);
  unset->excludes(update)->excludes(json)->excludes(dry_run);
  dry_run->excludes(update)->excludes(json);
  CLI::Option* no_exec = sub->add_flag(
      "--no-exec", options->no_exec,
      "Read expectations and receipts only: run no command, start no process (for pull "
      "requests from forks)");
  no_exec->excludes(options->set_option)->excludes(unset);
  return {sub, [&context, options] { return run_verify(context, *options); }};
}

} // namespace llmchecklist::cli
