#include "project/confine.hpp"

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace llmchecklist::detail {
namespace {

// Whether `path` is `root` or below it, component by component ("/a/bc" is not below "/a/b").
bool is_within(const fs::path& path, const fs::path& root)
{
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty() && std::next(r) == root.end()) {
      return true; // a trailing separator in root
    }
    if (p == path.end() || *p != *r) {
      return false;
    }
  }
  return true;
}

} // namespace

ConfinedPath confine(std::string_view reference, const fs::path& base, const fs::path& root)
{
  ConfinedPath result;
  const fs::path named(reference);
  if (reference.empty()) {
    result.problem = "the file reference is empty";
    return result;
  }
  if (named.is_absolute()) {
    result.problem = fmt::format("'{}' is an absolute path; name a file inside the repository, "
                                 "relative to this file",
                                 reference);
    return result;
  }
  // fs::absolute() refuses an empty path; the empty directory is the working directory.
  std::error_code ec;
  const fs::path top = fs::absolute(root.empty() ? "." : root, ec).lexically_normal();
  const fs::path resolved =
      (fs::absolute(base.empty() ? "." : base, ec) / named).lexically_normal();
  if (!is_within(resolved, top)) {
    result.problem = fmt::format("'{}' leads outside the repository ({}); name a file inside it",
                                 reference, top.string());
    return result;
  }
  // Symbolic links along the way may lead out although the words stay in.
  const fs::path real = fs::weakly_canonical(resolved, ec);
  const fs::path real_top = fs::weakly_canonical(top, ec);
  if (!ec && !is_within(real, real_top)) {
    result.problem = fmt::format("'{}' leads outside the repository ({}) through a symbolic link; "
                                 "name a file inside it",
                                 reference, top.string());
    return result;
  }
  result.path = resolved;
  return result;
}

} // namespace llmchecklist::detail
