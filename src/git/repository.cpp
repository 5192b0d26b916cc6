#include "git/repository.hpp"

#include <cstdlib>
#include <memory>
#include <mutex>

#include <fmt/format.h>
#include <git2.h>

#include "llmchecklist/error.hpp"

namespace llmchecklist::detail {
namespace {

// libgit2 objects are freed by a function of their own type; these let unique_ptr do it.
struct Free
{
  void operator()(git_object* object) const { git_object_free(object); }
  void operator()(git_commit* commit) const { git_commit_free(commit); }
  void operator()(git_tree* tree) const { git_tree_free(tree); }
  void operator()(git_tree_entry* entry) const { git_tree_entry_free(entry); }
};
template <typename T> using Owned = std::unique_ptr<T, Free>;

// Once per process, from whichever thread gets here first; never shut down (the process ends).
void initialise()
{
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

std::string last_error()
{
  const git_error* error = git_error_last();
  return error != nullptr && error->message != nullptr ? error->message : "unknown error";
}

Owned<git_commit> peel_commit(git_repository* repository, const std::string& ref)
{
  git_object* object = nullptr;
  if (git_revparse_single(&object, repository, ref.c_str()) != 0) {
    return nullptr;
  }
  Owned<git_object> owned(object);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) != 0) {
    return nullptr;
  }
  return Owned<git_commit>(reinterpret_cast<git_commit*>(peeled));
}

// The id of the blob at `path` in the commit's tree; nullopt when there is none there.
std::optional<git_oid> blob_at(const git_commit* commit, const std::string& path)
{
  git_tree* tree = nullptr;
  if (git_commit_tree(&tree, commit) != 0) {
    return std::nullopt;
  }
  Owned<git_tree> owned_tree(tree);
  git_tree_entry* entry = nullptr;
  if (git_tree_entry_bypath(&entry, tree, path.c_str()) != 0) {
    return std::nullopt;
  }
  Owned<git_tree_entry> owned_entry(entry);
  if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) {
    return std::nullopt;
  }
  return *git_tree_entry_id(entry);
}

bool same(const std::optional<git_oid>& a, const std::optional<git_oid>& b)
{
  return a.has_value() == b.has_value() && (!a || git_oid_equal(&*a, &*b));
}

// "2026-11-28T12:00:00+01:00": the committer's own clock, as git's %cI prints it.
std::string iso_8601(const git_time& when)
{
  const std::time_t local = static_cast<std::time_t>(when.time) + when.offset * 60;
  std::tm parts{};
  gmtime_r(&local, &parts);
  const int offset = std::abs(when.offset);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", parts.tm_year + 1900,
                     parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                     when.offset < 0 ? '-' : '+', offset / 60, offset % 60);
}

} // namespace

Repository::Repository(const std::filesystem::path& path, bool search)
{
  initialise();
  const unsigned flags = search ? 0u : static_cast<unsigned>(GIT_REPOSITORY_OPEN_NO_SEARCH);
  if (git_repository_open_ext(&m_repository, path.c_str(), flags, nullptr) != 0) {
    m_repository = nullptr;
    throw IoError(path.string(), fmt::format("{}: not a git repository ({})", path.string(),
                                             last_error()));
  }
}

Repository::~Repository()
{
  git_repository_free(m_repository);
}

bool Repository::has_commit(const std::string& ref) const
{
  return peel_commit(m_repository, ref) != nullptr;
}

std::optional<std::string> Repository::read(const std::string& ref, const std::string& path) const
{
  const Owned<git_commit> commit = peel_commit(m_repository, ref);
  if (!commit) {
    return std::nullopt;
  }
  const std::optional<git_oid> id = blob_at(commit.get(), path);
  if (!id) {
    return std::nullopt;
  }
  git_blob* blob = nullptr;
  if (git_blob_lookup(&blob, m_repository, &*id) != 0) {
    throw IoError(path, fmt::format("{}: cannot read {} at {} ({})",
                                    git_repository_path(m_repository), path, ref, last_error()));
  }
  std::string text(static_cast<const char*>(git_blob_rawcontent(blob)),
                   static_cast<std::size_t>(git_blob_rawsize(blob)));
  git_blob_free(blob);
  return text;
}

std::optional<LastChange> Repository::last_change(const std::string& ref,
                                                  const std::string& path) const
{
  Owned<git_commit> commit = peel_commit(m_repository, ref);
  if (!commit) {
    return std::nullopt;
  }
  std::optional<git_oid> here = blob_at(commit.get(), path);
  if (!here) {
    return std::nullopt;
  }
  // Down the history while a parent holds the same file: the first commit whose every parent
  // differs (or that has none) is the one that made it so.
  for (;;) {
    const unsigned parents = git_commit_parentcount(commit.get());
    Owned<git_commit> follow;
    for (unsigned i = 0; i < parents && !follow; ++i) {
      git_commit* parent = nullptr;
      if (git_commit_parent(&parent, commit.get(), i) != 0) {
        continue; // a shallow clone's boundary: this commit is as far as history goes
      }
      Owned<git_commit> owned(parent);
      if (same(blob_at(parent, path), here)) {
        follow = std::move(owned);
      }
    }
    if (!follow) {
      break;
    }
    commit = std::move(follow);
  }
  const git_signature* author = git_commit_author(commit.get());
  return LastChange{iso_8601(git_commit_committer(commit.get())->when),
                    author != nullptr && author->name != nullptr ? author->name : ""};
}

std::filesystem::path Repository::work_tree() const
{
  const char* directory = git_repository_workdir(m_repository);
  return directory != nullptr ? std::filesystem::path(directory) : std::filesystem::path();
}

} // namespace llmchecklist::detail
