// Markdown export: a GitHub task list grouped by phase. Text from the checklist or the state is
// escaped so that it stays inside its list item: no raw HTML, links, emphasis or line breaks.

#include <fmt/format.h>

#include "exports/markdown_text.hpp"
#include "exports/selection.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist {
namespace {

using detail::inline_text;

std::string counts_line(const Counts& counts)
{
  return fmt::format("{} of {} applicable items done ({} %), {} n/a, {} todo", counts.done,
                     counts.total - counts.na, counts.percent_floor(), counts.na, counts.todo);
}

// The best practice behind a <details> element, indented into the list item. GitHub renders
// Markdown inside it when blank lines separate the HTML tags from the text; the text itself
// stays escaped, so it cannot close the element or open one of its own.
std::string details_block(const Item& item)
{
  if (item.details.empty() && item.done_when.empty()) {
    return {};
  }
  std::string out = "\n  <details><summary>Best practice</summary>\n\n";
  for (const std::string& paragraph : split_paragraphs(item.details)) {
    out += fmt::format("  {}\n\n", inline_text(paragraph, true));
  }
  if (!item.done_when.empty()) {
    out += fmt::format("  **Done when:** {}\n\n", inline_text(item.done_when));
  }
  return out + "  </details>\n\n";
}

std::string item_line(const Item& item, const State& state)
{
  const Entry* entry = state.find(item.id);
  const Status status = status_of(state, item); // an expired n/a counts as todo
  std::string title = fmt::format("{}\\. {}", item.number, inline_text(item.title));
  std::string line = status == Status::done ? fmt::format("- [x] {}", title)
                     : status == Status::na ? fmt::format("- [x] ~~{}~~ *n/a*", title)
                                            : fmt::format("- [ ] {}", title);
  const Evidence evidence = evidence_of(state, item);
  line += evidence == Evidence::automated ? " *(verified)*"
          : evidence == Evidence::failing ? " *(verify failing)*"
                                          : "";
  if (is_stale(state, item)) {
    line +=
        fmt::format(" *(stale: checked at revision {}, now {})*", entry->revision, item.revision);
  }
  if (is_expired(state, item)) {
    line += fmt::format(" *(n/a expired {})*", inline_text(entry->until));
  }
  if (item.severity == Severity::required && status == Status::todo) {
    line += " **required**";
  }
  if (entry != nullptr && status != Status::todo) {
    std::string who = inline_text(entry->by);
    if (!entry->at.empty()) {
      who += fmt::format(" on {}", inline_text(entry->at.substr(0, 10)));
    }
    line += fmt::format(" — {}", who);
    if (!entry->note.empty()) {
      line += fmt::format(": {}", inline_text(entry->note));
    }
  }
  return line + "\n" + details_block(item);
}

} // namespace

std::string render_markdown(const Checklist& checklist, const State& state,
                            const Selection& selection)
{
  const detail::Selected selected = detail::select(checklist, state, selection);
  std::string out = fmt::format("# {}\n\n", inline_text(checklist.title, true));
  out += fmt::format("**Progress: {}**\n", counts_line(selected.counts));
  for (const detail::SelectedPhase& selected_phase : selected.phases) {
    const Phase& phase = checklist.phases()[selected_phase.index];
    const Counts& counts = selected.progress.phases[selected_phase.index];
    out += fmt::format("\n## {}{} ({} %)\n\n", inline_text(phase.title),
                       phase.optional ? " \\(optional\\)" : "", counts.percent_floor());
    if (selected_phase.items.empty()) {
      out += selection.items ? "*No items match.*\n" : "";
      continue;
    }
    for (const std::size_t i : selected_phase.items) {
      out += item_line(checklist.items()[i], state);
    }
  }
  return out;
}

} // namespace llmchecklist
