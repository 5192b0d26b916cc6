#pragma once
// A result file read as JSON, with the checks every JSON reader needs: nesting at most
// k_max_nesting deep (located), no two equal keys in an object (located), and a message that
// says what is wrong otherwise. The readers use simdjson's DOM (src/evidence/*.cpp).

#include <cstdint>
#include <string>
#include <string_view>

namespace simdjson::dom {
class element;
class parser;
} // namespace simdjson::dom

namespace llmchecklist::detail {

/// Parses `text` (valid UTF-8: the caller checked) with `parser` into `root`, the document's
/// root; throws DataError at `shown` for text that is not JSON, nests too deep or repeats a key.
void parse_result_json(simdjson::dom::parser& parser, std::string_view text,
                       const std::string& shown, simdjson::dom::element& root);

/// The field `key` of the object `element` as a count (a whole number, 0 or more), or throws
/// DataError naming `where` ("results.stats.successes") when it is missing or not one; an
/// absent field is `fallback` when one is given.
std::uint64_t json_count(const simdjson::dom::element& element, std::string_view key,
                         std::string_view where, const std::string& shown,
                         const std::uint64_t* fallback = nullptr);

} // namespace llmchecklist::detail
