// libFuzzer target: the state loader. What loads must write back and load again to the same
// bytes: the writer and the reader agree on every state the reader accepts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "llmchecklist/builtin.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/state_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  static const llmchecklist::Checklist checklist =
      llmchecklist::load_builtin_checklist("llm-deployment");
  const std::string text(reinterpret_cast<const char*>(data), size);
  llmchecklist::State state;
  try {
    state = llmchecklist::parse_state(text, ".llmchecklist");
  } catch (const llmchecklist::DataError&) {
    return 0;
  }
  const std::string once = llmchecklist::serialize_state(state, checklist);
  std::string twice;
  try {
    twice = llmchecklist::serialize_state(llmchecklist::parse_state(once, "rewritten"), checklist);
  } catch (const llmchecklist::DataError&) {
    std::abort(); // the writer produced a file the reader rejects
  }
  if (once != twice) {
    std::abort(); // a rewrite changed the bytes
  }
  return 0;
}
