#include "llmchecklist/state.hpp"

#include <unordered_set>

namespace llmchecklist {

std::string_view to_string(Status status)
{
  switch (status) {
  case Status::done:
    return "done";
  case Status::na:
    return "na";
  case Status::todo:
    break;
  }
  return "todo";
}

std::optional<Status> parse_status(std::string_view text)
{
  if (text == "todo") {
    return Status::todo;
  }
  if (text == "done") {
    return Status::done;
  }
  if (text == "na") {
    return Status::na;
  }
  return std::nullopt;
}

const Entry* State::find(std::string_view id) const
{
  for (const Entry& entry : entries) {
    if (entry.id == id) {
      return &entry;
    }
  }
  return nullptr;
}

Entry& State::entry(std::string_view id)
{
  for (Entry& entry : entries) {
    if (entry.id == id) {
      return entry;
    }
  }
  Entry& added = entries.emplace_back();
  added.id = std::string(id);
  return added;
}

std::vector<const Entry*> orphaned_entries(const State& state, const Checklist& checklist)
{
  std::vector<const Entry*> orphans;
  for (const Entry& entry : state.entries) {
    if (checklist.find_item(entry.id) == Checklist::npos) {
      orphans.push_back(&entry);
    }
  }
  return orphans;
}

} // namespace llmchecklist
