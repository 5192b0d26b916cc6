// Reading a checklist definition, and finding items in it.

#include <string>

#include <benchmark/benchmark.h>

#include "fixtures.hpp"
#include "llmchecklist/checklist.hpp"
#include "llmchecklist/checklist_io.hpp"

namespace llmchecklist::bench {
namespace {

void parse_checklist_text(benchmark::State& state)
{
  const auto items = static_cast<std::size_t>(state.range(0));
  const std::string text = checklist_text(items);
  for (auto _ : state) {
    benchmark::DoNotOptimize(parse_checklist(text, "checklist.toml"));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["items"] = static_cast<double>(items);
}
BENCHMARK(parse_checklist_text)->Arg(40)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// One lookup per iteration, cycling over every id (as check and state reading do).
void find_item(benchmark::State& state)
{
  const auto items = static_cast<std::size_t>(state.range(0));
  const Checklist& list = checklist(items);
  std::size_t next = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(list.find_item(list.items()[next].id));
    next = next + 1 == items ? 0 : next + 1;
  }
}
BENCHMARK(find_item)->Arg(40)->Arg(1000)->Arg(10000);

void find_item_missing(benchmark::State& state)
{
  const Checklist& list = checklist(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(list.find_item("no-such-item"));
  }
}
BENCHMARK(find_item_missing)->Arg(40)->Arg(10000);

} // namespace
} // namespace llmchecklist::bench
