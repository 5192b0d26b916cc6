// Reading and writing the state file.

#include <string>

#include <benchmark/benchmark.h>

#include "fixtures.hpp"
#include "formats/state_layout_reader.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/state_io.hpp"

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

// The two paths parse_state() chooses between, on the writer's own layout: the layout reader
// earns its place only while it is much faster than toml++ (bench/run prints both).
void parse_state_layout_reader(benchmark::State& state)
{
  const std::string text = state_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(detail::read_state_layout(text, ".llmchecklist"));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(parse_state_layout_reader)->Arg(40)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void parse_state_toml(benchmark::State& state)
{
  const std::string text = state_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(detail::parse_state_with_toml(text, ".llmchecklist"));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(parse_state_toml)->Arg(40)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

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
