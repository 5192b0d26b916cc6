#include "cli/render.hpp"

#include <fmt/format.h>

#include "cli/diagnostics.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/upgrade.hpp"

namespace llmchecklist::cli {

std::string status_mark(const Terminal& terminal, Status status)
{
  switch (status) {
  case Status::done:
    return paint(terminal, Color::green, "[x]");
  case Status::na:
    return paint(terminal, Color::dim, "[-]");
  case Status::todo:
    break;
  }
  return "[ ]";
}

bool uses_verify(const Project& project)
{
  for (const Item& item : project.checklist.items()) {
    if (!verify_command(project.state, item).empty()) {
      return true;
    }
  }
  return false;
}

std::string evidence_tag(const Terminal& terminal, Evidence evidence)
{
  switch (evidence) {
  case Evidence::automated:
    return fmt::format(" {}", paint(terminal, Color::green, "[verified]"));
  case Evidence::manual:
    return fmt::format(" {}", paint(terminal, Color::dim, "[manual]"));
  case Evidence::failing:
    return fmt::format(" {}", paint(terminal, Color::red, "[verify failing]"));
  case Evidence::none:
    break;
  }
  return {};
}

std::string freshness_tag(const Terminal& terminal, const State& state, const Item& item)
{
  const Entry* entry = state.find(item.id);
  if (is_expired(state, item)) {
    return fmt::format(
        " {}", paint(terminal, Color::yellow, fmt::format("[n/a expired {}]", entry->until)));
  }
  if (is_stale(state, item)) {
    return fmt::format(" {}", paint(terminal, Color::yellow,
                                    fmt::format("[stale: checked at revision {}, now {}]",
                                                entry->revision, item.revision)));
  }
  return {};
}

std::string counts_summary(const Counts& counts)
{
  std::string text = fmt::format("{} of {} done", counts.done, counts.total - counts.na);
  if (counts.na > 0) {
    text += fmt::format(", {} n/a", counts.na);
  }
  return text + fmt::format(" ({} %)", counts.percent_floor());
}

void note_versions(const Project& project)
{
  const std::string pinned = pinned_version(project.state);
  const std::string latest = latest_version(project.state, project.checklist);
  if (pinned.empty() || latest.empty() || pinned == latest) {
    return;
  }
  if (project.state.checklist.rfind(k_builtin_prefix, 0) == 0) {
    if (compare_versions(latest, pinned) > 0) {
      fmt::print(stderr,
                 "llmchecklist: note: version {} of the checklist is available; this state "
                 "follows {}. `llmchecklist upgrade --dry-run` shows what would change.\n",
                 printable(latest), printable(pinned));
    }
    return;
  }
  print_warning(fmt::format("{} is now version {}, but {} was written against version {}; "
                            "review what changed, then run `llmchecklist upgrade`",
                            project.state.checklist, latest, project.state_path.string(), pinned));
}

void warn_orphans(const Project& project)
{
  const auto orphans = orphaned_entries(project.state, project.checklist);
  if (orphans.empty()) {
    return;
  }
  std::string ids;
  for (const Entry* orphan : orphans) {
    ids += fmt::format("\n  {} ({})", orphan->id, to_string(orphan->status));
  }
  print_warning(fmt::format("{} has {} orphaned entr{} that the checklist no longer has; they are "
                            "kept as recorded:{}",
                            project.state_path.string(), orphans.size(),
                            orphans.size() == 1 ? "y" : "ies", ids));
}

} // namespace llmchecklist::cli
