// libFuzzer target: decoding compiled checklists, which is what a run does with a cache file it
// finds (and a cache file can hold anything: a torn write, another version, a user's mistake).
// Decoding must never crash or read out of bounds, and what decodes must
// encode and decode again to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cache/compiled.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (const auto checklist = llmchecklist::detail::decode_checklist(bytes)) {
    std::string once;
    llmchecklist::detail::encode_checklist(*checklist, once);
    const auto again = llmchecklist::detail::decode_checklist(once);
    if (!again) {
      std::abort(); // an encoding the decoder rejects
    }
    std::string twice;
    llmchecklist::detail::encode_checklist(*again, twice);
    if (once != twice) {
      std::abort();
    }
  }
  return 0;
}
