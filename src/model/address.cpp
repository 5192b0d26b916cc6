#include "llmchecklist/address.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "llmchecklist/error.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist {
namespace {

// Edits (insert, delete, substitute, swap two neighbours) from one word to the other.
std::size_t edit_distance(std::string_view a, std::string_view b)
{
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) {
    d[i][0] = i;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    d[0][j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// Items and phases are addressed the same way; `kind` names them in messages and `ids` lists
// them in order, so that number n is ids[n - 1].
std::size_t resolve(std::string_view kind, const std::vector<std::string>& ids,
                    std::string_view typed)
{
  if (typed.empty()) {
    throw LookupError(fmt::format("empty {} reference", kind), {});
  }
  // Ids are lower-case slugs, so "QUALITY-BAR" can only mean quality-bar.
  const std::string lowered = ascii_lower(typed);
  const std::string_view reference = lowered;
  if (std::all_of(reference.begin(), reference.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    std::size_t number = 0;
    const auto [end, error] =
        std::from_chars(reference.data(), reference.data() + reference.size(), number);
    if (error == std::errc() && number >= 1 && number <= ids.size()) {
      return number - 1;
    }
    throw LookupError(fmt::format("no {} number {} (this checklist has {} 1 to {})", kind,
                                  reference, kind == "item" ? "items" : "phases", ids.size()),
                      {});
  }
  std::vector<std::size_t> matches;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == reference) {
      return i;
    }
    if (ids[i].compare(0, reference.size(), reference) == 0) {
      matches.push_back(i);
    }
  }
  if (matches.size() == 1) {
    return matches.front();
  }
  std::vector<std::string> candidates;
  if (!matches.empty()) {
    for (const std::size_t i : matches) {
      candidates.push_back(fmt::format("{} {}", i + 1, ids[i]));
    }
    throw LookupError(fmt::format("{} '{}' is ambiguous", kind, typed), std::move(candidates));
  }
  for (const std::string& id : closest_matches(reference, ids)) {
    const auto at = std::find(ids.begin(), ids.end(), id) - ids.begin();
    candidates.push_back(fmt::format("{} {}", at + 1, id));
  }
  // The message first: the candidates are moved into the error, and the order in which a
  // constructor's arguments are evaluated is unspecified.
  const std::string message =
      fmt::format("no {} '{}'{}", kind, typed,
                  candidates.empty() ? "; `llmchecklist list` shows them all" : "");
  throw LookupError(message, std::move(candidates));
}

} // namespace

std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates)
{
  // Nothing is a near miss of a word far longer than every candidate; and edit distances over a
  // long argument would cost time for nothing.
  std::size_t longest = 0;
  for (const std::string& candidate : candidates) {
    longest = std::max(longest, candidate.size());
  }
  if (word.size() > longest + 8) {
    return {};
  }
  const std::size_t limit = word.size() <= 3 ? 1 : std::max<std::size_t>(2, word.size() / 3);
  const std::size_t prefix_limit = 1 + word.size() / 6;
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const std::string& candidate : candidates) {
    std::size_t distance = edit_distance(word, candidate);
    // A near miss of its beginning ("retyr" for "retry-backoff") counts as a near miss.
    if (word.size() >= 4 &&
        edit_distance(word, std::string_view(candidate).substr(
                                0, std::min(candidate.size(), word.size()))) <= prefix_limit) {
      distance = std::min(distance, limit);
    }
    // A word found inside an id ("retry" in "retries-with-backoff") is as good as a near miss.
    if (word.size() >= 3 && candidate.find(word) != std::string::npos) {
      distance = std::min(distance, limit);
    }
    if (distance <= limit) {
      near.emplace_back(distance, candidate);
    }
  }
  std::stable_sort(near.begin(), near.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> result;
  for (std::size_t i = 0; i < near.size() && i < 5; ++i) {
    result.push_back(near[i].second);
  }
  return result;
}

std::size_t resolve_item(const Checklist& checklist, std::string_view reference)
{
  std::vector<std::string> ids;
  for (const Item& item : checklist.items()) {
    ids.push_back(item.id);
  }
  return resolve("item", ids, reference);
}

std::size_t resolve_phase(const Checklist& checklist, std::string_view reference)
{
  std::vector<std::string> ids;
  for (const Phase& phase : checklist.phases()) {
    ids.push_back(phase.id);
  }
  return resolve("phase", ids, reference);
}

} // namespace llmchecklist
