// The compiled cache's hot path: what a warm run does instead of parsing TOML.

#include <benchmark/benchmark.h>

#include "cache/compiled.hpp"
#include "fixtures.hpp"
#include "util/content_hash.hpp"

namespace llmchecklist::bench {
namespace {

// Hashing a definition's bytes: every warm run hashes the whole file to find its entry.
void hash_definition(benchmark::State& state)
{
  const std::string text = checklist_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(detail::hash_content(text));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(hash_definition)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

void decode_checklist(benchmark::State& state)
{
  std::string bytes;
  detail::encode_checklist(checklist(static_cast<std::size_t>(state.range(0))), bytes);
  for (auto _ : state) {
    benchmark::DoNotOptimize(detail::decode_checklist(bytes));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(decode_checklist)->Arg(40)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

void encode_checklist(benchmark::State& state)
{
  const Checklist& list = checklist(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    std::string bytes;
    detail::encode_checklist(list, bytes);
    benchmark::DoNotOptimize(bytes);
  }
}
BENCHMARK(encode_checklist)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

} // namespace
} // namespace llmchecklist::bench
