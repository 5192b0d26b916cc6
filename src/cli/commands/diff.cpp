// llmchecklist diff: what changed in the checklist's state between two git revisions, or between
// one and the working tree, read from git itself.

#include <algorithm>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "command.hpp"
#include "diagnostics.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/documents.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/git.hpp"
#include "llmchecklist/revision.hpp"
#include "llmchecklist/scope.hpp"
#include "llmchecklist/state_diff.hpp"
#include "llmchecklist/state_file.hpp"
#include "output.hpp"
#include "render.hpp"
#include "terminal.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::cli {
namespace {

struct DiffOptions
{
  std::string from = "HEAD";
  /// Empty: the working tree.
  std::string to;
  bool json = false;
};

// The checklist the newer version follows there (numbers and titles come from it), else the
// older one's; nullopt when neither could be read, and then items are shown by id.
std::optional<Checklist> checklist_for(const ProjectVersion& before, const ProjectVersion& after)
{
  for (const ProjectVersion* version : {&after, &before}) {
    if (version->state && !version->checklist_error.empty()) {
      print_warning(fmt::format("the checklist of {} cannot be read, so items it lacks are shown "
                                "by id: {}",
                                version->name, version->checklist_error));
    }
  }
  return after.checklist ? after.checklist : before.checklist;
}

std::string who_and_when(const Entry& entry)
{
  std::string text;
  if (!entry.by.empty()) {
    text += fmt::format("by {}", printable(entry.by));
  }
  if (!entry.at.empty()) {
    text += fmt::format("{}at {}", text.empty() ? "" : " ", entry.at);
  }
  return text;
}

// The receipts a check added, re-signed or dropped: "evidence docs/a.md 7ee7e73 -> 46d3f28".
std::string receipt_changes(const Entry& before, const Entry& after)
{
  std::vector<std::string> parts;
  for (const Receipt& receipt : after.evidence) {
    const auto old = std::find_if(before.evidence.begin(), before.evidence.end(),
                                  [&](const Receipt& r) { return r.path == receipt.path; });
    if (old == before.evidence.end()) {
      parts.push_back(
          fmt::format("evidence {} {}", printable(receipt.path), receipt.blob.substr(0, 7)));
    } else if (old->blob != receipt.blob) {
      parts.push_back(fmt::format("evidence {} {} -> {}", printable(receipt.path),
                                  old->blob.substr(0, 7), receipt.blob.substr(0, 7)));
    }
  }
  for (const Receipt& receipt : before.evidence) {
    if (std::none_of(after.evidence.begin(), after.evidence.end(),
                     [&](const Receipt& r) { return r.path == receipt.path; })) {
      parts.push_back(fmt::format("evidence {} dropped", printable(receipt.path)));
    }
  }
  std::string text;
  for (const std::string& part : parts) {
    text += text.empty() ? part : "; " + part;
  }
  return text;
}

// What the line says after the item: who and when, and what the change was about.
std::string details(const StateChange& change)
{
  const Entry& before = change.before;
  const Entry& after = change.after;
  std::vector<std::string> parts;
  const auto add = [&parts](std::string part) {
    if (!part.empty()) {
      parts.push_back(std::move(part));
    }
  };
  switch (change.kind) {
  case ChangeKind::unchecked:
    add(fmt::format("was {}", before.status == Status::na ? "n/a" : "done"));
    add(who_and_when(before));
    break;
  case ChangeKind::note:
    add(who_and_when(after));
    add(fmt::format("note \"{}\" -> \"{}\"", printable(before.note), printable(after.note)));
    break;
  case ChangeKind::checked:
  case ChangeKind::na:
  case ChangeKind::rechecked:
    add(who_and_when(after));
    if (!after.note.empty()) {
      add(fmt::format("{} \"{}\"", after.status == Status::na ? "reason" : "note",
                      printable(after.note)));
    }
    break;
  }
  if (change.kind != ChangeKind::unchecked) {
    add(receipt_changes(before, after));
    if (!after.until.empty()) {
      add(fmt::format("until {}", after.until));
    }
    if (change.kind == ChangeKind::rechecked && before.revision != after.revision &&
        before.revision > 0) {
      add(fmt::format("revision {} -> {}", before.revision, after.revision));
    }
  }
  std::string text;
  for (const std::string& part : parts) {
    text += text.empty() ? part : "; " + part;
  }
  return text;
}

void print_changes(const Terminal& term, const Checklist& checklist,
                   const std::vector<StateChange>& changes)
{
  for (const StateChange& change : changes) {
    std::string label;
    Color color = Color::green;
    switch (change.kind) {
    case ChangeKind::checked:
      label = "checked  ";
      break;
    case ChangeKind::na:
      label = "n/a      ";
      color = Color::yellow;
      break;
    case ChangeKind::unchecked:
      label = "unchecked";
      color = Color::red;
      break;
    case ChangeKind::note:
      label = "note     ";
      color = Color::dim;
      break;
    case ChangeKind::rechecked:
      label = "rechecked";
      color = Color::dim;
      break;
    }
    const std::string item =
        change.item == Checklist::npos
            ? fmt::format("{} (orphaned)", printable(change.after.id))
            : fmt::format("{} {}: {}", checklist.items()[change.item].number, change.after.id,
                          printable(checklist.items()[change.item].title));
    const std::string more = details(change);
    print_out(fitted_lines(term, item + (more.empty() ? "" : " (" + more + ")"), 10, label, color));
  }
}

// Verify commands (`noun` "command", label "verify") and expectations ("expectation",
// "expect") added, removed or changed: what CI will run or read arrives for review.
void print_command_changes(const Terminal& term, const Checklist& checklist,
                           const std::vector<CommandChange>& changes,
                           std::string_view noun = "command", std::string_view label = "verify   ")
{
  for (const CommandChange& change : changes) {
    std::string what;
    if (change.before.empty()) {
      what = fmt::format("{} added: {}", noun, printable(change.after));
    } else if (change.after.empty()) {
      what = fmt::format("{} removed: {}", noun, printable(change.before));
    } else {
      what = fmt::format("{} changed: {} -> {}", noun, printable(change.before),
                         printable(change.after));
    }
    const std::string item =
        change.item == Checklist::npos
            ? fmt::format("{} (not in the checklist)", printable(change.id))
            : fmt::format("{} {}", checklist.items()[change.item].number, change.id);
    print_out(fitted_lines(term, fmt::format("{}: {}", item, what), 10, label, Color::yellow));
  }
}

std::string scoped_line(const ScopedItem& item)
{
  return fmt::format("{} {}: {}", item.number, item.id, printable(item.title));
}

// What the change of checklist does to the count: printed first, since it changes what every
// other line means.
void print_scope(const Terminal& term, const ScopeChange& scope)
{
  if (scope.checklist_changed()) {
    std::string what = scope.before_reference == scope.after_reference
                           ? printable(scope.after_reference)
                           : fmt::format("{} -> {}", printable(scope.before_reference),
                                         printable(scope.after_reference));
    if (scope.before_version != scope.after_version) {
      what += fmt::format(" (version {} -> {})", printable(scope.before_version),
                          printable(scope.after_version));
    }
    print_out(fitted_lines(term, what, 10, "checklist", Color::yellow));
  }
  for (const ScopedItem& item : scope.left) {
    std::string why = fmt::format("was {}", item.status == Status::done ? "done" : "todo");
    if (!item.merged_into.empty()) {
      why += fmt::format("; the checklist file says {} took it over", printable(item.merged_into));
    }
    print_out(fitted_lines(term, fmt::format("{} (left the count; {})", scoped_line(item), why), 10,
                           "left     ", Color::red));
  }
  for (const ScopedItem& item : scope.lowered) {
    print_out(fitted_lines(term, scoped_line(item) + " (required -> recommended)", 10, "lowered  ",
                           Color::red));
  }
  for (const ScopedItem& item : scope.joined) {
    print_out(fitted_lines(term, scoped_line(item) + " (new in the count)", 10, "joined   ",
                           Color::green));
  }
  for (const ScopedItem& item : scope.raised) {
    print_out(fitted_lines(term, scoped_line(item) + " (recommended -> required)", 10, "raised   ",
                           Color::green));
  }
}

int run_diff(const Context& context, const DiffOptions& options)
{
  const fs::path path = context.state_path();
  if (options.to.empty()) {
    context.require_named_state_file(); // the working tree's version is read
  }
  const ProjectVersion before = read_project_version(path, options.from);
  const ProjectVersion after = read_project_version(path, options.to);
  const Checklist checklist = checklist_for(before, after).value_or(Checklist{});
  const State none;
  const std::vector<StateChange> changes =
      diff_states(before.state.value_or(none), after.state.value_or(none), checklist);
  // Commands that CI will run arrive like any other line; review must see every one, also when
  // a checklist cannot be read.
  const std::vector<CommandChange> commands =
      diff_verify_commands(before.state.value_or(none), before.checklist.value_or(checklist),
                           after.state.value_or(none), checklist);
  const std::vector<CommandChange> expectations =
      diff_expectations(before.state.value_or(none), after.state.value_or(none), checklist);
  // The count itself, when both versions have a state and a checklist to compare.
  std::optional<ScopeChange> scope;
  if (before.state && after.state && before.checklist && after.checklist) {
    scope = compare_scope(*before.state, *before.checklist, *after.state, *after.checklist);
  }
  if (options.json) {
    print_out(render_diff_json(
        options.from,
        options.to.empty() ? std::nullopt : std::optional<std::string_view>(options.to), checklist,
        changes, commands, scope ? &*scope : nullptr, expectations));
  } else if (!changes.empty() || !commands.empty() || !expectations.empty() ||
             (scope && !scope->empty())) {
    if (scope) {
      print_scope(context.out(), *scope);
    }
    print_changes(context.out(), checklist, changes);
    print_command_changes(context.out(), checklist, commands);
    print_command_changes(context.out(), checklist, expectations, "expectation", "expect   ");
  } else if (!context.options.quiet) {
    print_out(
        fmt::format("no change to the checklist between {} and {}\n", before.name, after.name));
  }
  return k_exit_ok;
}

} // namespace

Command register_diff(CLI::App& app, Context& context)
{
  auto options = std::make_shared<DiffOptions>();
  CLI::App* sub = app.add_subcommand(
      "diff", "What changed in the checklist between two git revisions (default: HEAD and now)");
  sub->add_option("from", options->from, "The earlier revision (default HEAD)")
      ->option_text("REF1");
  sub->add_option("to", options->to, "The later revision (default: the working tree)")
      ->option_text("REF2");
  sub->add_flag("--json", options->json, "Print the changes as JSON");
  return {sub, [&context, options] { return run_diff(context, *options); }};
}

} // namespace llmchecklist::cli
