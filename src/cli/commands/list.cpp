// llmchecklist list: every item, numbered and grouped by phase, with its status.

#include <memory>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/render.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/export.hpp"

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
    fmt::print("{}", render_json(checklist, project.state, selection));
    return k_exit_ok;
  }

  const Terminal& term = context.out();
  const Progress progress = compute_progress(checklist, project.state);
  // Teams that attach verify commands see what backs each done item.
  const bool verify = uses_verify(project);
  std::size_t id_width = 0;
  for (const Item& item : checklist.items()) {
    id_width = std::max(id_width, std::min<std::size_t>(item.id.size(), 30));
  }
  const std::size_t number_width = fmt::format("{}", checklist.items().size()).size();

  // The header counts what is selected, as the JSON's top-level counters do.
  const Counts& shown = selection.phase ? progress.phases[*selection.phase] : progress.overall;
  std::string out = fmt::format("{}: {}\n", paint(term, Color::bold, printable(checklist.title)),
                                counts_summary(shown));
  for (std::size_t p = 0; p < checklist.phases().size(); ++p) {
    if (selection.phase && *selection.phase != p) {
      continue;
    }
    const Phase& phase = checklist.phases()[p];
    out += fmt::format("\n{}{}  {}\n", paint(term, Color::bold, printable(phase.title)),
                       phase.optional ? " (optional)" : "", counts_summary(progress.phases[p]));
    for (const std::size_t i : phase.items) {
      const Item& item = checklist.items()[i];
      const Status status = status_of(project.state, item);
      if (selection.status && status != *selection.status) {
        continue;
      }
      const std::string prefix =
          fmt::format("  {} {:>{}}  {:<{}}  ", status_mark(term, status), item.number, number_width,
                      truncate(term, item.id, id_width), id_width);
      const std::size_t used = 4 + 3 + number_width + 2 + id_width + 2;
      const std::size_t room = term.width > static_cast<int>(used + 10) ? term.width - used : 10;
      const Evidence evidence = verify ? evidence_of(project.state, item) : Evidence::none;
      const std::size_t tag_width = evidence == Evidence::none        ? 0
                                    : evidence == Evidence::failing   ? 17
                                    : evidence == Evidence::automated ? 11
                                                                      : 9;
      const std::string fresh = freshness_tag(term, project.state, item);
      const std::size_t tags = tag_width + (fresh.empty() ? 0 : 38);
      out += prefix + truncate(term, printable(item.title), room > tags + 10 ? room - tags : 10) +
             evidence_tag(term, evidence) + fresh + "\n";
    }
  }
  fmt::print("{}", out);
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
