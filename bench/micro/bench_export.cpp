// Rendering the JSON document (list --json, progress --json, export --format json).

#include <benchmark/benchmark.h>

#include "fixtures.hpp"
#include "llmchecklist/export.hpp"

namespace llmchecklist::bench {
namespace {

void render_json_items(benchmark::State& state)
{
  const auto items = static_cast<std::size_t>(state.range(0));
  const Checklist& list = checklist(items);
  const State& recorded = bench::state(items);
  for (auto _ : state) {
    benchmark::DoNotOptimize(render_json(list, recorded));
  }
}
BENCHMARK(render_json_items)->Arg(40)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// progress --json: counters only.
void render_json_summary(benchmark::State& state)
{
  const auto items = static_cast<std::size_t>(state.range(0));
  const Checklist& list = checklist(items);
  const State& recorded = bench::state(items);
  Selection summary;
  summary.items = false;
  for (auto _ : state) {
    benchmark::DoNotOptimize(render_json(list, recorded, summary));
  }
}
BENCHMARK(render_json_summary)->Arg(40)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

} // namespace
} // namespace llmchecklist::bench
