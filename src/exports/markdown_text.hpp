#pragma once
// Untrusted text inside Markdown: escaped so that it stays where it was put (a list item, a
// table cell) and opens no markup of its own.

#include <string>
#include <string_view>

namespace llmchecklist::detail {

/// `text` on one line with every Markdown inline markup character escaped (and, with
/// `line_start`, what would start a heading or a list); controls become U+FFFD and invisible
/// format characters show as <U+XXXX>.
std::string inline_text(std::string_view text, bool line_start = false);

} // namespace llmchecklist::detail
