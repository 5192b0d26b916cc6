#include "fixtures.hpp"

#include <array>
#include <map>
#include <string_view>

#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/state_io.hpp"
#include <fmt/format.h>

namespace llmchecklist::bench {

namespace {

constexpr std::size_t k_phases = 10;
constexpr std::size_t k_details_chars = 400;
constexpr std::array<std::string_view, 22> k_words = {
    "measure",    "the",    "quality",   "bar",    "on",  "a",        "held-out", "set",
    "before",     "launch", "and",       "record", "the", "evidence", "in",       "the",
    "repository", "so",     "reviewers", "can",    "see", "it"};

// Filler prose that differs per item, as generate.py writes it.
std::string details(std::size_t item)
{
  std::string text;
  std::size_t word = item;
  while (text.size() < k_details_chars) {
    if (!text.empty()) {
      text += ' ';
    }
    text += k_words[word % k_words.size()];
    word += 7;
  }
  return text;
}

} // namespace

std::string checklist_text(std::size_t items)
{
  std::string text = "[checklist]\nid = \"generated\"\ntitle = \"Generated checklist\"\n"
                     "version = \"1\"\ndescription = \"A generated checklist for benchmarks.\"\n";
  const std::size_t per_phase = (items + k_phases - 1) / k_phases;
  for (std::size_t phase = 0; phase * per_phase < items; ++phase) {
    fmt::format_to(std::back_inserter(text),
                   "\n[[phases]]\nid = \"phase-{0}\"\ntitle = \"Phase {0}\"\n"
                   "summary = \"Generated phase {0}.\"\n",
                   phase + 1);
    for (std::size_t i = phase * per_phase; i < items && i < (phase + 1) * per_phase; ++i) {
      fmt::format_to(std::back_inserter(text),
                     "\n[[phases.items]]\nid = \"item-{0}\"\n"
                     "title = \"Do generated thing number {0}\"\ndetails = \"\"\"\n{1}\n\"\"\"\n"
                     "done_when = \"Evidence for item {0} exists.\"\nseverity = \"{2}\"\n"
                     "tags = [\"generated\"]\nlinks = [\"https://example.org/{0}\"]\n",
                     i + 1, details(i), i % 3 == 0 ? "required" : "recommended");
    }
  }
  return text;
}

std::string state_text(std::size_t items)
{
  std::string text = "format = 1\nchecklist = \"checklist.toml\"\n";
  for (std::size_t i = 0; i < items; ++i) {
    fmt::format_to(std::back_inserter(text),
                   "\n# {0}. Do generated thing number {0}\n[items.item-{0}]\n", i + 1);
    text += i % 2 == 0 ? "status = \"done\"\nrevision = 1\nby = \"Bench <bench@example.org>\"\n"
                         "at = 2026-11-28T12:00:00Z\n"
                       : "status = \"todo\"\n";
  }
  return text;
}

const Checklist& checklist(std::size_t items)
{
  // std::map: references stay valid as sizes are added. Benchmarks run one at a time.
  static std::map<std::size_t, Checklist> cache;
  auto it = cache.find(items);
  if (it == cache.end()) {
    it = cache.emplace(items, parse_checklist(checklist_text(items), "checklist.toml")).first;
  }
  return it->second;
}

const State& state(std::size_t items)
{
  static std::map<std::size_t, State> cache;
  auto it = cache.find(items);
  if (it == cache.end()) {
    it = cache.emplace(items, parse_state(state_text(items), ".llmchecklist")).first;
  }
  return it->second;
}

} // namespace llmchecklist::bench
