// llmchecklist check: mark items done, or not applicable with a reason.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/entry_rules.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/receipts.hpp"
#include "llmchecklist/state_file.hpp"
#include "output.hpp"
#include "render.hpp"
#include "targets.hpp"
#include "terminal.hpp"

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
  std::vector<std::string> evidence;
};

// What the check of `item` rests on: the files given with --evidence, else the files its
// entry records, read again so that checking again signs their current content.
std::optional<std::vector<Receipt>> receipts_for(const Project& project, const Item& item,
                                                 const std::optional<std::vector<Receipt>>& given,
                                                 const std::filesystem::path& root)
{
  if (given) {
    return given;
  }
  const Entry* entry = project.state.find(item.id);
  if (entry == nullptr || entry->evidence.empty()) {
    return std::nullopt;
  }
  std::vector<std::string> paths;
  for (const Receipt& receipt : entry->evidence) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(root / receipt.path, ec))) {
      throw UsageError(fmt::format("{} {}: its evidence {} is gone (deleted or renamed); give the "
                                   "files it rests on again with --evidence",
                                   item.number, item.id, receipt.path));
    }
    paths.push_back(receipt.path);
  }
  return collect_receipts(root, root, paths);
}

std::string evidence_suffix(const std::optional<std::vector<Receipt>>& receipts)
{
  if (!receipts || receipts->empty()) {
    return {};
  }
  return receipts->size() == 1 ? fmt::format(" (rests on {})", (*receipts)[0].path)
                               : fmt::format(" (rests on {} files)", receipts->size());
}

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
  const std::filesystem::path root =
      default_state_directory(std::filesystem::absolute(context.state_path()).parent_path());
  // Files given are hashed before the state file is locked, so that others wait less.
  std::optional<std::vector<Receipt>> given;
  if (!options.evidence.empty()) {
    given = collect_receipts(root, std::filesystem::current_path(), options.evidence);
  }
  std::vector<std::string> done;
  update_project(
      context.state_path(),
      [&](Project& project) {
        for (const std::size_t i :
             resolve_targets(project.checklist, options.items, options.phases)) {
          const Item& item = project.checklist.items()[i];
          mark.evidence = receipts_for(project, item, given, root);
          check_item(project.state, item, na ? Status::na : Status::done, mark);
          done.push_back(fmt::format("{} {} {}: {}{}", na ? "n/a    " : "checked", item.number,
                                     item.id, printable(item.title),
                                     printable(evidence_suffix(mark.evidence))));
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
  sub->add_option("--evidence", options->evidence,
                  "A file the check rests on, recorded by git blob id (repeatable; a directory "
                  "or a quoted glob names each file in it); replaces the files recorded")
      ->option_text("PATH")
      ->allow_extra_args(false);
  sub->callback([options] {
    if (options->items.empty() && options->phases.empty()) {
      throw CLI::ValidationError("check needs an ITEM or --phase");
    }
  });
  return {sub, [&context, options] { return run_check(context, *options); }};
}

} // namespace llmchecklist::cli
