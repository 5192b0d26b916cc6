#include "git/revision_files.hpp"

#include <fmt/format.h>

#include "llmchecklist/error.hpp"

namespace llmchecklist::detail {

std::string link_message(std::string_view target)
{
  return fmt::format("a symbolic link to '{}', not a file: links inside a repository are not "
                     "followed",
                     target);
}

RevisionFiles::RevisionFiles(const Repository& repository, std::string ref, std::string prefix)
    : m_repository(repository), m_ref(std::move(ref)), m_prefix(std::move(prefix))
{
}

std::string RevisionFiles::name() const
{
  return m_ref;
}

std::optional<std::string> RevisionFiles::read(const std::string& path) const
{
  const SourceLocation where{shown(path), 0, 0};
  switch (m_repository.entry_type(m_ref, path)) {
  case EntryType::none:
    return std::nullopt;
  case EntryType::directory:
    throw DataError(where, "a directory, not a file");
  case EntryType::submodule:
    throw DataError(where, "a submodule, not a file");
  case EntryType::link:
    throw DataError(where, link_message(m_repository.read(m_ref, path).value_or("")));
  case EntryType::file:
    break;
  }
  return m_repository.read(m_ref, path);
}

std::string RevisionFiles::shown(const std::string& path) const
{
  return m_prefix + path;
}

} // namespace llmchecklist::detail
