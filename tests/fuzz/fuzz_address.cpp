// libFuzzer target: item and phase addressing (numbers, ids, prefixes, near misses).
#include <cstddef>
#include <cstdint>
#include <string>

#include "llmchecklist/address.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  static const llmchecklist::Checklist checklist =
      llmchecklist::load_builtin_checklist("llm-deployment");
  const std::string reference(reinterpret_cast<const char*>(data), size);
  try {
    const std::size_t item = llmchecklist::resolve_item(checklist, reference);
    if (item >= checklist.items().size()) {
      __builtin_trap();
    }
  } catch (const llmchecklist::LookupError&) {
  }
  try {
    const std::size_t phase = llmchecklist::resolve_phase(checklist, reference);
    if (phase >= checklist.phases().size()) {
      __builtin_trap();
    }
  } catch (const llmchecklist::LookupError&) {
  }
  return 0;
}
