#include "git/repository.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "git/libgit2.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/utc.hpp"

namespace llmchecklist::detail {
namespace {

// libgit2 objects are freed by a function of their own type; these let unique_ptr do it.
struct Free
{
  void operator()(git_object* object) const { libgit2().git_object_free(object); }
  void operator()(git_commit* commit) const { libgit2().git_commit_free(commit); }
  void operator()(git_tree* tree) const { libgit2().git_tree_free(tree); }
  void operator()(git_tree_entry* entry) const { libgit2().git_tree_entry_free(entry); }
  void operator()(git_revwalk* walk) const { libgit2().git_revwalk_free(walk); }
};
template <typename T> using Owned = std::unique_ptr<T, Free>;

std::string last_error()
{
  const git_error* error = libgit2().git_error_last();
  return error != nullptr && error->message != nullptr ? error->message : "unknown error";
}

Owned<git_commit> peel_commit(git_repository* repository, const std::string& ref)
{
  git_object* object = nullptr;
  if (libgit2().git_revparse_single(&object, repository, ref.c_str()) != 0) {
    return nullptr;
  }
  Owned<git_object> owned(object);
  git_object* peeled = nullptr;
  if (libgit2().git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) != 0) {
    return nullptr;
  }
  return Owned<git_commit>(reinterpret_cast<git_commit*>(peeled));
}

// The entry at `path` in the commit's tree; null when there is none there.
Owned<git_tree_entry> entry_at(const git_commit* commit, const std::string& path)
{
  git_tree* tree = nullptr;
  if (libgit2().git_commit_tree(&tree, commit) != 0) {
    return nullptr;
  }
  Owned<git_tree> owned_tree(tree);
  git_tree_entry* entry = nullptr;
  if (libgit2().git_tree_entry_bypath(&entry, tree, path.c_str()) != 0) {
    return nullptr;
  }
  return Owned<git_tree_entry>(entry);
}

// The id of the blob at `path` in the commit's tree; nullopt when there is none there.
std::optional<git_oid> blob_at(const git_commit* commit, const std::string& path)
{
  const Owned<git_tree_entry> entry = entry_at(commit, path);
  if (!entry || libgit2().git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) {
    return std::nullopt;
  }
  return *libgit2().git_tree_entry_id(entry.get());
}

EntryType type_of(const git_tree_entry* entry)
{
  if (entry == nullptr) {
    return EntryType::none;
  }
  const git_filemode_t mode = libgit2().git_tree_entry_filemode(entry);
  return mode == GIT_FILEMODE_LINK     ? EntryType::link
         : mode == GIT_FILEMODE_TREE   ? EntryType::directory
         : mode == GIT_FILEMODE_COMMIT ? EntryType::submodule
                                       : EntryType::file;
}

// Object ids as keys: their first bytes are already a good hash.
struct OidHash
{
  std::size_t operator()(const git_oid& id) const
  {
    std::size_t hash = 0;
    std::memcpy(&hash, id.id, sizeof hash);
    return hash;
  }
};
struct OidEqual
{
  bool operator()(const git_oid& a, const git_oid& b) const
  {
    return libgit2().git_oid_equal(&a, &b) != 0;
  }
};
using OidSet = std::unordered_set<git_oid, OidHash, OidEqual>;

bool same(const std::optional<git_oid>& a, const std::optional<git_oid>& b)
{
  return a.has_value() == b.has_value() && (!a || libgit2().git_oid_equal(&*a, &*b));
}

// "2026-11-28T12:00:00+01:00": the committer's own clock, as git's %cI prints it.
std::string iso_8601(const git_time& when)
{
  return format_date_time(std::chrono::sys_seconds{std::chrono::seconds{when.time}},
                          std::chrono::minutes{when.offset});
}

// The blob's bytes; `at` names the revision in an error.
std::string blob_text(git_repository* repository, const git_oid& id, const std::string& path,
                      const std::string& at)
{
  git_blob* blob = nullptr;
  if (libgit2().git_blob_lookup(&blob, repository, &id) != 0) {
    throw IoError(path,
                  fmt::format("{}: cannot read {} at {} ({})",
                              libgit2().git_repository_path(repository), path, at, last_error()));
  }
  std::string text(static_cast<const char*>(libgit2().git_blob_rawcontent(blob)),
                   static_cast<std::size_t>(libgit2().git_blob_rawsize(blob)));
  libgit2().git_blob_free(blob);
  return text;
}

// The commits `SINCE..REF` asks for: those REF reaches and SINCE does not, listed once by
// libgit2's own walk; every commit without SINCE.
struct Range
{
  std::optional<OidSet> wanted;
  std::optional<git_oid> bottom;

  bool wants(const git_commit* commit) const
  {
    return !wanted || wanted->count(*libgit2().git_commit_id(commit)) != 0;
  }
  // SINCE itself is not walked, but a merge whose file is SINCE's is explained by it (git's
  // "relevant" commits: the wanted ones and the bottom of the range).
  bool relevant(const git_commit* commit) const
  {
    return wants(commit) ||
           (bottom && libgit2().git_oid_equal(&*bottom, libgit2().git_commit_id(commit)) != 0);
  }
};

Range range_of(git_repository* repository, const git_commit* start, const std::string& since_ref)
{
  Range range;
  if (since_ref.empty()) {
    return range;
  }
  const Owned<git_commit> since = peel_commit(repository, since_ref);
  if (!since) {
    throw UsageError(fmt::format("git knows no revision '{}'", since_ref));
  }
  git_revwalk* raw = nullptr;
  if (libgit2().git_revwalk_new(&raw, repository) != 0) {
    throw IoError(libgit2().git_repository_path(repository),
                  fmt::format("{}: cannot walk the history ({})",
                              libgit2().git_repository_path(repository), last_error()));
  }
  const Owned<git_revwalk> walk(raw);
  libgit2().git_revwalk_push(raw, libgit2().git_commit_id(start));
  libgit2().git_revwalk_hide(raw, libgit2().git_commit_id(since.get()));
  range.bottom = *libgit2().git_commit_id(since.get());
  range.wanted.emplace();
  git_oid id;
  while (libgit2().git_revwalk_next(&id, raw) == 0) {
    range.wanted->insert(id);
  }
  return range;
}

// The blob at `path` in each commit: every commit is compared once as a child and once per
// child as a parent, and its tree is looked up once.
struct BlobCache
{
  const std::string& path;
  std::unordered_map<git_oid, std::optional<git_oid>, OidHash, OidEqual> blobs;

  std::optional<git_oid> of(const git_commit* commit)
  {
    const auto [slot, added] = blobs.try_emplace(*libgit2().git_commit_id(commit));
    if (added) {
      slot->second = blob_at(commit, path);
    }
    return slot->second;
  }
};

// The commits still to visit in git log's order: newest committer date first, and the commit
// queued first on a tie; each one the range wants, once.
struct CommitQueue
{
  struct Queued
  {
    std::int64_t time = 0;
    std::uint64_t order = 0;
    Owned<git_commit> commit;
  };

  const Range& range;
  std::vector<Queued> queue;
  OidSet seen;

  static bool later(const Queued& a, const Queued& b)
  {
    return a.time != b.time ? a.time < b.time : a.order > b.order;
  }

  void push(Owned<git_commit> commit)
  {
    if (!range.wants(commit.get()) || !seen.insert(*libgit2().git_commit_id(commit.get())).second) {
      return;
    }
    const std::int64_t time = libgit2().git_commit_time(commit.get());
    queue.push_back(Queued{time, seen.size(), std::move(commit)});
    std::push_heap(queue.begin(), queue.end(), later);
  }

  Queued pop()
  {
    std::pop_heap(queue.begin(), queue.end(), later);
    Queued next = std::move(queue.back());
    queue.pop_back();
    return next;
  }
};

// The parents the walk follows from a commit, and whether the commit changed the file.
struct Step
{
  std::vector<Owned<git_commit>> parents;
  bool changed = false;
};

// git's default history simplification: a relevant parent with the same file explains the
// commit, so only that parent is followed and the commit is not listed.
Step simplify(const git_commit* commit, const std::optional<git_oid>& here, const Range& range,
              BlobCache& blobs)
{
  Step step;
  bool wanted_parent = false;
  bool wanted_differs = false;
  bool other_differs = false;
  const unsigned count = libgit2().git_commit_parentcount(commit);
  for (unsigned i = 0; i < count; ++i) {
    git_commit* raw = nullptr;
    if (libgit2().git_commit_parent(&raw, commit, i) != 0) {
      continue; // a shallow clone's boundary: this commit is as far as history goes
    }
    Owned<git_commit> parent(raw);
    const bool differs = !same(blobs.of(parent.get()), here);
    if (range.relevant(parent.get())) {
      wanted_parent = true;
      if (!differs) {
        step.parents.clear();
        step.parents.push_back(std::move(parent));
        step.changed = false;
        return step;
      }
      wanted_differs = true;
    } else {
      other_differs = other_differs || differs;
    }
    step.parents.push_back(std::move(parent));
  }
  // As git decides it: only parents the walk wants count, unless it wants none of them (a
  // commit right after SINCE); a commit without parents changed the file if it has one.
  step.changed =
      step.parents.empty() ? here.has_value() : (wanted_parent ? wanted_differs : other_differs);
  return step;
}

// The commit as a change of the file at `path`, whose blob in it is `here`.
FileChange file_change(git_repository* repository, const git_commit* commit, std::int64_t time,
                       const std::optional<git_oid>& here, const std::string& path)
{
  FileChange change;
  char hex[GIT_OID_HEXSZ + 1] = {};
  libgit2().git_oid_tostr(hex, sizeof hex, libgit2().git_commit_id(commit));
  change.commit = hex;
  change.time = time;
  change.at = iso_8601(libgit2().git_commit_committer(commit)->when);
  const git_signature* author = libgit2().git_commit_author(commit);
  change.by = author != nullptr && author->name != nullptr ? author->name : "";
  if (here) {
    change.content = blob_text(repository, *here, path, change.commit);
    change.link = type_of(entry_at(commit, path).get()) == EntryType::link;
  }
  return change;
}

} // namespace

Repository::Repository(const std::filesystem::path& path, bool search)
{
  const unsigned flags = search ? 0u : static_cast<unsigned>(GIT_REPOSITORY_OPEN_NO_SEARCH);
  if (libgit2().git_repository_open_ext(&m_repository, path.c_str(), flags, nullptr) != 0) {
    m_repository = nullptr;
    throw IoError(path.string(),
                  fmt::format("{}: not a git repository ({})", path.string(), last_error()));
  }
}

Repository::~Repository()
{
  libgit2().git_repository_free(m_repository);
}

bool Repository::has_commit(const std::string& ref) const
{
  return peel_commit(m_repository, ref) != nullptr;
}

EntryType Repository::entry_type(const std::string& ref, const std::string& path) const
{
  const Owned<git_commit> commit = peel_commit(m_repository, ref);
  if (!commit) {
    return EntryType::none;
  }
  return type_of(entry_at(commit.get(), path).get());
}

bool Repository::head_unborn() const
{
  return libgit2().git_repository_head_unborn(m_repository) == 1;
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
  return blob_text(m_repository, *id, path, ref);
}

std::vector<FileChange> Repository::changes(const std::string& ref, const std::string& path,
                                            const ChangeLimit& limit) const
{
  std::vector<FileChange> found;
  Owned<git_commit> start = peel_commit(m_repository, ref);
  if (!start) {
    return found;
  }
  const Range range = range_of(m_repository, start.get(), limit.since_ref);
  BlobCache blobs{path, {}};
  CommitQueue queue{range, {}, {}};
  queue.push(std::move(start));
  while (!queue.queue.empty()) {
    CommitQueue::Queued next = queue.pop();
    if (limit.since_time && next.time < *limit.since_time) {
      break; // everything still queued is older
    }
    const git_commit* commit = next.commit.get();
    const std::optional<git_oid> here = blobs.of(commit);
    Step step = simplify(commit, here, range, blobs);
    for (Owned<git_commit>& parent : step.parents) {
      queue.push(std::move(parent));
    }
    if (!step.changed) {
      continue;
    }
    found.push_back(file_change(m_repository, commit, next.time, here, path));
    if (limit.max != 0 && found.size() >= limit.max) {
      break;
    }
  }
  return found;
}

std::optional<LastChange> Repository::last_change(const std::string& ref,
                                                  const std::string& path) const
{
  const Owned<git_commit> commit = peel_commit(m_repository, ref);
  if (!commit || !blob_at(commit.get(), path)) {
    return std::nullopt;
  }
  const std::vector<FileChange> found = changes(ref, path, ChangeLimit{std::nullopt, {}, 1});
  if (found.empty()) {
    return std::nullopt;
  }
  return LastChange{found.front().at, found.front().by};
}

std::filesystem::path Repository::git_dir() const
{
  return std::filesystem::path(libgit2().git_repository_path(m_repository));
}

std::filesystem::path Repository::work_tree() const
{
  const char* directory = libgit2().git_repository_workdir(m_repository);
  return directory != nullptr ? std::filesystem::path(directory) : std::filesystem::path();
}

} // namespace llmchecklist::detail
