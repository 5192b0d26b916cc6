// GitHub Actions workflow commands: `::error file=F,line=N,title=T::MESSAGE`, one per line.
// The runner reads any line that starts with `::` as a command, and everything here comes from
// files a pull request can change, so every value is escaped as the runner's own toolkit
// escapes it (actions/toolkit, command.ts): `%`, CR and LF in the message; those and `:` and
// `,` in a property. No text can then end the line, so none can start a command of its own
// (`::add-mask::`, `::stop-commands::`, a fake `::error`).

#include <fmt/format.h>

#include "exports/selection.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/text.hpp"
#include "llmchecklist/utc.hpp"

namespace llmchecklist {
namespace {

// Waivers that end within this many days are announced before they lapse.
constexpr int k_expiry_warning_days = 30;

// Text shown in the pull request: invisible format characters revealed, other controls made
// harmless (CR and LF are kept here and escaped below).
std::string shown(std::string_view text)
{
  return shown_text(text, "\r\n");
}

std::string escape_data(std::string_view text)
{
  std::string out;
  for (const char c : shown(text)) {
    switch (c) {
    case '%':
      out += "%25";
      break;
    case '\r':
      out += "%0D";
      break;
    case '\n':
      out += "%0A";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view text)
{
  std::string out;
  for (const char c : escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string annotation(std::string_view kind, const ExportOptions& options, const Item& item,
                       std::string_view title, std::string_view message)
{
  return fmt::format("::{} file={},line={},title={}::{}\n", kind,
                     escape_property(options.lines.path), options.lines.line_of(item.id),
                     escape_property(title), escape_data(message));
}

} // namespace

std::string render_github(const Checklist& checklist, const State& state,
                          const ExportOptions& options)
{
  const detail::Selected selected = detail::select(checklist, state, options.selection);
  std::string out;
  for (const detail::SelectedPhase& phase : selected.phases) {
    for (const std::size_t index : phase.items) {
      const Item& item = checklist.items()[index];
      const Entry* entry = state.find(item.id);
      const std::string label = fmt::format("{}. {}", item.number, item.id);
      const Status status = status_of(state, item);
      // An expired waiver is announced as such below, once.
      if (status == Status::todo && item.severity == Severity::required &&
          !is_expired(state, item)) {
        out += annotation("error", options, item, fmt::format("Required item open: {}", label),
                          fmt::format("{}\nDone when: {}", item.title, item.done_when));
      }
      if (entry != nullptr && entry->verify_result == "fail") {
        out += annotation("error", options, item, fmt::format("Verify command failing: {}", label),
                          fmt::format("{}\nThe command failed when last run: {}", item.title,
                                      verify_command(state, item)));
      }
      if (status != Status::todo && is_stale(state, item)) {
        out += annotation("warning", options, item, fmt::format("Stale check: {}", label),
                          fmt::format("{}\nChecked against revision {}; the item is at "
                                      "revision {} now: check it again.",
                                      item.title, entry->revision, item.revision));
      }
      if (entry != nullptr && entry->status == Status::na && !entry->until.empty()) {
        if (is_expired(state, item)) {
          out += annotation(item.severity == Severity::required ? "error" : "warning", options,
                            item, fmt::format("Waiver expired: {}", label),
                            fmt::format("{}\nNot applicable until {}: {}", item.title, entry->until,
                                        entry->note));
        } else if (const auto days = days_between(state.as_of, entry->until);
                   days && *days <= k_expiry_warning_days) {
          out +=
              annotation("warning", options, item, fmt::format("Waiver expires: {}", label),
                         fmt::format("{}\nNot applicable until {} ({} day{} left): {}", item.title,
                                     entry->until, *days, *days == 1 ? "" : "s", entry->note));
        }
      }
    }
  }
  return out;
}

} // namespace llmchecklist
