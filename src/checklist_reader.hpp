#pragma once
// The checklist definition reader behind parse_checklist() and lint_checklist().

#include <string>
#include <string_view>
#include <vector>

#include "content_hash.hpp"
#include "llmchecklist/checklist.hpp"
#include "llmchecklist/lint.hpp"

namespace llmchecklist::detail {

/// Reads a definition. Without `diagnostics`, throws the first problem as DataError. With it,
/// collects every problem there, applies the quality rules of `lint` too when given, and
/// returns what could be read.
Checklist read_checklist(std::string_view text, const std::string& path,
                         std::vector<Diagnostic>* diagnostics, const LintOptions* lint);

} // namespace llmchecklist::detail

namespace llmchecklist::detail {

/// The other files a definition was built from (those it extends), with a hash of the bytes read,
/// so that the cache can tell when one of them changes. load_checklist_file() reports each file it
/// reads to the recorder active on its thread.
struct InputRecorder
{
  std::vector<std::pair<std::string, ContentHash>> files;
};

/// Makes `recorder` the active one for its lifetime (restoring the previous one after).
class RecordInputs
{
public:
  explicit RecordInputs(InputRecorder& recorder);
  ~RecordInputs();
  RecordInputs(const RecordInputs&) = delete;
  RecordInputs& operator=(const RecordInputs&) = delete;

private:
  InputRecorder* m_previous;
};

/// Called by load_checklist_file() with what it read.
void record_input(const std::string& path, const std::string& text);

} // namespace llmchecklist::detail
