#pragma once
/// Checking a checklist definition for every problem at once, not just the first.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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

/// Every problem in a checklist definition: the loader's schema errors (all of them) plus the
/// quality rules (missing done_when, short details, multi-line titles, empty phases). Empty when
/// the definition is clean.
std::vector<Diagnostic> lint_checklist(std::string_view text, const std::string& path,
                                       const LintOptions& options = {});

} // namespace llmchecklist
