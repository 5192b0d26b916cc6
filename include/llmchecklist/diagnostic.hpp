#pragma once
/// What the checklist reader reports when it collects every problem instead of stopping at the
/// first, and the bounds lint holds a checklist to: the types lint.hpp's lint_checklist()
/// returns and takes, kept apart so that the reader can fill them.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "llmchecklist/error.hpp"

namespace llmchecklist {

/// One problem found in a file.
struct Diagnostic
{
  SourceLocation location;
  std::string message;
};

/// Bounds a good checklist keeps.
struct LintOptions
{
  /// Fewest words an item's details may have.
  std::size_t min_details_words = 80;
  /// Most words an item's details may have; 0 for no limit.
  std::size_t max_details_words = 0;
  /// The item ids of the checklist's earlier released versions; when given, every id an item
  /// `replaces` must be one of them.
  std::optional<std::vector<std::string>> earlier_ids;
};

} // namespace llmchecklist
