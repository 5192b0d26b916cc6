#pragma once
// The keys of `llmchecklist ui`, in one table: dispatch, the help screen and the footer all read
// it, so that they cannot disagree (tig's keys.c and request.c do the same).

#include <span>
#include <string>
#include <string_view>

namespace llmchecklist::cli::ui {

/// Keys the screen reports beyond plain characters (which are their own code).
enum Key : int
{
  k_key_none = -1,
  k_key_up = 0x110000, // above every Unicode code point
  k_key_down,
  k_key_left,
  k_key_right,
  k_key_page_up,
  k_key_page_down,
  k_key_home,
  k_key_end,
  k_key_enter,
  k_key_escape,
  k_key_backspace,
  k_key_tab,
  k_key_resize,
  k_key_mouse,
};

/// What a key asks for.
enum class Request
{
  up,
  down,
  page_up,
  page_down,
  first,
  last,
  toggle,
  undo,
  not_applicable,
  edit_note,
  expand,
  fold,
  expand_or_fold,
  next_phase,
  phase_1,
  phase_2,
  phase_3,
  phase_4,
  phase_5,
  phase_6,
  search,
  next_match,
  previous_match,
  filter,
  export_report,
  help,
  quit,
};

/// When a binding applies.
enum class When
{
  always,
  /// While a search is active: n and N move between matches.
  searching,
  /// While no search is active.
  not_searching,
};

/// One key and what it asks for. Dispatch, help and the footer all read the table of these.
struct Binding
{
  int key;
  Request request;
  /// What help says of the request (the same text for every key of it).
  std::string_view help;
  /// The footer's short name; empty: not in the footer.
  std::string_view footer = {};
  When when = When::always;
  /// The footer's name while the cursor is on a phase header, where the key does something
  /// else ("fold"); empty: `footer`.
  std::string_view phase_footer = {};
  /// Whether the request needs an item under the cursor: on a phase header the key then says
  /// so (with its help text) instead of acting, and the footer leaves it out.
  bool item_only = false;
};

/// Every binding, in help's order (keys of one request together).
std::span<const Binding> bindings();

/// The request `key` makes, or nullptr when it makes none; `searching` is whether a search is
/// active.
const Binding* binding_for(int key, bool searching);

/// How help and the footer name a key: "j", "Down", "Space".
std::string key_name(int key);

/// What a key of an item says on a phase header: "n: mark the item not applicable, with a
/// reason; move to an item first".
std::string item_only_message(const Binding& binding);

} // namespace llmchecklist::cli::ui
