// Counting what is done (progress, and every command's summary line).

#include <benchmark/benchmark.h>

#include "fixtures.hpp"
#include "llmchecklist/progress.hpp"

namespace llmchecklist::bench {
namespace {

void compute_progress(benchmark::State& state)
{
  const auto items = static_cast<std::size_t>(state.range(0));
  const Checklist& list = checklist(items);
  const State& recorded = bench::state(items);
  for (auto _ : state) {
    benchmark::DoNotOptimize(llmchecklist::compute_progress(list, recorded));
  }
}
BENCHMARK(compute_progress)->Arg(40)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

} // namespace
} // namespace llmchecklist::bench
