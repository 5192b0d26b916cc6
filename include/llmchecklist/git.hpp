#pragma once
/// Reading a file as it was at a git revision, for `diff` and `progress --since`.

#include <filesystem>
#include <optional>
#include <string>

namespace llmchecklist {

/// The content of `path` at revision `ref` ("HEAD", "main", "abc123"), read with `git show`
/// in the repository holding `path`; nullopt when the file did not exist there. Throws
/// UsageError naming the revision when git does not know it, IoError when git cannot run.
std::optional<std::string> read_at_revision(const std::filesystem::path& path,
                                            const std::string& ref);

} // namespace llmchecklist
