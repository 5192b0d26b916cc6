// libFuzzer target: the checklist loader, lint, and every export of what loads.
#include <cstddef>
#include <cstdint>
#include <string>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/lint.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string text(reinterpret_cast<const char*>(data), size);
  llmchecklist::lint_checklist(text, "fuzz.toml");
  try {
    const llmchecklist::Checklist checklist = llmchecklist::parse_checklist(text, "fuzz.toml");
    const llmchecklist::State state;
    for (const auto format :
         {llmchecklist::ExportFormat::markdown, llmchecklist::ExportFormat::json,
          llmchecklist::ExportFormat::csv, llmchecklist::ExportFormat::html,
          llmchecklist::ExportFormat::badge, llmchecklist::ExportFormat::junit}) {
      llmchecklist::render(format, checklist, state);
    }
  } catch (const llmchecklist::DataError&) {
    // Rejected with a location: what the loader is for.
  }
  return 0;
}
