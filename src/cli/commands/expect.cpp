// llmchecklist expect: attach rules over result files to an item, list them, remove them.
// Reading the files is `verify`'s job (`verify --no-exec` reads them and runs nothing).

#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/backing.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/expectation_rule.hpp"
#include "llmchecklist/state_diff.hpp"
#include "llmchecklist/state_file.hpp"
#include "output.hpp"
#include "render.hpp"
#include "terminal.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::cli {
namespace {

struct ExpectOptions
{
  std::vector<std::string> items;
  std::string file;
  std::string reader;
  /// The condition options land in the rule itself; its file and reader are set from the two
  /// above once resolved.
  ExpectationRule rule;
  std::string remove;
  CLI::Option* remove_option = nullptr;
};

// The file as typed (relative to the working directory, or absolute) as a path from the top of
// the repository; it need not exist yet: CI writes result files before it verifies.
std::string repository_path(const fs::path& root, const std::string& typed, std::string_view what)
{
  const fs::path absolute = (fs::current_path() / typed).lexically_normal();
  const fs::path top = fs::weakly_canonical(root);
  std::string relative = absolute.lexically_relative(top).generic_string();
  if (relative.empty() || relative.rfind("..", 0) == 0) {
    // The working directory may be reached through a link: compare real paths too.
    relative = fs::weakly_canonical(absolute).lexically_relative(top).generic_string();
  }
  if (relative.empty() || relative == "." || relative.rfind("..", 0) == 0) {
    throw UsageError(
        fmt::format("{} {}: name a file inside the repository ({})", what, typed, top.string()));
  }
  require_repository_path(relative, what);
  return relative;
}

ExpectationRule rule_of(const ExpectOptions& options, const fs::path& root)
{
  ExpectationRule rule = options.rule;
  const auto reader = parse_expectation_reader(options.reader);
  if (!reader) {
    throw UsageError(fmt::format("--reader must be junit, promptfoo, inspect, sarif or json, "
                                 "not \"{}\"",
                                 options.reader));
  }
  rule.reader = *reader;
  rule.file = repository_path(root, options.file, "--file");
  require_fits_reader(rule, "--file");
  return rule;
}

std::string list_of(const Project& project, const Item& item)
{
  const Entry* entry = project.state.find(item.id);
  if (entry == nullptr || entry->expectations.empty()) {
    return fmt::format("{} {} has no expectations; add one with `llmchecklist expect {} --file "
                       "PATH --reader READER CONDITION`\n",
                       item.number, item.id, item.number);
  }
  std::string out;
  for (const Expectation& expectation : entry->expectations) {
    const ExpectationState state = expectation_state(project.state, expectation);
    out += fmt::format("{}  {}", describe_expectation(expectation.rule),
                       state == ExpectationState::pass   ? "pass"
                       : state == ExpectationState::fail ? "FAIL"
                                                         : "not read");
    out += state != ExpectationState::not_run ? fmt::format(" ({})\n", expectation.value) : "\n";
  }
  return out;
}

int run_expect(const Context& context, const ExpectOptions& options)
{
  if (options.items.size() != 1) {
    throw UsageError("expect takes exactly one item");
  }
  const bool remove = options.remove_option->count() > 0;
  if (!remove && options.file.empty() && options.reader.empty()) {
    const Project project = context.open();
    const Item& item =
        project.checklist.items()[resolve_item(project.checklist, options.items.front())];
    print_out(printable(list_of(project, item), true));
    return k_exit_ok;
  }
  if (!remove && (options.file.empty() || options.reader.empty())) {
    throw UsageError("expect needs both --file PATH and --reader READER (or --remove PATH)");
  }
  const fs::path root = default_state_directory(fs::absolute(context.state_path()).parent_path());
  std::optional<ExpectationRule> rule;
  std::string removed_file;
  if (remove) {
    removed_file = repository_path(root, options.remove, "--remove");
  } else {
    rule = rule_of(options, root);
  }
  std::string message;
  update_project(
      context.state_path(),
      [&](Project& project) {
        const Item& item =
            project.checklist.items()[resolve_item(project.checklist, options.items.front())];
        if (rule) {
          const bool added = add_expectation(project.state, item, *rule);
          message = fmt::format("{} {} {}: {}", item.number, item.id,
                                added ? "expects" : "already expects", describe_expectation(*rule));
          return;
        }
        const std::size_t count = remove_expectations(project.state, item, removed_file);
        message = count == 0 ? fmt::format("{} {} has no expectation on {}; nothing removed",
                                           item.number, item.id, removed_file)
                             : fmt::format("{} {}: removed {} expectation{} on {}", item.number,
                                           item.id, count, count == 1 ? "" : "s", removed_file);
      },
      context.settings());
  if (!context.options.quiet) {
    print_out(fitted_lines(context.out(), printable(message), 4));
  }
  return k_exit_ok;
}

} // namespace

Command register_expect(CLI::App& app, Context& context)
{
  auto options = std::make_shared<ExpectOptions>();
  CLI::App* sub = app.add_subcommand("expect", "Back an item with a rule over a result file");
  sub->add_option("items", options->items, "The item (a number, id or unique id prefix)");
  sub->add_option("--file", options->file,
                  "The result file (inside the repository; it may not exist yet)")
      ->option_text("PATH");
  sub->add_option("--reader", options->reader,
                  "How to read it: junit, promptfoo, inspect, sarif or json")
      ->option_text("READER");
  sub->add_option("--max-failures", options->rule.max_failures,
                  "junit, promptfoo: at most N failed tests (failures and errors)")
      ->option_text("N");
  sub->add_option("--min-pass-rate", options->rule.min_pass_rate,
                  "junit, promptfoo: at least PCT percent of the tests that ran passed")
      ->option_text("PCT");
  sub->add_option("--score", options->rule.score,
                  "inspect: the metric to judge (\"accuracy\", or \"scorer/metric\")")
      ->option_text("NAME");
  sub->add_option("--min-score", options->rule.min_score, "inspect: the metric's minimum")
      ->option_text("X");
  sub->add_option("--level", options->rule.level,
                  "sarif: count results at or above error (default), warning or note")
      ->option_text("LEVEL");
  sub->add_option("--max-results", options->rule.max_results,
                  "sarif: at most N results at that level (default 0)")
      ->option_text("N");
  sub->add_option("--jq", options->rule.jq,
                  "json: a jq condition; the file passes when it prints true")
      ->option_text("PROGRAM");
  options->remove_option =
      sub->add_option("--remove", options->remove, "Remove the item's expectations on PATH")
          ->option_text("PATH");
  sub->callback([options] {
    if (options->items.empty()) {
      throw CLI::ValidationError("expect needs an ITEM");
    }
  });
  return {sub, [&context, options] { return run_expect(context, *options); }};
}

} // namespace llmchecklist::cli
