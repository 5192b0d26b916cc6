// The files a fleet report is made from, which `fleet -o` must never replace: every export it
// reads, and each repository's state file and checklist files in its work tree.

#include <filesystem>

#include <fmt/format.h>

#include "llmchecklist/error.hpp"
#include "llmchecklist/fleet.hpp"
#include "llmchecklist/state_file.hpp"

namespace fs = std::filesystem;

namespace llmchecklist {
namespace {

// Whether `path` (resolved) is `directory` or below it.
bool inside(const fs::path& path, const fs::path& directory)
{
  const fs::path relative = path.lexically_relative(directory);
  return !relative.empty() && *relative.begin() != "..";
}

} // namespace

std::vector<ReportInput> fleet_inputs(const Fleet& fleet, const fs::path& output)
{
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(fs::absolute(output, ec), ec);
  std::vector<ReportInput> inputs;
  for (const FleetSource& source : fleet.sources) {
    if (source.kind == "json") {
      inputs.push_back({source.source, "a JSON export the fleet reads"});
      continue;
    }
    if (source.work_tree.empty()) {
      continue; // a bare repository: no file in it is a file of the report
    }
    const fs::path state = fs::path(source.work_tree) / k_state_file_name;
    inputs.push_back({state, fmt::format("the state file of repository {}", source.source)});
    // A checklist file is inside its repository (the readers refuse one outside): only a
    // report written into this work tree can replace one, and only then is the state read to
    // learn which, so that `-o` over a thousand repositories does not read each twice.
    std::error_code resolved;
    const fs::path work_tree = fs::weakly_canonical(source.work_tree, resolved);
    if (ec || resolved || !inside(target, work_tree)) {
      continue;
    }
    try {
      for (const ReportInput& input : project_inputs(open_project(state))) {
        if (input.path != state) {
          inputs.push_back(
              {input.path, fmt::format("a checklist file of repository {}", source.source)});
        }
      }
    } catch (const Error&) {
      // A work tree whose state cannot be read names no checklist file we could know of.
    }
  }
  return inputs;
}

} // namespace llmchecklist
