// llmchecklist list: every item, numbered and grouped by phase, with its status.

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/export.hpp"
#include "output.hpp"
#include "render.hpp"

namespace llmchecklist::cli {
namespace {

struct ListOptions
{
  std::string phase;
  std::string status;
  bool json = false;
};

int run_list(const Context& context, const ListOptions& options)
{
  const Project& project = context.open();
  note_versions(project);
  const Checklist& checklist = project.checklist;
  Selection selection;
  if (!options.phase.empty()) {
    selection.phase = resolve_phase(checklist, options.phase);
  }
  if (!options.status.empty()) {
    selection.status = parse_status(options.status);
  }
  if (options.json) {
    print_out(render_json(checklist, project.state, selection));
    return k_exit_ok;
  }

  const Terminal& term = context.out();
  // Teams that attach verify commands see what backs each done item.
  const bool verify = uses_verify(project);
  const std::size_t width = static_cast<std::size_t>(term.width);
  const Progress progress = compute_progress(checklist, project.state);
  std::size_t id_width = 0;
  for (const Item& item : checklist.items()) {
    id_width = std::max(id_width, std::min<std::size_t>(display_width(item.id), 30));
  }
  const std::size_t number_width = fmt::format("{}", checklist.items().size()).size();
  // Each row is "  [x] NN  ID  TITLE TAGS", fitted to the width: the id column gives way down
  // to 12 columns (ids are cut with an ellipsis), then the title is cut, then the tags shorten.
  const std::size_t fixed = 2 + 3 + 1 + number_width + 2;
  const std::size_t id_room = width > fixed + 2 + 24 ? width - fixed - 2 - 24 : 12;
  id_width = std::min(id_width, std::max<std::size_t>(id_room, 12));
  const std::size_t used = fixed + id_width + 2;

  // The header counts what is selected, as the JSON's top-level counters do.
  const Counts& shown = selection.phase ? progress.phases[*selection.phase] : progress.overall;
  std::string out =
      fitted_pair(term, printable(checklist.title), counts_summary(shown), width, ": ");
  std::size_t phases_shown = 0;
  for (std::size_t p = 0; p < checklist.phases().size(); ++p) {
    if (selection.phase && *selection.phase != p) {
      continue;
    }
    const Phase& phase = checklist.phases()[p];
    // With --status, a phase with no item of that status would be a heading over nothing.
    if (selection.status &&
        std::none_of(phase.items.begin(), phase.items.end(), [&](std::size_t i) {
          return status_of(project.state, checklist.items()[i]) == *selection.status;
        })) {
      continue;
    }
    const std::string title = printable(phase.title) + (phase.optional ? " (optional)" : "");
    ++phases_shown;
    out += "\n" + fitted_pair(term, title, counts_summary(progress.phases[p]), width, "  ");
    for (const std::size_t i : phase.items) {
      const Item& item = checklist.items()[i];
      const Status status = status_of(project.state, item);
      if (selection.status && status != *selection.status) {
        continue;
      }
      const std::string id = truncate(term, item.id, id_width);
      const std::string prefix =
          fmt::format("  {} {:>{}}  {}{}  ", status_mark(term, status), item.number, number_width,
                      id, std::string(id_width - display_width(id), ' '));
      const std::size_t room = width > used ? width - used : 0;
      // The title keeps at least 20 columns where it can; the tags shorten first.
      const Tags tags =
          item_tags(term, project.state, item, room > 30 ? room - 20 : room / 2, verify);
      const std::size_t title_room = room > tags.width ? room - tags.width : 0;
      out += prefix + truncate(term, printable(item.title), title_room) + tags.text + "\n";
    }
  }
  if (phases_shown == 0 && selection.status) {
    out += fmt::format("\nno item is {}\n", options.status);
  }
  print_out(out);
  warn_orphans(project);
  return k_exit_ok;
}

} // namespace

Command register_list(CLI::App& app, Context& context)
{
  auto options = std::make_shared<ListOptions>();
  CLI::App* sub = app.add_subcommand("list", "List the items, numbered and grouped by phase");
  sub->add_option("--phase", options->phase, "Only this phase (number, id or id prefix)");
  sub->add_option("--status", options->status, "Only items with this status")
      ->check(CLI::IsMember(k_status_names));
  sub->add_flag("--json", options->json, "Print JSON (the schema in llmchecklist(1))");
  return {sub, [&context, options] { return run_list(context, *options); }};
}

} // namespace llmchecklist::cli
