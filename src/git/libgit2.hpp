#pragma once
// libgit2, loaded when a command first reads a repository in-process (fleet, history, the last
// change an export records), not when the program starts. Linked the usual way, libgit2 and
// what it links (Kerberos, OpenSSL, mbed TLS, libssh2) cost every command about 9 ms of start-
// up here, three times what `list` takes; bench/run's "speed-only: libgit2 on first use" row
// measures it (LD_PRELOAD puts the eager load back for comparison).

#include <git2.h>

namespace llmchecklist::detail {

// Every libgit2 function llmchecklist calls, by name.
#define LLMCHECKLIST_LIBGIT2_FUNCTIONS(X)                                                          \
  X(git_libgit2_init)                                                                              \
  X(git_error_last)                                                                                \
  X(git_repository_open_ext)                                                                       \
  X(git_repository_free)                                                                           \
  X(git_repository_path)                                                                           \
  X(git_repository_workdir)                                                                        \
  X(git_repository_head_unborn)                                                                    \
  X(git_revparse_single)                                                                           \
  X(git_object_peel)                                                                               \
  X(git_object_free)                                                                               \
  X(git_commit_tree)                                                                               \
  X(git_commit_parent)                                                                             \
  X(git_commit_parentcount)                                                                        \
  X(git_commit_id)                                                                                 \
  X(git_commit_time)                                                                               \
  X(git_commit_author)                                                                             \
  X(git_commit_committer)                                                                          \
  X(git_commit_free)                                                                               \
  X(git_tree_entry_bypath)                                                                         \
  X(git_tree_entry_id)                                                                             \
  X(git_tree_entry_type)                                                                           \
  X(git_tree_entry_filemode)                                                                       \
  X(git_tree_entry_free)                                                                           \
  X(git_tree_free)                                                                                 \
  X(git_blob_lookup)                                                                               \
  X(git_blob_rawcontent)                                                                           \
  X(git_blob_rawsize)                                                                              \
  X(git_blob_free)                                                                                 \
  X(git_oid_equal)                                                                                 \
  X(git_oid_tostr)                                                                                 \
  X(git_odb_hash)                                                                                  \
  X(git_revwalk_new)                                                                               \
  X(git_revwalk_push)                                                                              \
  X(git_revwalk_hide)                                                                              \
  X(git_revwalk_next)                                                                              \
  X(git_revwalk_free)

/// The functions, each a member named as libgit2 names it.
struct Libgit2
{
#define LLMCHECKLIST_LIBGIT2_MEMBER(name) decltype(&::name) name = nullptr;
  LLMCHECKLIST_LIBGIT2_FUNCTIONS(LLMCHECKLIST_LIBGIT2_MEMBER)
#undef LLMCHECKLIST_LIBGIT2_MEMBER
};

/// libgit2, loaded and initialised on the first call (from any thread). Throws IoError, saying
/// which package to install, when it cannot be loaded.
const Libgit2& libgit2();

} // namespace llmchecklist::detail
