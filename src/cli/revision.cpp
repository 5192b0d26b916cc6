#include "revision.hpp"

#include <fmt/format.h>

#include "llmchecklist/builtin.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/git.hpp"
#include "llmchecklist/state_file.hpp"

namespace fs = std::filesystem;

namespace llmchecklist::cli {
namespace {

// The file at a revision as git names it ("HEAD:.llmchecklist").
std::string name_at(const fs::path& path, const std::string& ref)
{
  const fs::path absolute = fs::absolute(path);
  const std::optional<fs::path> top = git_work_tree(absolute.parent_path());
  const std::string relative =
      top ? fs::relative(absolute, *top).generic_string() : path.generic_string();
  return fmt::format("{}:{}", ref, relative);
}

} // namespace

StateVersion state_at(const fs::path& state_path, const std::string& ref)
{
  StateVersion version;
  std::optional<std::string> text;
  if (ref.empty()) {
    version.name = "the working tree";
    text = read_state_file(state_path);
  } else {
    version.name = ref;
    text = read_at_revision(state_path, ref);
  }
  if (text) {
    version.state = parse_state(*text, ref.empty() ? state_path.string() : name_at(state_path, ref));
  }
  return version;
}

Checklist checklist_at(const State& then, const fs::path& state_path, const std::string& ref,
                       const Checklist& now)
{
  if (ref.empty() || then.checklist.rfind(k_builtin_prefix, 0) == 0) {
    return now;
  }
  // Only a file the repository may name (the same rule as for the working tree), and only
  // when it stands alone: its `extends` would be read from the working tree, not the revision.
  try {
    const fs::path directory = fs::absolute(state_path).parent_path();
    const Checklist current = load_checklist_reference(then.checklist, directory);
    if (current.files.size() != 1) {
      return now;
    }
    const std::optional<std::string> text = read_at_revision(current.files.front(), ref);
    if (!text) {
      return now;
    }
    return parse_checklist(*text, name_at(current.files.front(), ref));
  } catch (const Error&) {
    return now;
  }
}

} // namespace llmchecklist::cli
