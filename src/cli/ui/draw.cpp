#include "ui/draw.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "llmchecklist/progress.hpp"
#include "render.hpp"
#include "terminal.hpp"
#include "ui/keys.hpp"

namespace llmchecklist::cli::ui {
namespace {

std::string fit(std::string_view text, int width, bool unicode)
{
  Terminal plain;
  plain.unicode = unicode;
  return width <= 0 ? std::string() : truncate(plain, text, static_cast<std::size_t>(width));
}

std::string progress_bar(double percent, int width, bool unicode)
{
  Terminal plain;
  plain.unicode = unicode;
  return bar(plain, percent, std::max(width, 1));
}

Style status_style(Status status)
{
  return status == Status::done ? Style::done : status == Status::na ? Style::dim : Style::todo;
}

// " [stale] [verified]": what to know about an item beyond its status, as `list` says it.
std::string flags(const State& state, const Item& item, bool wide)
{
  std::string out;
  for (const StandingTag& tag : standing_tags(standing_of(state, item), item, false)) {
    out += " " + (wide ? tag.long_form : tag.short_form);
  }
  return out;
}

void draw_item(Display& screen, int y, const View& view, const Row& row, bool selected,
               bool unicode)
{
  const Checklist& checklist = view.project().checklist;
  const State& state = view.project().state;
  const Item& item = checklist.items()[row.item];
  const int width = screen.columns();
  const Status status = status_of(state, item);
  const bool matched = !view.query().empty() &&
                       std::binary_search(view.matches().begin(), view.matches().end(), row.item);
  const Style base = selected ? Style::cursor : Style::normal;
  if (selected) {
    screen.fill(y, 0, Style::cursor);
  }
  const char* mark = status == Status::done ? "[x]" : status == Status::na ? "[-]" : "[ ]";
  screen.put(y, k_mark_column, mark, selected ? Style::cursor : status_style(status));
  const std::string number =
      fmt::format("{:>{}}", item.number, fmt::format("{}", checklist.items().size()).size());
  const bool wide = width >= 80;
  // A column of its own, so that titles end at the same place whatever the severity.
  const std::string severity = wide ? fmt::format(" {:<11}", to_string(item.severity))
                                    : (item.severity == Severity::required ? " req" : " rec");
  const std::string tags = flags(state, item, wide);
  const int title_column = k_mark_column + k_mark_width + 1 + static_cast<int>(number.size()) + 1;
  const int right = static_cast<int>(display_width(severity) + display_width(tags));
  const int room = width - title_column - right - 1;
  screen.put(y, k_mark_column + k_mark_width + 1, number, base);
  const std::string title = fit(printable(item.title), std::max(room, 4), unicode);
  screen.put(y, title_column, title, matched && !selected ? Style::bold : base);
  if (room > 4 || width >= 40) {
    const int at =
        std::max(title_column + static_cast<int>(display_width(title)) + 1, width - right - 1);
    screen.put(y, at, severity, selected ? Style::cursor : Style::dim);
    screen.put(y, at + static_cast<int>(display_width(severity)), tags,
               selected ? Style::cursor : Style::warning);
  }
}

void draw_phase(Display& screen, int y, const View& view, const Row& row, bool selected,
                bool unicode)
{
  const Checklist& checklist = view.project().checklist;
  const Phase& phase = checklist.phases()[row.phase];
  const Counts& counts = view.progress().phases[row.phase];
  const int width = screen.columns();
  const Style style = selected ? Style::cursor : Style::bold;
  if (selected) {
    screen.fill(y, 0, Style::cursor);
  }
  const std::string fold = view.folded(row.phase) ? (unicode ? "▸" : "+") : (unicode ? "▾" : "-");
  const std::string tail =
      fmt::format(" {:>3} % {}/{}", counts.percent_floor(), counts.done, counts.total - counts.na);
  const int bar_width = width >= 60 ? 16 : 6;
  const std::string title = printable(phase.title) + (phase.optional ? " (optional)" : "");
  const int room = width - 2 - bar_width - (unicode ? 0 : 2) - static_cast<int>(tail.size()) - 2;
  screen.put(y, 0, fold + " " + fit(title, std::max(room, 4), unicode), style);
  const int at = width - bar_width - (unicode ? 0 : 2) - static_cast<int>(tail.size());
  if (at > 6) {
    screen.put(y, at, progress_bar(counts.percent(), bar_width, unicode),
               selected ? Style::cursor : Style::done);
    screen.put(y, at + bar_width + (unicode ? 0 : 2), tail, style);
  }
}

// "/term  2 of 7": the search and where the cursor is among its matches.
std::string search_status(const View& view)
{
  const std::string term = "/" + printable(view.query());
  const std::size_t count = view.matches().size();
  if (count == 0) {
    return term + "  no match";
  }
  if (const std::optional<std::size_t> at = view.match_position()) {
    return fmt::format("{}  {} of {}", term, *at + 1, count);
  }
  return fmt::format("{}  {} {}", term, count, count == 1 ? "match" : "matches");
}

// A question and what is typed after it; the end of what is typed stays in view, and a
// question without input shows its start.
void draw_prompt(Display& screen, const Footer& footer, int y)
{
  const int width = screen.columns();
  const std::string input = printable(footer.input);
  const std::string line = footer.prompt + input;
  std::string text = line;
  if (static_cast<int>(display_width(line)) >= width) {
    Terminal plain;
    text = input.empty()
               ? truncate(plain, footer.prompt, static_cast<std::size_t>(std::max(width - 1, 1)))
               : truncate(plain, input, static_cast<std::size_t>(std::max(width - 1, 1)));
  }
  screen.put(y, 0, text, Style::bar);
}

// A key of the footer, or keys that do the same here under one name ("Space/Enter fold").
struct FooterKey
{
  std::string keys;
  std::string name;
};

// The keys that apply now, in the table's order (a search's own first); keys that do the same
// here share a name; help and quit, in `last`, always stay at the end.
struct FooterKeys
{
  std::vector<FooterKey> shown;
  std::vector<FooterKey> last;
};

FooterKeys footer_keys(const View& view)
{
  const bool searching = !view.query().empty();
  const bool on_phase = !view.rows().empty() && !view.current_item();
  FooterKeys keys;
  const auto add = [&](const Binding& binding) {
    std::string name(binding.footer);
    if (on_phase && !binding.phase_footer.empty()) {
      name = binding.phase_footer == "fold" && view.folded(view.current_phase())
                 ? "unfold"
                 : std::string(binding.phase_footer);
    }
    if (binding.request == Request::filter) {
      name += fmt::format(":{}", to_string(view.filter));
    }
    std::vector<FooterKey>& parts =
        binding.request == Request::help || binding.request == Request::quit ? keys.last
                                                                             : keys.shown;
    for (FooterKey& part : parts) {
      if (part.name == name) {
        part.keys += "/" + key_name(binding.key);
        return;
      }
    }
    parts.push_back(FooterKey{key_name(binding.key), name});
  };
  for (const bool search_keys : {true, false}) {
    for (const Binding& binding : bindings()) {
      if (binding.footer.empty() || (binding.when == When::searching) != search_keys ||
          (binding.when == When::searching && !searching) ||
          (binding.when == When::not_searching && searching) || (on_phase && binding.item_only)) {
        continue;
      }
      add(binding);
    }
  }
  return keys;
}

void draw_footer(Display& screen, const View& view, const Footer& footer, int y)
{
  const int width = screen.columns();
  screen.fill(y, 0, Style::bar);
  if (!footer.prompt.empty()) {
    draw_prompt(screen, footer, y);
    return;
  }
  if (!footer.message.empty()) {
    screen.put(y, 0, fit(footer.message, width, true), footer.error ? Style::error : Style::bar);
    return;
  }
  const FooterKeys keys = footer_keys(view);
  std::vector<std::string> parts;
  if (!view.query().empty()) {
    parts.push_back(search_status(view));
  }
  for (const FooterKey& part : keys.shown) {
    parts.push_back(part.keys + " " + part.name);
  }
  std::string tail;
  for (const FooterKey& part : keys.last) {
    tail += (tail.empty() ? "" : "  ") + part.keys + " " + part.name;
  }
  std::string line;
  for (const std::string& part : parts) {
    if (static_cast<int>(display_width(line) + display_width(part) + display_width(tail)) + 4 >
        width) {
      break;
    }
    line += part + "  ";
  }
  screen.put(y, 0, fit(line + tail, width, true), Style::bar);
}

} // namespace

void draw(Display& screen, View& view, const Footer& footer, bool unicode)
{
  screen.clear();
  const int width = screen.columns();
  const int height = screen.rows();
  const Project& project = view.project();
  const Counts& overall = view.progress().overall;

  screen.fill(0, 0, Style::bar);
  const std::string title = fmt::format("{} {}", printable(project.checklist.title),
                                        printable(project.checklist.version));
  screen.put(0, 0, fit(title, width, unicode), Style::bar);
  const std::string counts =
      fmt::format(" {:>3} %  {} done, {} n/a, {} todo", overall.percent_floor(), overall.done,
                  overall.na, overall.total - overall.done - overall.na);
  const int bar_width = std::max(6, std::min(30, width - static_cast<int>(counts.size()) - 4));
  screen.put(1, 0, progress_bar(overall.percent(), bar_width, unicode), Style::done);
  screen.put(1, bar_width + (unicode ? 0 : 2), fit(counts, width - bar_width - 2, unicode));

  const int list_rows = std::max(height - k_header_rows - k_footer_rows, 1);
  const std::vector<Row>& rows = view.rows();
  const std::size_t top = view.top(static_cast<std::size_t>(list_rows));
  for (int line = 0; line < list_rows && top + static_cast<std::size_t>(line) < rows.size();
       ++line) {
    const std::size_t r = top + static_cast<std::size_t>(line);
    const Row& row = rows[r];
    const int y = k_header_rows + line;
    const bool selected = r == view.cursor();
    switch (row.kind) {
    case Row::Kind::phase:
      draw_phase(screen, y, view, row, selected, unicode);
      break;
    case Row::Kind::item:
      draw_item(screen, y, view, row, selected, unicode);
      break;
    case Row::Kind::detail:
      if (selected) {
        screen.fill(y, 0, Style::cursor);
      }
      screen.put(y, 0, fit(row.text, width, unicode),
                 selected      ? Style::cursor
                 : row.heading ? Style::bold
                               : Style::normal);
      break;
    }
  }
  if (rows.empty()) {
    screen.put(k_header_rows, 2, fmt::format("no {} items", to_string(view.filter)), Style::dim);
  }
  draw_footer(screen, view, footer, height - 1);
  const int cursor_column =
      footer.prompt.empty()
          ? -1
          : std::min(static_cast<int>(display_width(footer.prompt + printable(footer.input))),
                     width - 1);
  screen.show(footer.prompt.empty() ? -1 : height - 1, cursor_column);
}

std::vector<HelpLine> help_lines(int width)
{
  std::vector<HelpLine> lines;
  const int key_width = std::min(18, width / 3);
  const std::size_t room = static_cast<std::size_t>(std::max(width - key_width - 3, 10));
  std::string keys;
  std::string help;
  Request last = Request::quit;
  const auto flush = [&] {
    if (keys.empty()) {
      return;
    }
    bool first = true;
    for (const std::string& line : wrap(help, room, "")) {
      lines.push_back(HelpLine{first ? keys : std::string(), line});
      first = false;
    }
  };
  for (const Binding& binding : bindings()) {
    if (!keys.empty() && binding.request == last && binding.help == help) {
      keys += ", " + key_name(binding.key);
      continue;
    }
    flush();
    keys = key_name(binding.key);
    help = std::string(binding.help);
    last = binding.request;
  }
  flush();
  lines.push_back(HelpLine{});
  for (const std::string& line :
       wrap("Mouse: a click on a mark checks, on a title expands; the wheel scrolls.",
            static_cast<std::size_t>(std::max(width - 2, 10)), "")) {
    lines.push_back(HelpLine{{}, line, true});
  }
  return lines;
}

int help_rows(const Display& screen)
{
  // A header, a blank line under it, and the footer.
  return std::max(screen.rows() - 3, 1);
}

void draw_help(Display& screen, const std::vector<HelpLine>& lines, std::size_t offset)
{
  screen.clear();
  const int width = screen.columns();
  const int key_width = std::min(18, width / 3);
  screen.fill(0, 0, Style::bar);
  screen.put(0, 0, fit("Keys of llmchecklist ui", width, true), Style::bar);
  const int rows = help_rows(screen);
  for (int row = 0; row < rows && offset + static_cast<std::size_t>(row) < lines.size(); ++row) {
    const HelpLine& line = lines[offset + static_cast<std::size_t>(row)];
    const int y = 2 + row;
    if (line.dim) {
      screen.put(y, 1, fit(line.text, width - 1, true), Style::dim);
      continue;
    }
    screen.put(y, 1, fit(line.keys, key_width, true), Style::bold);
    screen.put(y, key_width + 2, line.text);
  }
  // Where the lines are, and how to move and leave: every key must be reachable at 80x24.
  const std::size_t shown_last = std::min(lines.size(), offset + static_cast<std::size_t>(rows));
  const bool all = offset == 0 && shown_last == lines.size();
  const std::string where =
      all ? std::string("q, Esc or ? closes")
          : fmt::format("lines {}-{} of {}  j/k, PgDn/PgUp scroll  q, Esc or ? closes", offset + 1,
                        shown_last, lines.size());
  screen.fill(screen.rows() - 1, 0, Style::bar);
  screen.put(screen.rows() - 1, 0, fit(where, width, true), Style::bar);
  screen.show();
}

} // namespace llmchecklist::cli::ui
