#include "ui/keys.hpp"

#include <array>
#include <utility>

namespace llmchecklist::cli::ui {
namespace {

constexpr std::string_view k_check =
    "check the item (a click on its mark too); on a done or n/a item, uncheck it after a y/N "
    "question; on a phase, fold or unfold it";
constexpr std::string_view k_expand =
    "expand the item's details in place, or fold them (a click on its title too); on a phase, "
    "fold or unfold it";

constexpr std::array k_bindings{
    Binding{'j', Request::down, "move down"},
    Binding{k_key_down, Request::down, "move down"},
    Binding{'k', Request::up, "move up"},
    Binding{k_key_up, Request::up, "move up"},
    Binding{k_key_page_down, Request::page_down, "move a page down"},
    Binding{k_key_page_up, Request::page_up, "move a page up"},
    Binding{'g', Request::first, "go to the first row"},
    Binding{k_key_home, Request::first, "go to the first row"},
    Binding{'G', Request::last, "go to the last row"},
    Binding{k_key_end, Request::last, "go to the last row"},
    Binding{.key = ' ',
            .request = Request::toggle,
            .help = k_check,
            .footer = "check",
            .phase_footer = "fold"},
    Binding{'x', Request::toggle, k_check},
    Binding{.key = 'n',
            .request = Request::not_applicable,
            .help = "mark the item not applicable: a reason, then an expiry date (or none)",
            .footer = "n/a",
            .when = When::not_searching,
            .item_only = true},
    Binding{.key = 'e',
            .request = Request::edit_note,
            .help = "edit the item's note (one with control characters is offered cleaned)",
            .footer = "note",
            .item_only = true},
    Binding{'u', Request::undo,
            "undo this session's last change (again: the one before), unless it was changed "
            "elsewhere since",
            "undo"},
    Binding{.key = k_key_enter,
            .request = Request::expand_or_fold,
            .help = k_expand,
            .footer = "details",
            .phase_footer = "fold"},
    Binding{k_key_right, Request::expand, "expand the item's details"},
    Binding{k_key_left, Request::fold, "fold the item's details, or the phase"},
    Binding{k_key_tab, Request::next_phase, "jump to the next phase"},
    Binding{'1', Request::phase_1, "jump to phase 1"},
    Binding{'2', Request::phase_2, "jump to phase 2"},
    Binding{'3', Request::phase_3, "jump to phase 3"},
    Binding{'4', Request::phase_4, "jump to phase 4"},
    Binding{'5', Request::phase_5, "jump to phase 5"},
    Binding{'6', Request::phase_6, "jump to phase 6"},
    Binding{'/', Request::search, "search titles, ids and details as you type", "search"},
    Binding{'n', Request::next_match, "while searching: the next match", "next", When::searching},
    Binding{'N', Request::previous_match, "while searching: the previous match (Esc ends it)",
            "prev", When::searching},
    Binding{'f', Request::filter, "show all, todo, done, n/a, stale items in turn", "filter"},
    Binding{'E', Request::export_report, "export a report (format and file asked below)", "export"},
    Binding{'?', Request::help, "show every key", "help"},
    Binding{'q', Request::quit, "quit", "quit"},
};

} // namespace

std::span<const Binding> bindings()
{
  return k_bindings;
}

const Binding* binding_for(int key, bool searching)
{
  for (const Binding& binding : k_bindings) {
    if (binding.key == key &&
        (binding.when == When::always || (binding.when == When::searching) == searching)) {
      return &binding;
    }
  }
  return nullptr;
}

std::string key_name(int key)
{
  static constexpr std::pair<int, std::string_view> k_names[] = {
      {k_key_up, "Up"},       {k_key_down, "Down"},    {k_key_left, "Left"},
      {k_key_right, "Right"}, {k_key_page_up, "PgUp"}, {k_key_page_down, "PgDn"},
      {k_key_home, "Home"},   {k_key_end, "End"},      {k_key_enter, "Enter"},
      {k_key_escape, "Esc"},  {k_key_tab, "Tab"},      {' ', "Space"}};
  for (const auto& [code, name] : k_names) {
    if (code == key) {
      return std::string(name);
    }
  }
  return std::string(1, static_cast<char>(key));
}

std::string item_only_message(const Binding& binding)
{
  return key_name(binding.key) + ": " + std::string(binding.help) + "; move to an item first";
}

} // namespace llmchecklist::cli::ui
