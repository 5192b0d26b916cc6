#pragma once
// Pieces of terminal output that several subcommands show the same way.

#include <optional>
#include <string>

#include "llmchecklist/progress.hpp"
#include "llmchecklist/project.hpp"
#include "llmchecklist/standing.hpp"
#include "terminal.hpp"

namespace llmchecklist::cli {

/// "[x]" done, "[-]" not applicable, "[ ]" todo; coloured on a terminal.
std::string status_mark(const Terminal& terminal, Status status);

/// Whether any item has a verify command: only then is evidence worth showing.
bool uses_verify(const Project& project);

/// What follows an item's title in a list: what backs it (" [verified]", " [verify failing]",
/// " [manual]" when `uses_verify`, or " [verify]" for a command not yet passing) and its freshness
/// (" [stale: ...]", " [n/a expired ...]"), in short forms when the long ones exceed `room`
/// columns. One tag after an item's title, in a long and a short form.
struct StandingTag
{
  std::string long_form;
  std::string short_form;
  Color color;
};

/// What to know about an item beyond its status, as `list` and the interface show it, from the
/// library's one model of its standing: what backs it ([verified], [verify failing], [verify]
/// for a command that has not backed it yet, [manual] once any item has a command; [backed] by
/// current receipts or a passing expectation, [evidence changed], [expectation failing]), an
/// n/a decision's end ([n/a expired DATE], [n/a until DATE]), and a stale check.
std::vector<StandingTag> standing_tags(const Standing& standing, const Item& item,
                                       bool uses_verify);

struct Tags
{
  std::string text;
  /// Columns it takes on screen (without colour codes).
  std::size_t width = 0;
};
Tags item_tags(const Terminal& terminal, const State& state, const Item& item, std::size_t room,
               bool uses_verify);

/// "LEFT: RIGHT" on one line when it fits `width`, else LEFT (cut to the width) and RIGHT on
/// lines of their own; LEFT in bold. Ends in a newline.
std::string fitted_pair(const Terminal& terminal, std::string_view left, std::string_view right,
                        std::size_t width, std::string_view separator);

/// `text` as one paragraph fitted to the terminal's width, the first line indented by
/// `first_indent` columns and the others by `indent`; when `label` is given, the text starts
/// with it, painted in `color`. Spacing inside a line is kept. Ends in a newline.
std::string fitted_lines(const Terminal& terminal, std::string_view text, std::size_t indent = 2,
                         std::string_view label = {}, Color color = Color::bold,
                         std::size_t first_indent = 0);

/// A column of a text table whose columns give way when the terminal is narrow.
struct TableColumn
{
  std::string heading;
  std::size_t width = 0;
  bool right = false;
  /// The columns that always stay start shown; fit_columns() shows the others that fit.
  bool shown = false;
};

/// Shows each column of `optional`, in that order, that still fits `width` beside those shown,
/// two spaces apart; returns the columns the shown ones take.
std::size_t fit_columns(std::vector<TableColumn>& columns, const std::vector<std::size_t>& optional,
                        std::size_t width);

/// `text` cut to the column's width and padded to it, but not after the last column's text.
std::string table_cell(const Terminal& terminal, const TableColumn& column, std::string_view text,
                       bool last);

/// The colour of a table's cell, if it has one, by the cell's column and text.
using CellColor = std::optional<Color> (*)(std::size_t column, std::string_view text);

/// A table's line: the cells of the shown columns (`cells` has one per column), two spaces apart.
std::string table_row(const Terminal& terminal, const std::vector<TableColumn>& columns,
                      const std::vector<std::string>& cells, CellColor color = nullptr);

/// The table's line of headings, in bold.
std::string table_heading(const Terminal& terminal, const std::vector<TableColumn>& columns);

/// "12 of 38 done, 2 n/a (31 %)".
std::string counts_summary(const Counts& counts);

/// A warning on stderr naming the state entries the checklist no longer has, if any.
void warn_orphans(const Project& project);

/// A note on stderr when the checklist moved on from the version the state follows: a newer
/// built-in version exists, or the checklist file's version no longer matches the pin.
void note_versions(const Project& project);

/// The `--status` values, checked by CLI11.
inline const std::vector<std::string> k_status_names = {"todo", "done", "na"};

} // namespace llmchecklist::cli
