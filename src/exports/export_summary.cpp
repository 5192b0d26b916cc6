// The Markdown a pull request shows next to its status check (a job summary, or a comment kept
// up to date): where progress stands, what this change did to it, and whether the gate
// passes. Long lists fold into <details>, and the whole stays under GitHub's comment limit by
// dropping whole items from the longest lists, never by cutting text mid-item.

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "exports/markdown_text.hpp"
#include "exports/selection.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/gate.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/scope.hpp"
#include "llmchecklist/standing.hpp"
#include "llmchecklist/state_diff.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist {
namespace {

using detail::inline_text;

// Lists longer than this fold into <details>.
constexpr std::size_t k_fold_after = 10;
// A note longer than this is shortened in a list (whole characters, marked with an ellipsis).
constexpr std::size_t k_note_characters = 200;

std::string shortened(std::string_view text)
{
  const std::string out = first_characters(text, k_note_characters);
  const bool cut = first_characters(text, k_note_characters + 1).size() > out.size();
  return cut ? out + "…" : out;
}

// "+5", "-2.5", "±0": a change in percentage points, to one decimal where it has one.
std::string points(double change)
{
  const double rounded = std::round(change * 10) / 10;
  if (rounded == 0) {
    return "±0";
  }
  const bool whole = rounded == std::floor(rounded);
  return whole ? fmt::format("{:+.0f}", rounded) : fmt::format("{:+.1f}", rounded);
}

std::string plural(std::size_t count, std::string_view one, std::string_view many)
{
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

// One list of the summary: a heading and its lines (each a whole item).
struct Section
{
  std::string heading;
  std::vector<std::string> lines;
};

std::string item_line(const Checklist& checklist, const StateChange& change)
{
  std::string line;
  if (change.item != Checklist::npos) {
    const Item& item = checklist.items()[change.item];
    line = fmt::format("- **{}.** {} ({})", item.number, inline_text(item.title),
                       inline_text(item.id));
  } else {
    line = fmt::format("- {} (no longer in the checklist)",
                       inline_text(change.after.id.empty() ? change.before.id : change.after.id));
  }
  const Entry& now = change.after;
  if (!now.note.empty() && now.status != Status::todo) {
    line += fmt::format(": {}", inline_text(shortened(now.note)));
  }
  if (now.status == Status::na && !now.until.empty()) {
    line += fmt::format(" (until {})", inline_text(now.until));
  }
  if (change.kind == ChangeKind::unchecked && !change.before.note.empty()) {
    line += fmt::format(" (was {}: {})", to_string(change.before.status),
                        inline_text(shortened(change.before.note)));
  }
  return line;
}

// The sections, each list cut to `cap` lines with a pointer to the rest.
std::string render_sections(const std::vector<Section>& sections, std::size_t cap,
                            std::string_view ref)
{
  std::string out;
  for (const Section& section : sections) {
    if (section.lines.empty()) {
      continue;
    }
    const std::size_t shown = std::min(cap, section.lines.size());
    std::string body;
    for (std::size_t i = 0; i < shown; ++i) {
      body += section.lines[i] + "\n";
    }
    if (shown < section.lines.size()) {
      body += ref.empty() ? fmt::format("- … and {} more: `llmchecklist list` shows them all\n",
                                        section.lines.size() - shown)
                          : fmt::format("- … and {} more: `llmchecklist diff {}` lists them all\n",
                                        section.lines.size() - shown, inline_text(ref));
    }
    const std::string heading = fmt::format("{} ({})", section.heading, section.lines.size());
    if (section.lines.size() > k_fold_after) {
      out += fmt::format("<details><summary>{}</summary>\n\n{}\n</details>\n\n", heading, body);
    } else {
      out += fmt::format("**{}**\n\n{}\n", heading, body);
    }
  }
  return out;
}

std::string gate_verdict(const Checklist& checklist, const State& state)
{
  if (state.gate.empty()) {
    return "Gate: none set. A `[gate]` table in the state file makes `llmchecklist progress "
           "--gate` enforce one.\n";
  }
  GateRequest request;
  request.from_state = true;
  const std::vector<std::string> reasons =
      evaluate_gate(checklist, state, effective_gate(state, request));
  std::vector<std::string> rules;
  if (state.gate.min >= 0) {
    rules.push_back(fmt::format("at least {:g} %", state.gate.min));
  }
  if (state.gate.all_required) {
    rules.emplace_back("every required item");
  }
  if (state.gate.no_stale) {
    rules.emplace_back("no stale check");
  }
  if (!state.gate.phases.empty()) {
    rules.push_back(plural(state.gate.phases.size(), "phase minimum", "phase minimums"));
  }
  std::string rule_text;
  for (const std::string& rule : rules) {
    rule_text += (rule_text.empty() ? "" : ", ") + rule;
  }
  if (reasons.empty()) {
    return fmt::format("Gate: ✅ passes ({}).\n", rule_text);
  }
  std::string out = fmt::format("Gate: ❌ fails ({}):\n\n", rule_text);
  for (const std::string& reason : reasons) {
    // A reason may list items on following lines: each becomes a bullet under the reason's.
    bool first = true;
    for (std::size_t start = 0; start < reason.size();) {
      const std::size_t end = std::min(reason.find('\n', start), reason.size());
      std::string_view line = std::string_view(reason).substr(start, end - start);
      start = end + 1;
      while (!line.empty() && line.front() == ' ') {
        line.remove_prefix(1);
      }
      if (!line.empty()) {
        out += fmt::format("{}- {}\n", first ? "" : "  ", inline_text(line));
        first = false;
      }
    }
  }
  return out;
}

// The entries that changed, a list per kind of change: checked, unchecked, waived, the rest.
std::vector<Section> entry_sections(const Checklist& checklist,
                                    const std::vector<StateChange>& changes)
{
  Section checked{"Checked in this change", {}};
  Section unchecked{"Unchecked", {}};
  Section waived{"Marked not applicable", {}};
  Section rescoped{"Re-scoped or checked again", {}};
  for (const StateChange& change : changes) {
    Section* into = change.kind == ChangeKind::checked     ? &checked
                    : change.kind == ChangeKind::unchecked ? &unchecked
                    : change.kind == ChangeKind::na        ? &waived
                                                           : &rescoped;
    into->lines.push_back(item_line(checklist, change));
  }
  return {checked, unchecked, waived, rescoped};
}

Section command_section(const Checklist& checklist, const State& state, const Baseline& since,
                        const State& then_state)
{
  Section commands{"Verify commands added or changed", {}};
  const Checklist& before_checklist = since.checklist != nullptr ? *since.checklist : checklist;
  for (const CommandChange& change :
       diff_verify_commands(then_state, before_checklist, state, checklist)) {
    const std::string named =
        change.item == Checklist::npos
            ? fmt::format("- {} (not in the checklist)", inline_text(change.id))
            : fmt::format("- **{}.** {} ({})", checklist.items()[change.item].number,
                          inline_text(checklist.items()[change.item].title),
                          inline_text(change.id));
    commands.lines.push_back(
        fmt::format("{}, {}: {}", named, change.kind(),
                    inline_text(shortened(change.after.empty() ? change.before : change.after))));
  }
  return commands;
}

// The checks whose evidence changed and the expectations that fail, from the standing model.
Section backing_section(const Checklist& checklist, const State& state)
{
  Section section{"Evidence changed or expectations failing", {}};
  for (const Item& item : checklist.items()) {
    for (const Finding& finding : standing_of(state, item).findings) {
      if (finding.kind == FindingKind::evidence_changed ||
          finding.kind == FindingKind::expectation_failing) {
        section.lines.push_back("- " + inline_text(finding.one_line()));
      }
    }
  }
  return section;
}

// What the change of checklist took out of the count; a narrower scope is one of `facts` too.
Section scope_section(const Checklist& checklist, const State& state, const Baseline& since,
                      const State& then_state, std::vector<std::string>& facts)
{
  Section scope_lines{"Left the count or lowered to recommended (the checklist changed)", {}};
  if (since.state != nullptr && since.checklist != nullptr) {
    const ScopeChange scope = compare_scope(then_state, *since.checklist, state, checklist);
    for (const ScopedItem& item : scope.left) {
      scope_lines.lines.push_back(fmt::format(
          "- **{}.** {} ({}): left the count, was {}{}", item.number, inline_text(item.title),
          inline_text(item.id), to_string(item.status),
          item.merged_into.empty() ? ""
                                   : fmt::format("; the checklist file says {} took it over",
                                                 inline_text(item.merged_into))));
    }
    for (const ScopedItem& item : scope.lowered) {
      scope_lines.lines.push_back(fmt::format("- **{}.** {} ({}): required -> recommended",
                                              item.number, inline_text(item.title),
                                              inline_text(item.id)));
    }
    if (scope.narrows()) {
      facts.push_back(fmt::format("⚠️ scope narrowed: {}, {}",
                                  plural(scope.left.size(), "item left", "items left"),
                                  plural(scope.lowered.size(), "lowered", "lowered")));
    }
  } else if (since.state != nullptr) {
    scope_lines.lines.push_back(fmt::format("- the checklist at {} cannot be read, so what left "
                                            "the count cannot be told: {}",
                                            inline_text(since.ref),
                                            inline_text(since.checklist_error)));
  }
  return scope_lines;
}

// A row per phase, with the change since the baseline when there is one.
std::string phase_table(const Checklist& checklist, const Progress& now,
                        const std::optional<Progress>& then)
{
  std::string out = then ? "| Phase | Done | Progress | Change |\n|---|---:|---:|---:|\n"
                         : "| Phase | Done | Progress |\n|---|---:|---:|\n";
  for (std::size_t p = 0; p < checklist.phases().size(); ++p) {
    const Counts& phase = now.phases[p];
    out += fmt::format("| {}{} | {}/{} | {} % |", inline_text(checklist.phases()[p].title),
                       checklist.phases()[p].optional ? " (optional)" : "", phase.done,
                       phase.total - phase.na, phase.percent_floor());
    if (then) {
      out += fmt::format(" {} |", points(phase.percent() - then->phases[p].percent()));
    }
    out += "\n";
  }
  return out + "\n";
}

// The lists after `used` bytes: the longest give way first, whole items at a time, until the
// whole fits.
std::string fitted_sections(std::size_t used, const std::vector<Section>& sections,
                            const Baseline* since, bool unchanged)
{
  std::size_t cap = 0;
  for (const Section& section : sections) {
    cap = std::max(cap, section.lines.size());
  }
  std::string lists = render_sections(sections, cap, since != nullptr ? since->ref : "");
  while (used + lists.size() > k_summary_limit && cap > 0) {
    cap /= 2;
    lists = render_sections(sections, cap, since != nullptr ? since->ref : "");
  }
  if (unchanged) {
    lists += fmt::format("No item changed since {}.\n", inline_text(since->ref));
  }
  return lists;
}

} // namespace

std::string render_summary(const Checklist& checklist, const State& state,
                           const ExportOptions& options)
{
  const Progress now = compute_progress(checklist, state);
  const Baseline* since = options.since ? &*options.since : nullptr;
  const State empty_state;
  const State& then_state =
      since != nullptr && since->state != nullptr ? *since->state : empty_state;
  std::optional<Progress> then;
  if (since != nullptr) {
    State judged = then_state;
    judged.as_of = state.as_of;
    judged.reindex();
    then = compute_progress(checklist, judged);
  }
  const Counts& c = now.overall;

  std::string out =
      fmt::format("### {}: {} %{}\n\n", inline_text(checklist.title), c.percent_floor(),
                  then ? fmt::format(" ({})", points(c.percent() - then->overall.percent())) : "");
  std::vector<std::string> facts{
      fmt::format("{} of {} applicable done", c.done, c.total - c.na), fmt::format("{} n/a", c.na),
      plural(c.required_todo, "required item open", "required items open")};
  if (c.stale > 0) {
    facts.push_back(plural(c.stale, "stale check", "stale checks"));
  }
  // What changed in scope first, since it changes what the percentage means.
  std::vector<Section> sections;
  bool unchanged = false;
  if (since != nullptr) {
    const std::vector<StateChange> changes = diff_states(then_state, state, checklist);
    const std::vector<Section> entries = entry_sections(checklist, changes);
    const Section scope = scope_section(checklist, state, *since, then_state, facts);
    facts.push_back(fmt::format("since {}: {}, {}, {}", inline_text(since->ref),
                                plural(entries[0].lines.size(), "checked", "checked"),
                                plural(entries[1].lines.size(), "unchecked", "unchecked"),
                                plural(entries[2].lines.size(), "waived", "waived")));
    sections = {scope,      entries[0], entries[1],
                entries[2], entries[3], command_section(checklist, state, *since, then_state)};
    unchanged = changes.empty() && scope.lines.empty();
  }
  if (c.evidence_changed > 0 || c.expectations_failing > 0) {
    facts.push_back(plural(c.evidence_changed + c.expectations_failing, "item whose backing failed",
                           "items whose backing failed"));
    sections.push_back(backing_section(checklist, state));
  }
  for (std::size_t i = 0; i < facts.size(); ++i) {
    out += (i == 0 ? "" : " · ") + facts[i];
  }
  out += "\n\n" + gate_verdict(checklist, state) + "\n" + phase_table(checklist, now, then);
  return out + fitted_sections(out.size(), sections, since, unchanged);
}

} // namespace llmchecklist
