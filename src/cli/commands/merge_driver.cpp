// llmchecklist merge-driver: git's merge driver for the state file (`init --git` sets it up).
// git passes the common ancestor, ours and theirs as temporary files (%O %A %B) and the file's
// path in the repository (%P), and expects the result in the ours file, with a non-zero exit
// status when conflicts remain.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/merge.hpp"
#include "llmchecklist/state_file.hpp"
#include "output.hpp"
#include "terminal.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::cli {
namespace {

struct MergeDriverOptions
{
  std::string base;
  std::string ours;
  std::string theirs;
  std::string path;
};

// git names the versions with temporary files: say which version a bad one is, and of what.
State read_version(const std::string& file, std::string_view version, const std::string& path)
{
  const std::string text = read_file(file);
  try {
    return parse_merge_version(text, file);
  } catch (const DataError& error) {
    throw DataError(error.location(),
                    fmt::format("{} (in {} version of {})", error.what(), version, path));
  }
}

void report_conflicts(const StateMerge& merge, const Checklist& checklist, const std::string& path)
{
  if (merge.theirs_checklist) {
    print_err(fmt::format("llmchecklist: conflict in {}: ours follows checklist {}, theirs {}\n",
                          path, printable(merge.state.checklist),
                          printable(*merge.theirs_checklist)));
  }
  if (merge.theirs_gate) {
    print_err(
        fmt::format("llmchecklist: conflict in {}: both sides changed [gate] differently\n", path));
  }
  for (const EntryConflict& conflict : merge.entries) {
    const std::size_t index = checklist.find_item(conflict.ours.id);
    const std::string item =
        index == Checklist::npos
            ? fmt::format("orphaned entry {}", printable(conflict.ours.id))
            : fmt::format("item {} {}", checklist.items()[index].number, conflict.ours.id);
    if (conflict.ours.status != conflict.theirs.status) {
      print_err(fmt::format("llmchecklist: conflict in {}: {} is {} on ours, {} on theirs\n", path,
                            item, to_string(conflict.ours.status),
                            to_string(conflict.theirs.status)));
    } else {
      print_err(
          fmt::format("llmchecklist: conflict in {}: {} has different verify commands on the two "
                      "sides\n",
                      path, item));
    }
  }
}

int run_merge_driver(const MergeDriverOptions& options)
{
  const std::string path = options.path.empty() ? std::string(k_state_file_name) : options.path;
  const State base = read_version(options.base, "the common ancestor's", path);
  const State ours = read_version(options.ours, "our", path);
  const State theirs = read_version(options.theirs, "their", path);
  StateMerge merge = merge_states(base, ours, theirs);
  if (merge.state.checklist.empty()) {
    merge.state.checklist = std::string(k_default_checklist);
  }
  // The checklist is named relative to the state file, and git runs the driver at the top of
  // the work tree, where %P is relative to.
  const fs::path directory = fs::absolute(path).parent_path();
  const Checklist checklist = load_checklist_reference(merge.state.checklist, directory);
  write_file_atomic(options.ours, serialize_merge(merge, checklist));
  if (merge.clean()) {
    return k_exit_ok;
  }
  // Even with --quiet: git's own message names only the file.
  report_conflicts(merge, checklist, path);
  return k_exit_gate_failed;
}

} // namespace

Command register_merge_driver(CLI::App& app, Context& /*context*/)
{
  auto options = std::make_shared<MergeDriverOptions>();
  CLI::App* sub = app.add_subcommand(
      "merge-driver", "git's merge driver for the state file (set up by `init --git`)");
  sub->add_option("base", options->base, "The common ancestor's version (git's %O)")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option("ours", options->ours, "Our version, replaced by the result (git's %A)")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option("theirs", options->theirs, "Their version (git's %B)")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option("path", options->path,
                  "The state file's path in the repository (git's %P; default .llmchecklist)");
  return {sub, [options] { return run_merge_driver(*options); }};
}

} // namespace llmchecklist::cli
