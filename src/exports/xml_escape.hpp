#pragma once
// Escaping for HTML and XML output. Text from checklists and state files is untrusted, so every
// character that could start markup is replaced, and characters XML 1.0 forbids (most control
// characters, invalid UTF-8) become U+FFFD rather than produce a document parsers reject.

#include <string>
#include <string_view>

namespace llmchecklist::detail {

/// `text` safe as element content or as a quoted attribute value.
std::string xml_escape(std::string_view text);

} // namespace llmchecklist::detail
