#pragma once
// The checklist definition reader behind parse_checklist() and lint_checklist().

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/diagnostic.hpp"
#include "util/content_hash.hpp"

namespace llmchecklist::detail {

struct ReadContext;

/// Loads the checklist an `extends` names (`reference`, written in the file `from`): a
/// built-in one, or a file, which it reads with load_checklist(). A reference it refuses is a
/// DataError without a location (the reader puts it at the `extends`); a DataError with one is
/// a problem inside the base file.
using BaseLoader =
    std::function<Checklist(std::string_view reference, const std::string& from, ReadContext&)>;

/// How one definition is being read: how to load what it extends, which files are being read
/// (to name a cycle), and what was read (for the cache, which must know when a base changes).
struct ReadContext
{
  /// Without it, a definition that extends another is a DataError.
  BaseLoader load_base;
  /// The files whose `extends` led here, outermost first.
  std::vector<std::string> chain;
  /// Every base file read, with a hash of its bytes, in the order read.
  std::vector<std::pair<std::string, ContentHash>> inputs;
};

/// Reads a definition. Without `diagnostics`, throws the first problem as DataError. With it,
/// collects every problem there, applies the quality rules of `lint` too when given, and
/// returns what could be read.
Checklist read_checklist(std::string_view text, const std::string& path,
                         std::vector<Diagnostic>* diagnostics, const LintOptions* lint,
                         ReadContext& context);

/// "a.toml extends b.toml, which extends a.toml" when reading `path` after the files of `chain`
/// (outermost first) would close a cycle; empty otherwise. Different names for one file (links,
/// `..`) count as the same file.
std::string describe_cycle(const std::vector<std::string>& chain, const std::string& path);

/// Reads and parses a definition file within `context` (see read_checklist()).
Checklist load_checklist(const std::string& path, ReadContext& context);

} // namespace llmchecklist::detail
