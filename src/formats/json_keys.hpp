#pragma once
// Two equal keys in one JSON object are valid JSON, but readers disagree on which counts:
// simdjson's DOM finds the first, jq and Python keep the last. A fleet export with two
// "percent" keys would show one number in `fleet` and another in the team's own scripts, and a
// result file with two "failures" keys would pass `verify` and fail in the team's dashboard.

#include <string>
#include <string_view>

namespace simdjson::dom {
class element;
}

namespace llmchecklist::detail {

/// Throws DataError at `path`:LINE:COL of the second of two equal keys (compared unescaped, so
/// "a" and "\u0061" are equal) in any object of `root`, the document parsed from `path`. The
/// check walks the parsed document; only a document that has such keys is read again, to
/// locate them.
void refuse_duplicate_keys(const simdjson::dom::element& root, const std::string& path);

/// The same for a document parsed from `text`, shown as `path`; the message calls it `what`
/// ("result file").
void refuse_duplicate_keys(const simdjson::dom::element& root, std::string_view text,
                           const std::string& path, std::string_view what);

} // namespace llmchecklist::detail
