// llmchecklist check: mark items done, or not applicable with a reason.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "render.hpp"
#include "targets.hpp"
#include "terminal.hpp"
#include "output.hpp"
#include "llmchecklist/entry_rules.hpp"
#include "llmchecklist/error.hpp"

namespace llmchecklist::cli {
namespace {

struct CheckOptions
{
  std::vector<std::string> items;
  std::vector<std::string> phases;
  std::string note;
  std::string na;
  CLI::Option* na_option = nullptr;
  std::string until;
};

int run_check(const Context& context, const CheckOptions& options)
{
  const bool na = options.na_option->count() > 0;
  if (!options.until.empty() && !na) {
    throw UsageError("--until applies to --na: the date a not-applicable decision expires");
  }
  // The library's rules (check_item applies them too), named by the options that broke them.
  if (!options.until.empty()) {
    require_until(options.until, context.now().substr(0, 10), "--until");
  }
  if (na) {
    require_reason(options.na, "--na");
  } else {
    require_one_line(options.note, "--note");
  }
  Mark mark = context.mark(na ? options.na : options.note);
  mark.until = options.until;
  std::vector<std::string> done;
  update_project(
      context.state_path(),
      [&](Project& project) {
        for (const std::size_t i :
             resolve_targets(project.checklist, options.items, options.phases)) {
          const Item& item = project.checklist.items()[i];
          check_item(project.state, item, na ? Status::na : Status::done, mark);
          done.push_back(fmt::format("{} {} {}: {}", na ? "n/a    " : "checked", item.number,
                                     item.id, printable(item.title)));
        }
      },
      context.settings());
  if (!context.options.quiet) {
    for (const std::string& line : done) {
      print_out(fitted_lines(context.out(), line, 4));
    }
  }
  return k_exit_ok;
}

} // namespace

Command register_check(CLI::App& app, Context& context)
{
  auto options = std::make_shared<CheckOptions>();
  CLI::App* sub = app.add_subcommand("check", "Mark items done, or not applicable (--na)");
  sub->add_option("items", options->items, "Item numbers, ids or unique id prefixes");
  // One value per --phase, so that item arguments after it stay items.
  sub->add_option("--phase", options->phases, "Every item of this phase (repeatable)")
      ->allow_extra_args(false);
  CLI::Option* note = sub->add_option("--note", options->note, "A one-line note: the evidence");
  options->na_option = sub->add_option("--na", options->na, "Mark not applicable, with the reason")
                           ->option_text("REASON")
                           ->excludes(note);
  sub->add_option("--until", options->until,
                  "With --na: the last day the decision holds (YYYY-MM-DD); then it is todo again")
      ->option_text("DATE");
  sub->callback([options] {
    if (options->items.empty() && options->phases.empty()) {
      throw CLI::ValidationError("check needs an ITEM or --phase");
    }
  });
  return {sub, [&context, options] { return run_check(context, *options); }};
}

} // namespace llmchecklist::cli
