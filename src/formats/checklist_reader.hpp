#pragma once
// The checklist definition reader behind parse_checklist() and lint_checklist().

#include <filesystem>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "util/content_hash.hpp"
#include "llmchecklist/checklist.hpp"
#include "llmchecklist/lint.hpp"

namespace llmchecklist::detail {

/// How one definition is being read: where `extends` may reach, which files are being read
/// (to name a cycle), and what was read (for the cache, which must know when a base changes).
struct ReadContext
{
  /// `extends` may only name files inside this directory (the repository).
  std::filesystem::path root;
  /// The files whose `extends` led here, outermost first.
  std::vector<std::string> chain;
  /// Every base file read, with a hash of its bytes, in the order read.
  std::vector<std::pair<std::string, ContentHash>> inputs;
};

/// Reads a definition. Without `diagnostics`, throws the first problem as DataError. With it,
/// collects every problem there, applies the quality rules of `lint` too when given, and
/// returns what could be read. `context.root` empty: the repository holding `path`.
Checklist read_checklist(std::string_view text, const std::string& path,
                         std::vector<Diagnostic>* diagnostics, const LintOptions* lint,
                         ReadContext& context);

/// Reads and parses a definition file within `context` (see read_checklist()).
Checklist load_checklist(const std::string& path, ReadContext& context);

} // namespace llmchecklist::detail
