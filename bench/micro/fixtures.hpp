#pragma once
/// Generated inputs for the micro-benchmarks, built in memory: the same shape as
/// bench/generate.py writes (10 phases, ~400 characters of details per item, every other item
/// done), so that the micro-benchmarks and bench/run measure the same kind of files.

#include <cstddef>
#include <string>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist::bench {

/// The text of a checklist definition with `items` items.
std::string checklist_text(std::size_t items);

/// The text of a state file for checklist_text(items), every other item done.
std::string state_text(std::size_t items);

/// checklist_text(items), parsed; built once per size and kept for the whole run.
const Checklist& checklist(std::size_t items);

/// state_text(items), parsed; built once per size and kept for the whole run.
const State& state(std::size_t items);

} // namespace llmchecklist::bench
