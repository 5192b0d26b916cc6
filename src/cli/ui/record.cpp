#include "ui/record.hpp"

#include <fmt/format.h>

#include "terminal.hpp"

namespace llmchecklist::cli::ui {
namespace {

// "Ada Lovelace <ada@example.org>" -> "Ada Lovelace": the name is what a person recognises, and
// the footer has no room for both.
std::string name_of(std::string_view by)
{
  const std::size_t open = by.rfind(" <");
  if (open != std::string_view::npos && open > 0 && by.ends_with('>')) {
    by = by.substr(0, open);
  }
  return printable(by);
}

// " at 09:14 UTC" for a time of `today`, " on 2026-11-27" for an earlier day.
std::string when_of(std::string_view at, std::string_view today)
{
  if (at.empty()) {
    return {};
  }
  if (at.size() >= 16 && at[10] == 'T') {
    if (at.substr(0, 10) == today) {
      return fmt::format(" at {} UTC", at.substr(11, 5));
    }
    return fmt::format(" on {}", at.substr(0, 10));
  }
  return fmt::format(" at {}", printable(at));
}

std::string what_differs(const Entry& a, const Entry& b)
{
  std::string out;
  const auto add = [&](bool differs, std::string_view what) {
    if (differs) {
      out += out.empty() ? "" : ", ";
      out += what;
    }
  };
  add(a.note != b.note, a.status == Status::na || b.status == Status::na ? "reason" : "note");
  add(a.until != b.until, "expiry date");
  add(a.revision != b.revision, "revision");
  add(a.verify != b.verify, "verify command");
  add(a.verify_result != b.verify_result, "verify result");
  return out;
}

} // namespace

Entry record_of(const State& state, const Item& item)
{
  if (const Entry* entry = state.find(item.id)) {
    return *entry;
  }
  Entry blank;
  blank.id = item.id;
  return blank;
}

bool same_record(const Entry& a, const Entry& b)
{
  return a.status == b.status && a.revision == b.revision && a.by == b.by && a.at == b.at &&
         a.note == b.note && a.until == b.until && a.verify == b.verify &&
         a.verify_result == b.verify_result;
}

std::string describe_record(const Entry& entry, std::string_view today)
{
  if (entry.status == Status::todo) {
    // An uncheck records no one: the record is simply gone.
    return "unchecked";
  }
  std::string out = entry.status == Status::done ? "checked" : "marked n/a";
  if (!entry.by.empty()) {
    out += " by " + name_of(entry.by);
  }
  return out + when_of(entry.at, today);
}

std::string changed_message(const Item& item, const Entry& seen, const Entry& now,
                            Status now_status, std::string_view today, Again again)
{
  std::string what;
  if (seen.status != now.status || seen.by != now.by || seen.at != now.at) {
    what = fmt::format("was {}", describe_record(now, today));
    if (now.status == Status::todo) {
      what += " elsewhere";
    }
  } else {
    what = fmt::format("changed elsewhere (its {})", what_differs(seen, now));
  }
  // What to do about it, for each Again in the enum's order (a toggle's depends on the status).
  static constexpr std::string_view k_tails[] = {
      "press again to uncheck", "nothing written; press n again to mark it n/a",
      "nothing written; press e again to edit the note", "not undone"};
  const std::string_view tail = again == Again::toggle && now_status == Status::todo
                                    ? "press again to check"
                                    : k_tails[static_cast<std::size_t>(again)];
  return fmt::format("{} {} {}; {}", item.number, item.id, what, tail);
}

bool needs_question(const Seen& seen)
{
  return seen.status != Status::todo || seen.entry.status != Status::todo;
}

std::string sign_off_question(const Item& item, const Seen& seen, std::string_view today,
                              std::size_t width, bool unicode)
{
  const Entry& entry = seen.entry;
  const bool expired = seen.status == Status::todo && entry.status == Status::na;
  const std::string head =
      expired ? fmt::format("check {} {}, replacing its expired n/a (", item.number, item.id)
              : fmt::format("uncheck {} {} (", item.number, item.id);
  std::string details = describe_record(entry, today);
  if (!entry.note.empty()) {
    details += fmt::format(", {}: {}", entry.status == Status::na ? "reason" : "note",
                           printable(entry.note));
  }
  const std::string tail = ")? y/N";
  const std::size_t fixed = display_width(head) + display_width(tail);
  if (fixed + display_width(details) > width) {
    Terminal plain;
    plain.unicode = unicode;
    details = truncate(plain, details, width > fixed + 1 ? width - fixed : 1);
  }
  return head + details + tail;
}

} // namespace llmchecklist::cli::ui
