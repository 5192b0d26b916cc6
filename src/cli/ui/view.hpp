#pragma once
// What `llmchecklist ui` shows, apart from how it is drawn: the rows (phases, items, the lines
// of expanded items), the filter, folds, search and the cursor. Rows are rebuilt when what they
// depend on changes (a write, a filter, a fold, the width); moving the cursor touches none of
// them, and drawing reads only the rows on screen.

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "llmchecklist/progress.hpp"
#include "llmchecklist/project.hpp"

namespace llmchecklist::cli::ui {

/// Which items are shown.
enum class Filter
{
  all,
  todo,
  done,
  na,
  stale,
};

/// "all", "todo", "done", "n/a", "stale".
std::string_view to_string(Filter filter);

/// One row of the list.
struct Row
{
  enum class Kind
  {
    phase,
    item,
    /// A line of an expanded item's details.
    detail,
  } kind = Kind::item;
  std::size_t phase = 0;
  /// The item (for item and detail rows).
  std::size_t item = 0;
  /// For detail rows: the line, ready to print.
  std::string text;
  /// For detail rows: a heading ("Done when:") drawn in bold.
  bool heading = false;
};

class View
{
public:
  /// A project to show (after a write, or when the file changed on disk).
  void load(Project project);
  const Project& project() const { return m_project; }
  const Progress& progress() const { return m_progress; }

  /// Only this phase, when given (`--phase`).
  std::optional<std::size_t> only_phase;
  Filter filter = Filter::all;

  /// Lays the rows out again for `width` columns.
  void rebuild(int width);
  const std::vector<Row>& rows() const { return m_rows; }

  std::size_t cursor() const { return m_cursor; }
  /// The first row on screen, kept so that the cursor is on one of `height` rows.
  std::size_t top(std::size_t height);
  /// Moves the cursor by `delta` rows (clamped).
  void move(long delta);
  /// Puts the cursor on a row.
  void go_to(std::size_t row);
  /// The item the cursor is on (its detail rows count as the item); nullopt on a phase row.
  std::optional<std::size_t> current_item() const;
  /// The phase of the row the cursor is on.
  std::size_t current_phase() const;
  /// Puts the cursor on the header of phase `phase` (shown, or nothing happens).
  void go_to_phase(std::size_t phase);

  bool expanded(std::size_t item) const { return m_expanded.count(item) != 0; }
  void set_expanded(std::size_t item, bool expanded);
  bool folded(std::size_t phase) const { return m_folded.count(phase) != 0; }
  void set_folded(std::size_t phase, bool folded);

  /// Searches titles, ids and details (case-insensitively) and moves to the first match at or
  /// after the cursor. The items that match, in order.
  void search(const std::string& query);
  const std::string& query() const { return m_query; }
  const std::vector<std::size_t>& matches() const { return m_matches; }
  /// Moves to the next (or previous) match; false when there is none.
  bool next_match(bool forward);
  /// Which match the cursor is on (0-based, in matches()); nullopt when it is on none.
  std::optional<std::size_t> match_position() const;
  /// Ends the search.
  void end_search();

private:
  bool shown(const Item& item) const;
  void detail_rows(std::size_t item, int width);

  Project m_project;
  Progress m_progress;
  std::vector<Row> m_rows;
  std::size_t m_cursor = 0;
  std::size_t m_top = 0;
  std::set<std::size_t> m_expanded;
  std::set<std::size_t> m_folded;
  std::string m_query;
  std::vector<std::size_t> m_matches;
};

} // namespace llmchecklist::cli::ui
