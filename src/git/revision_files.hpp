#pragma once
// A git revision's files, read in-process through detail::Repository: the ProjectFiles that
// diff, progress --since, the summary, history and the fleet read a project at a revision
// through.

#include <string>
#include <string_view>

#include "git/repository.hpp"
#include "llmchecklist/project_files.hpp"

namespace llmchecklist::detail {

/// The files of `repository` at `ref`, named in messages as `prefix` + their path
/// ("HEAD:.llmchecklist", "repos/billing:HEAD:.llmchecklist").
class RevisionFiles : public ProjectFiles
{
public:
  RevisionFiles(const Repository& repository, std::string ref, std::string prefix);
  std::string name() const override;
  /// Throws DataError at the path for a symbolic link, a directory or a submodule, which is
  /// never read as the file it stands in for (a link in git may lead anywhere).
  std::optional<std::string> read(const std::string& path) const override;
  std::string shown(const std::string& path) const override;

private:
  const Repository& m_repository;
  std::string m_ref;
  std::string m_prefix;
};

/// What a commit left at a path, when it is a symbolic link rather than the file a reader
/// expects: "a symbolic link to 'TARGET', not a file ..." (for a message located at the path).
std::string link_message(std::string_view target);

} // namespace llmchecklist::detail
