#include "render.hpp"

#include <fmt/format.h>

#include "diagnostics.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/text.hpp"
#include "llmchecklist/upgrade.hpp"
#include "output.hpp"

namespace llmchecklist::cli {

std::string status_mark(const Terminal& terminal, Status status)
{
  return status == Status::done ? paint(terminal, Color::green, "[x]")
         : status == Status::na ? paint(terminal, Color::dim, "[-]")
                                : "[ ]";
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

std::vector<StandingTag> standing_tags(const Standing& standing, const Item& item, bool uses_verify)
{
  std::vector<StandingTag> tags;
  if (standing.evidence == Evidence::automated) {
    tags.push_back({"[verified]", "[verified]", Color::green});
  } else if (standing.evidence == Evidence::failing) {
    tags.push_back({"[verify failing]", "[failing]", Color::red});
  } else if (standing.verify != VerifyState::none) {
    // A command a reviewer should know about, which has not proved this item yet.
    tags.push_back({"[verify]", "[verify]", Color::yellow});
  } else if (standing.status == Status::done && uses_verify) {
    tags.push_back({"[manual]", "[manual]", Color::dim});
  }
  if (standing.evidence_changed) {
    tags.push_back({"[evidence changed]", "[changed]", Color::yellow});
  } else if (standing.backed && standing.evidence != Evidence::automated) {
    // Backed by current receipts or a passing expectation rather than a command.
    tags.push_back({"[backed]", "[backed]", Color::green});
  }
  for (const auto& [expectation, state] : standing.expectations) {
    if (state == ExpectationState::fail) {
      tags.push_back({"[expectation failing]", "[failing]", Color::red});
      break;
    }
  }
  if (standing.expired) {
    tags.push_back({fmt::format("[n/a expired {}]", standing.until), "[expired]", Color::yellow});
  } else if (standing.stale) {
    tags.push_back({fmt::format("[stale: checked at revision {}, now {}]",
                                standing.checked_revision, item.revision),
                    "[stale]", Color::yellow});
  } else if (!standing.until.empty()) {
    tags.push_back({fmt::format("[n/a until {}]", standing.until), "[until]", Color::yellow});
  }
  return tags;
}

Tags item_tags(const Terminal& terminal, const State& state, const Item& item, std::size_t room,
               bool uses_verify)
{
  const std::vector<StandingTag> tags = standing_tags(standing_of(state, item), item, uses_verify);
  std::size_t long_width = 0;
  for (const StandingTag& tag : tags) {
    long_width += 1 + display_width(tag.long_form);
  }
  const bool use_long = long_width <= room;
  Tags out;
  for (const StandingTag& tag : tags) {
    const std::string& text = use_long ? tag.long_form : tag.short_form;
    out.text += ' ';
    out.text += paint(terminal, tag.color, text);
    out.width += 1 + display_width(text);
  }
  return out;
}

std::string fitted_pair(const Terminal& terminal, std::string_view left, std::string_view right,
                        std::size_t width, std::string_view separator)
{
  if (display_width(left) + display_width(separator) + display_width(right) <= width) {
    return fmt::format("{}{}{}\n", paint(terminal, Color::bold, left), separator, right);
  }
  return fmt::format("{}\n{}\n", paint(terminal, Color::bold, truncate(terminal, left, width)),
                     truncate(terminal, right, width));
}

std::string fitted_lines(const Terminal& terminal, std::string_view text, std::size_t indent,
                         std::string_view label, Color color, std::size_t first_indent)
{
  // Unlike wrap(), spacing inside a line is kept as written: these lines quote commands and
  // notes, which must read exactly as they are.
  const std::string whole = label.empty() ? std::string(text) : fmt::format("{} {}", label, text);
  const std::size_t width = static_cast<std::size_t>(std::max(terminal.width, 20));
  indent = std::min(indent, width / 2);
  first_indent = std::min(first_indent, width / 2);
  std::vector<std::string> lines{std::string(first_indent, ' ')};
  std::size_t used = first_indent;
  bool has_word = false;
  const auto new_line = [&] {
    lines.emplace_back(indent, ' ');
    used = indent;
    has_word = false;
  };
  std::size_t start = 0;
  while (start < whole.size()) {
    const std::size_t word_start = whole.find_first_not_of(' ', start);
    if (word_start == std::string::npos) {
      break;
    }
    const std::size_t word_end = std::min(whole.find(' ', word_start), whole.size());
    const std::string_view spaces = std::string_view(whole).substr(start, word_start - start);
    std::string_view word = std::string_view(whole).substr(word_start, word_end - word_start);
    if (has_word && used + spaces.size() + display_width(word) > width) {
      new_line();
    }
    if (has_word) {
      lines.back() += spaces;
      used += spaces.size();
    }
    // A word longer than a line (a long command or link) is cut where the line ends.
    while (used + display_width(word) > width) {
      const std::size_t bytes = first_characters(word, width > used ? width - used : 0).size();
      lines.back() += word.substr(0, bytes);
      word.remove_prefix(bytes);
      new_line();
    }
    lines.back() += word;
    used += display_width(word);
    has_word = true;
    start = word_end;
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    const std::size_t at = first_indent;
    if (i == 0 && !label.empty() && line.compare(at, label.size(), label) == 0) {
      line = line.substr(0, at) + paint(terminal, color, label) + line.substr(at + label.size());
    }
    out += line + "\n";
  }
  return out;
}

std::size_t fit_columns(std::vector<TableColumn>& columns, const std::vector<std::size_t>& optional,
                        std::size_t width)
{
  std::size_t used = 0;
  bool first = true;
  for (const TableColumn& column : columns) {
    if (column.shown) {
      used += (first ? 0 : 2) + column.width;
      first = false;
    }
  }
  for (const std::size_t k : optional) {
    if (used + 2 + columns[k].width <= width) {
      used += 2 + columns[k].width;
      columns[k].shown = true;
    }
  }
  return used;
}

std::string table_cell(const Terminal& terminal, const TableColumn& column, std::string_view text,
                       bool last)
{
  const std::string cut = truncate(terminal, text, column.width);
  const std::string pad(column.width - std::min(column.width, display_width(cut)), ' ');
  return column.right ? pad + cut : (last ? cut : cut + pad);
}

std::string table_row(const Terminal& terminal, const std::vector<TableColumn>& columns,
                      const std::vector<std::string>& cells, CellColor color)
{
  std::size_t last = 0;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    last = columns[k].shown ? k : last;
  }
  std::string line;
  bool first = true;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (!columns[k].shown) {
      continue;
    }
    std::string cell = table_cell(terminal, columns[k], cells[k], k == last);
    if (const std::optional<Color> painted = color ? color(k, cells[k]) : std::nullopt) {
      cell = paint(terminal, *painted, cell);
    }
    line += (first ? "" : "  ") + cell;
    first = false;
  }
  return line;
}

std::string table_heading(const Terminal& terminal, const std::vector<TableColumn>& columns)
{
  std::vector<std::string> headings;
  for (const TableColumn& column : columns) {
    headings.push_back(column.heading);
  }
  return paint(terminal, Color::bold, table_row(terminal, columns, headings));
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
      print_err(
          fmt::format("llmchecklist: note: version {} of the checklist is available; this state "
                      "follows {}. `llmchecklist upgrade --dry-run` shows what would change.\n",
                      printable(latest), printable(pinned)));
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
