// llmchecklist show: one item's best-practice details and its recorded state.

#include <memory>

#include <fmt/format.h>

#include "backing_lines.hpp"
#include "command.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/address.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/progress.hpp"
#include "output.hpp"
#include "render.hpp"

namespace llmchecklist::cli {
namespace {

struct ShowOptions
{
  std::string item;
  bool json = false;
};

// The status line, then what the check recorded, one paragraph each.
std::vector<std::string> state_lines(const Terminal& term, const Item& item, const Entry* entry,
                                     bool status_expired)
{
  const Status status = entry != nullptr ? entry->status : Status::todo;
  std::string line = fmt::format("Status: {} {}", status_mark(term, status),
                                 status == Status::na ? "not applicable" : to_string(status));
  if (entry == nullptr || status == Status::todo) {
    return {line};
  }
  if (!entry->by.empty()) {
    line += fmt::format(" by {}", printable(entry->by));
  }
  if (!entry->at.empty()) {
    line += fmt::format(" at {}", printable(entry->at));
  }
  std::vector<std::string> lines{line};
  if (entry->revision > 0 && entry->revision < item.revision) {
    lines.push_back(fmt::format("Stale: checked at revision {}; the requirement changed since (now "
                                "revision {}). `llmchecklist check {}` re-confirms it.",
                                entry->revision, item.revision, item.id));
  }
  if (!entry->until.empty()) {
    lines.push_back(fmt::format("Until: {}{}", entry->until,
                                status_expired ? " (expired: it counts as todo again)" : ""));
  }
  if (!entry->note.empty()) {
    lines.push_back(
        fmt::format("{}: {}", status == Status::na ? "Reason" : "Note", printable(entry->note)));
  }
  return lines;
}

// The title wraps so that nothing runs past the terminal's width, its lines hanging under the
// title's first word rather than under the number.
std::string title_text(const Terminal& term, const Item& item)
{
  std::string out;
  const std::string number = fmt::format("{}. ", item.number);
  const std::string title =
      fitted_lines(term, number + printable(item.title), number.size(), {}, Color::bold, 0);
  for (std::size_t start = 0; start < title.size();) {
    const std::size_t end = title.find('\n', start);
    out += paint(term, Color::bold, title.substr(start, end - start)) + "\n";
    start = end + 1;
  }
  return out;
}

// "Verify: COMMAND (last result: pass; the check is backed by it)", or nothing without a
// command.
std::string verify_line(const State& state, const Item& item)
{
  const std::string_view command = verify_command(state, item);
  if (command.empty()) {
    return {};
  }
  const Entry* entry = state.find(item.id);
  const std::string last =
      entry != nullptr && !entry->verify_result.empty() ? entry->verify_result : "not recorded";
  std::string backing;
  switch (evidence_of(state, item)) {
  case Evidence::automated:
    backing = "; the check is backed by it";
    break;
  case Evidence::failing:
    backing = "; the check stands, but its evidence no longer holds";
    break;
  case Evidence::manual:
    backing = "; the check was made by hand";
    break;
  case Evidence::none:
    break;
  }
  return fmt::format("Verify: {} (last result: {}{})", printable(command), last, backing);
}

// What the checklist says about the item: its details, when it is done, its tags and links.
std::string guidance_text(const Terminal& term, const Item& item, std::size_t width)
{
  std::string out;
  if (!item.details.empty()) {
    out += "\n" + wrap_text(printable(item.details, true), width, "  ");
  }
  if (!item.done_when.empty()) {
    out += "\n" + paint(term, Color::bold, "Done when:") + "\n" +
           wrap_text(printable(item.done_when), width, "  ");
  }
  if (!item.tags.empty()) {
    out += "\n";
    const std::vector<std::string> lines =
        wrap(fmt::format("Tags: {}", printable(fmt::format("{}", fmt::join(item.tags, ", ")))),
             width, "");
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out += (i == 0 ? paint(term, Color::bold, "Tags:") + lines[i].substr(5) : lines[i]) + "\n";
    }
  }
  if (!item.links.empty()) {
    out += "\n" + paint(term, Color::bold, "Links:") + "\n";
    for (const std::string& link : item.links) {
      out += wrap_text(printable(link), width, "  ");
    }
  }
  return out;
}

int run_show(const Context& context, const ShowOptions& options)
{
  const Project& project = context.open();
  const Checklist& checklist = project.checklist;
  const std::size_t index = resolve_item(checklist, options.item);
  if (options.json) {
    print_out(render_item_json(checklist, project.state, index));
    return k_exit_ok;
  }
  const Terminal& term = context.out();
  const Item& item = checklist.items()[index];
  const Phase& phase = checklist.phases()[item.phase];
  const std::size_t width = static_cast<std::size_t>(term.width);

  // Every line is wrapped to the width, the way the details are, so that nothing runs past the
  // terminal's edge even at 40 columns.
  std::string out = title_text(term, item);
  const std::string_view dot = term.unicode ? " · " : " | ";
  out += wrap_text(fmt::format("{}{}{}{}{}{}revision {}", item.id, dot, printable(phase.title), dot,
                               to_string(item.severity), dot, item.revision),
                   width, "  ");
  for (const std::string& line :
       state_lines(term, item, project.state.find(item.id), is_expired(project.state, item))) {
    out += wrap_text(line, width, "  ");
  }
  if (const std::string verify = verify_line(project.state, item); !verify.empty()) {
    out += wrap_text(verify, width, "  ");
  }
  for (const std::string& line : backing_lines(standing_of(project.state, item))) {
    out += wrap_text(line, width, "  ");
  }
  print_out(out + guidance_text(term, item, width));
  return k_exit_ok;
}

} // namespace

Command register_show(CLI::App& app, Context& context)
{
  auto options = std::make_shared<ShowOptions>();
  CLI::App* sub = app.add_subcommand("show", "Show an item's best-practice details and state");
  sub->add_option("item", options->item, "Item number, id or unique id prefix");
  sub->add_flag("--json", options->json, "Print the item as JSON");
  // Said in words, as check and uncheck say it, rather than CLI11's "item is required".
  sub->callback([options] {
    if (options->item.empty()) {
      throw CLI::ValidationError("show needs an ITEM: its number, id or a unique id prefix (see "
                                 "`llmchecklist list`)");
    }
  });
  return {sub, [&context, options] { return run_show(context, *options); }};
}

} // namespace llmchecklist::cli
