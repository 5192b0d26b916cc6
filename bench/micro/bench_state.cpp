// Reading and writing the state file.

#include <string>

#include <benchmark/benchmark.h>

#include "fixtures.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist::bench {
namespace {

void parse_state_text(benchmark::State& state)
{
  const auto items = static_cast<std::size_t>(state.range(0));
  const std::string text = state_text(items);
  for (auto _ : state) {
    benchmark::DoNotOptimize(parse_state(text, ".llmchecklist"));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(parse_state_text)->Arg(40)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void serialize_state_text(benchmark::State& state)
{
  const auto items = static_cast<std::size_t>(state.range(0));
  const Checklist& list = checklist(items);
  const State& recorded = bench::state(items);
  for (auto _ : state) {
    benchmark::DoNotOptimize(serialize_state(recorded, list));
  }
}
BENCHMARK(serialize_state_text)->Arg(40)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace llmchecklist::bench
