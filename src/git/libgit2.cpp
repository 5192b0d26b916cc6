#include "git/libgit2.hpp"

#include <dlfcn.h>

#include <mutex>
#include <string>

#include <fmt/format.h>

#include "llmchecklist/error.hpp"

// The build names the library it compiled against (libgit2.so.MAJOR.MINOR, libgit2's soname)
// and the Debian package that ships it.
#ifndef LLMCHECKLIST_LIBGIT2_SONAME
#error "LLMCHECKLIST_LIBGIT2_SONAME must name libgit2's shared library"
#endif
#ifndef LLMCHECKLIST_LIBGIT2_PACKAGE
#define LLMCHECKLIST_LIBGIT2_PACKAGE "libgit2"
#endif

namespace llmchecklist::detail {

const Libgit2& libgit2()
{
  static Libgit2 functions;
  static std::string failure;
  static std::once_flag once;
  std::call_once(once, [] {
    // Never closed: libgit2 stays loaded until the process ends, as a linked library would.
    void* handle = ::dlopen(LLMCHECKLIST_LIBGIT2_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = ::dlerror();
      failure = fmt::format("cannot load {} to read git repositories ({}); on Debian/Ubuntu: "
                            "sudo apt-get install {}",
                            LLMCHECKLIST_LIBGIT2_SONAME, why != nullptr ? why : "unknown error",
                            LLMCHECKLIST_LIBGIT2_PACKAGE);
      return;
    }
    bool complete = true;
#define LLMCHECKLIST_LIBGIT2_RESOLVE(name)                                                         \
  functions.name = reinterpret_cast<decltype(&::name)>(::dlsym(handle, #name));                    \
  if (functions.name == nullptr) {                                                                 \
    complete = false;                                                                              \
    failure = fmt::format("{} has no {}: not the libgit2 llmchecklist was built for",              \
                          LLMCHECKLIST_LIBGIT2_SONAME, #name);                                     \
  }
    LLMCHECKLIST_LIBGIT2_FUNCTIONS(LLMCHECKLIST_LIBGIT2_RESOLVE)
#undef LLMCHECKLIST_LIBGIT2_RESOLVE
    if (complete) {
      functions.git_libgit2_init();
    }
  });
  if (!failure.empty()) {
    throw IoError(LLMCHECKLIST_LIBGIT2_SONAME, failure);
  }
  return functions;
}

} // namespace llmchecklist::detail
